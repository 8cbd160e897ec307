export * from "./actor.ts"
export * from "./authority.ts"
export * from "./role.ts"
