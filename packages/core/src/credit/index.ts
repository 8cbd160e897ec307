/**
 * Credit management 客户信用管理 (DOMAIN module 2; 004 ch.2 and ch.7): scoring by the credit
 * analysis form or the 5C model, grades with their limits, terms and payment methods, exposure
 * and overdue controls, danger signals, and the credit flows as deciders.
 */
export * from "./labels/index.ts"
export * from "./models/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
export * from "./schema/index.ts"
