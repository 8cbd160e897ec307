export * from "./policy-changes.ts"
export * from "./quality-policy.ts"
export * from "./quality-system-policy.ts"
