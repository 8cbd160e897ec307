export * from "./enumeration.ts"
export * from "./label.ts"
