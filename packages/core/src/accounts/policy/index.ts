export * from "./accounts-policy.ts"
