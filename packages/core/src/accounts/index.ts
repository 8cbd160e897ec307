/**
 * Key accounts 大客户管理 (DOMAIN module 4; 004 ch.4): screening (ranking, credit, conditions),
 * the current × potential value matrix, customer lifetime value, revisit schedules and the
 * revisit flow, the key-account officer's scorecard and the satisfaction survey's gap analysis.
 */
export * from "./labels/index.ts"
export * from "./models/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
export * from "./schema/index.ts"
