export * from "./port-failure.ts"
export * from "./refusal.ts"
export * from "./refusals.ts"
export * from "./validation-error.ts"
