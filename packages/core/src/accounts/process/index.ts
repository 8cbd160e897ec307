export * from "./key-account-maintenance.ts"
export * from "./key-account-revisit.ts"
export * from "./key-account-service.ts"
