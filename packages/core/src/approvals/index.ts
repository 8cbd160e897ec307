/**
 * Approvals (审批): the ✓ steps of every flow chart as policy data (chains per request type with
 * AND/OR steps, amount conditions on the authority ladder, deadlines, escalation and delegation),
 * the approval process as a pure decider, and the request forms the hosts render.
 */
export * from "./chain/index.ts"
export * from "./forms/index.ts"
export * from "./labels/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
