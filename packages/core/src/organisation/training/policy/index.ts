export * from "./induction-template.ts"
export * from "./training-policy.ts"
