export * from "./key-account-revisit.ts"
