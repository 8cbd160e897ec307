export * from "./call-centre-policy.ts"
export * from "./inbound-call-policy.ts"
export * from "./monitoring-scorecard.ts"
export * from "./outbound-call-policy.ts"
