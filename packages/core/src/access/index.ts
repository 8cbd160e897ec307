export * from "./confidentiality-level.ts"
