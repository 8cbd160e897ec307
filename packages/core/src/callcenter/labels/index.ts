export * from "./call-labels.ts"
export * from "./inbound-call-labels.ts"
export * from "./outbound-call-labels.ts"
