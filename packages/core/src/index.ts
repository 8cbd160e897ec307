/**
 * @tixi/core — the customer-service management system (客户服务管理体系) as a pure domain core:
 * forms, policies, processes and analysis models, with the ports adapters implement.
 */

export * from "./access/index.ts"
/** The access model also as a namespace, so catalogue pointers (`Access.projectForm`) resolve like other modules'. */
export * as Access from "./access/index.ts"
export * as Accounts from "./accounts/index.ts"
export * as Approval from "./approvals/index.ts"
export * from "./calendar/index.ts"
export * as CallCenter from "./callcenter/index.ts"
export * as Complaints from "./complaints/index.ts"
export * as Credit from "./credit/index.ts"
export * from "./errors/index.ts"
export * from "./forms/index.ts"
export * as Grading from "./grading/index.ts"
export * as Handbook from "./handbook/index.ts"
export * from "./ids/index.ts"
export * as Information from "./information/index.ts"
export * from "./labels/index.ts"
export * as Money from "./money/index.ts"
export * as Organisation from "./organisation/index.ts"
export * as Planning from "./planning/index.ts"
export * from "./ports/index.ts"
export * from "./process/index.ts"
export * as Quality from "./quality/index.ts"
export * from "./roles/index.ts"
export * from "./time/index.ts"
