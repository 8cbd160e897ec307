export * from "./staff-appraisal.ts"
