/**
 * @tixi/testing — conformance suites that every implementation of tixi's ports runs, and the
 * fixtures they share. Used from vitest: `hostCrmSuite("HubSpot", harness)`.
 */
export * from "./conformance/approvals-test.ts"
export * from "./conformance/directory-test.ts"
export * from "./conformance/host-crm-test.ts"
export * from "./conformance/notifier-test.ts"
export * from "./conformance/suite.ts"
export * from "./fixtures/callback-endpoint.ts"
export * from "./fixtures/company.ts"
export * from "./fixtures/complaint-handling.ts"
export * from "./fixtures/complaint-remedy.ts"
export * from "./fixtures/fuzzed-intake.ts"
export * from "./fixtures/scripted-complaints.ts"
export * from "./fixtures/shifted-clock.ts"
export * from "./postgres/throwaway-postgres.ts"
