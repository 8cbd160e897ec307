export * from "./port-failure.ts"
export * from "./refusals.ts"
export * from "./validation-error.ts"
