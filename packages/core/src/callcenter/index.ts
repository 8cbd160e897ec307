/**
 * 呼叫中心管理 — the call centre (004 ch.8, 000 ch.9, 001 ch.8): call records and the handbook's
 * forms, Erlang C and Erlang A staffing, forecasting, shift scheduling, KPIs, quality monitoring
 * scorecards and the service flow.
 */
export * from "./labels/index.ts"
export * from "./models/index.ts"
export * from "./policy/index.ts"
export * from "./process/index.ts"
export * from "./schema/index.ts"
