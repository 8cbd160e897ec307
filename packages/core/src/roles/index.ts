export * from "./authority.ts"
export * from "./role.ts"
