export * from "./approval-outcome.ts"
export * from "./quality-review.ts"
export * from "./satisfaction-measurement.ts"
export * from "./satisfaction-survey.ts"
