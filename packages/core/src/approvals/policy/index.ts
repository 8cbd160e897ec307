export * from "./approval-policy.ts"
export * from "./default-approval-policy.ts"
