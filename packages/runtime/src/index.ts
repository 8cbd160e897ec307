/**
 * @tixi/runtime — runs tixi's processes durably: on its embedded engine over PGlite by default,
 * on Effect's workflow engine and Effect Cluster with several runners over PostgreSQL; webhook
 * intake; the `tixi` CLI.
 */

export * from "./cluster/cluster-layer.ts"
export { earliestDeadline, workflowName } from "./cluster/process-workflow.ts"
export * from "./config/define-config.ts"
export * from "./embedded/embedded-engine.ts"
export * from "./embedded/embedded-runtime-layer.ts"
export * from "./engine/engine-control.ts"
export * from "./engine/errors.ts"
export * from "./engine/hosted-process.ts"
export * from "./engine/process-runtime.ts"
export * from "./engine/retry-policy.ts"
export * from "./engine/runtime-layer.ts"
export * from "./engine/turn-record.ts"
export * from "./hosting/approval-outcome-route.ts"
export * from "./hosting/hosted-complaints.ts"
export * from "./intake/change-feeds.ts"
export * from "./intake/hmac-source.ts"
export * from "./intake/intake-server.ts"
export * from "./intake/intake-source.ts"
export * from "./runner/runner-layer.ts"
export * from "./simulation/simulated-clock.ts"
export * from "./simulation/simulation-driver.ts"
export * from "./sql/data-folder-lock.ts"
export { json } from "./sql/pg-compiler.ts"
export * from "./sql/pglite-client.ts"
export * from "./sql/postgres-client.ts"
export * from "./status/format-status.ts"
export * from "./status/runtime-status.ts"
export { ensureSchema } from "./storage/schema.ts"
