export * from "./quality-review.ts"
export * from "./satisfaction-survey.ts"
