export * from "./civil-date.ts"
export * from "./instant.ts"
export * from "./time-of-day.ts"
export * from "./time-zone.ts"
