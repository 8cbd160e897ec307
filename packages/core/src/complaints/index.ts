/**
 * Complaints (客户投诉管理, DOMAIN.md module 1): the labels, the handbook's forms, the policy with
 * its defaults, the reception and handling flow charts as one decider, the statistics, and the
 * intake of changes staff make in the host CRM.
 */
export * from "./host/index.ts"
export * from "./labels/index.ts"
export * from "./models/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
export * from "./schema/index.ts"
