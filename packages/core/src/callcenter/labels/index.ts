export * from "./call-labels.ts"
