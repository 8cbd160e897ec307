export * from "./civil-date.ts"
export * from "./instant.ts"
