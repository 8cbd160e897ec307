export * from "./grading-policy.ts"
