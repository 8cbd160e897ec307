export * from "./training-labels.ts"
