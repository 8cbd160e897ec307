export * from "./idempotency-key.ts"
export * from "./ids.ts"
