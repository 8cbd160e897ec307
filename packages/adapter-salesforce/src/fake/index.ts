/**
 * @tixi/adapter-salesforce/fake — a Salesforce org in memory, served through msw: the REST,
 * Tooling, Bulk API 2.0 and approvals endpoints tixi uses, with the org's limits (200-record
 * collections, SOQL paging, the API allocation and `Sforce-Limit-Info`, sessions that expire),
 * per-record errors, Change Data Capture events and a latency model for benchmarks.
 */
export * from "./fake-org.ts"
export * from "./fake-pubsub.ts"
export * from "./fake-salesforce.ts"
export * from "./local-server.ts"
export * from "./org-errors.ts"
export * from "./rest-handler.ts"
export * from "./schema.ts"
