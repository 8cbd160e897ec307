export * from "./quality-policy.ts"
export * from "./quality-system-policy.ts"
