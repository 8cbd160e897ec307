export * from "./appraisal-policy.ts"
