export * from "./credit-evaluation.ts"
export * from "./credit-grade-change.ts"
export * from "./credit-limit-override.ts"
export * from "./process-support.ts"
