export * from "./call-centre-policy.ts"
export * from "./monitoring-scorecard.ts"
