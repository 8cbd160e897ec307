/**
 * 客户信息管理 — customer information (004 ch.7): 信息保密管理流程 (§17) with its forms and the
 * confidentiality levels of their fields, and the PIPL model of a natural person's data (export
 * and erasure planning over stored events).
 */
export * from "./forms/index.ts"
export * from "./labels/index.ts"
export * from "./personal/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
