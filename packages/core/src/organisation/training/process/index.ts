export * from "./training-management.ts"
