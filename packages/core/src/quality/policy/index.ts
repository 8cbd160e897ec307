export * from "./quality-policy.ts"
