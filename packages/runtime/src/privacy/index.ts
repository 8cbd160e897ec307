export * from "./personal-data-store.ts"
