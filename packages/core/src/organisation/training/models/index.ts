export * from "./induction-plan.ts"
export * from "./training-evaluation.ts"
export * from "./training-needs.ts"
