export * from "./information-labels.ts"
