export * from "./actor.ts"
export * from "./authority.ts"
export * from "./resolve-actor.ts"
export * from "./role.ts"
