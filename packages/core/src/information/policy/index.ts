export * from "./confidentiality-policy.ts"
