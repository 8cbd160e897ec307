export * from "./quality-labels.ts"
export * from "./quality-system-labels.ts"
