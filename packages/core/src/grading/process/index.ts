export * from "./relationship-maintenance.ts"
