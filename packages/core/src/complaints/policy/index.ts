export * from "./analysis-policy.ts"
export * from "./approval-chain.ts"
export * from "./complaint-policy.ts"
export * from "./parse-complaint-policy.ts"
