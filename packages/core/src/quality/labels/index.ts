export * from "./quality-labels.ts"
