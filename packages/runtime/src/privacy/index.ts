export * from "./personal-data-columns.ts"
export * from "./personal-data-store.ts"
export * from "./personal-data-sweep.ts"
