export * from "./ability-performance-quadrant.ts"
export * from "./appraisal-grade.ts"
export * from "./appraisal-status.ts"
export * from "./complaint-officer-kpi.ts"
