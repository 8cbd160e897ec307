export * from "./training-attendance-form.ts"
export * from "./training-evaluation-form.ts"
export * from "./training-plan-form.ts"
export * from "./unique-rows.ts"
