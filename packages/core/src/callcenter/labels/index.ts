export * from "./call-labels.ts"
export * from "./inbound-call-labels.ts"
export * from "./operating-cycle-labels.ts"
export * from "./outbound-call-labels.ts"
