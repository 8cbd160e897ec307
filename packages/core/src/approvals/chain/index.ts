export * from "./plan-chain.ts"
export * from "./resolve-chain.ts"
