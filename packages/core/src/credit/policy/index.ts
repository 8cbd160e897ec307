export * from "./analysis-scorecard.ts"
export * from "./approval-chain.ts"
export * from "./credit-policy.ts"
export * from "./five-c-scorecard.ts"
