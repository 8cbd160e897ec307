export * from "./host-change-decision.ts"
export * from "./host-intake.ts"
export * from "./host-registration.ts"
