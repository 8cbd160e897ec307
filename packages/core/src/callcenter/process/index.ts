export * from "./inbound-call.ts"
export * from "./operating-cycle.ts"
export * from "./outbound-call.ts"
export * from "./service-request.ts"
