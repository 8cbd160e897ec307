export * from "./approval-labels.ts"
export * from "./request-type.ts"
