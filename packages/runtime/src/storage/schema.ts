import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { auditStatements } from "../audit/audit-schema.ts"

/**
 * tixi's own tables beside Effect Cluster's (`cluster_*`). The workflow engine keeps what it needs
 * to resume executions; these keep what people and adapters need to see and steer: the inbox of
 * commands per instance (positions, de-duplication), a projection of each instance (status,
 * next deadline), the event log, dead letters, the webhook intake and the audit trail. The embedded engine keeps
 * everything it needs in these tables; the cluster engine keeps its wait points in `cluster_*`.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS tixi_instances (
    process TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    version INT NOT NULL,
    status TEXT NOT NULL,
    finished BOOLEAN NOT NULL DEFAULT FALSE,
    parked BOOLEAN NOT NULL DEFAULT FALSE,
    state JSONB,
    sequence INT NOT NULL DEFAULT 0,
    turn INT NOT NULL DEFAULT 0,
    next_position INT NOT NULL DEFAULT 0,
    next_deadline_key TEXT,
    next_deadline_at BIGINT,
    retries INT NOT NULL DEFAULT 0,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT,
    PRIMARY KEY (process, instance_id)
  )`,
  `CREATE INDEX IF NOT EXISTS tixi_instances_status ON tixi_instances (process, status)`,
  `CREATE INDEX IF NOT EXISTS tixi_instances_deadline ON tixi_instances (next_deadline_at) WHERE NOT finished`,
  `CREATE TABLE IF NOT EXISTS tixi_inbox (
    process TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    position INT NOT NULL,
    dedup_key TEXT NOT NULL,
    command JSONB NOT NULL,
    received_at BIGINT NOT NULL,
    last_signalled_at BIGINT,
    outcome TEXT,
    PRIMARY KEY (process, instance_id, position),
    UNIQUE (process, instance_id, dedup_key)
  )`,
  `CREATE INDEX IF NOT EXISTS tixi_inbox_unconsumed ON tixi_inbox (received_at) WHERE outcome IS NULL`,
  `CREATE TABLE IF NOT EXISTS tixi_events (
    process TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    sequence INT NOT NULL,
    type TEXT NOT NULL,
    at BIGINT NOT NULL,
    event JSONB NOT NULL,
    PRIMARY KEY (process, instance_id, sequence)
  )`,
  `CREATE TABLE IF NOT EXISTS tixi_dead_letters (
    id TEXT PRIMARY KEY,
    process TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    turn INT NOT NULL,
    round INT NOT NULL,
    effect_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    request JSONB NOT NULL,
    error TEXT NOT NULL,
    attempts INT NOT NULL,
    status TEXT NOT NULL,
    parked_at BIGINT NOT NULL,
    retry_requested_at BIGINT,
    resolved_at BIGINT
  )`,
  `CREATE INDEX IF NOT EXISTS tixi_dead_letters_status ON tixi_dead_letters (status)`,
  `CREATE TABLE IF NOT EXISTS tixi_intake_events (
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload JSONB NOT NULL,
    received_at BIGINT NOT NULL,
    delivered BOOLEAN NOT NULL DEFAULT FALSE,
    outcome TEXT,
    PRIMARY KEY (source, event_id)
  )`,
  `CREATE INDEX IF NOT EXISTS tixi_intake_undelivered ON tixi_intake_events (received_at) WHERE NOT delivered`,
  // The embedded engine's outbox (effects of the last turn not yet known to be done) and the
  // deadline occurrences that fired without moving the instance on.
  `ALTER TABLE tixi_instances ADD COLUMN IF NOT EXISTS pending_effects JSONB`,
  `ALTER TABLE tixi_instances ADD COLUMN IF NOT EXISTS fired_deadlines JSONB`,
  // The sequence the stored state was taken at; the embedded engine replays the events since.
  `ALTER TABLE tixi_instances ADD COLUMN IF NOT EXISTS state_sequence INT`,
  `CREATE INDEX IF NOT EXISTS tixi_instances_pending ON tixi_instances (process, instance_id) WHERE pending_effects IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS tixi_dead_letters_instance ON tixi_dead_letters (process, instance_id)`,
  `CREATE TABLE IF NOT EXISTS tixi_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // Where each change feed (Salesforce polling, Change Data Capture) stands, kept with its events.
  `CREATE TABLE IF NOT EXISTS tixi_feed_positions (
    name TEXT PRIMARY KEY,
    position TEXT,
    events BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL
  )`,
  // Intake events the database can never store (a NUL, a lone surrogate), refused with a reason;
  // ids and payloads are kept as escaped text, which any text column holds.
  `CREATE TABLE IF NOT EXISTS tixi_intake_refused (
    source TEXT NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    refusals INT NOT NULL,
    refused_at BIGINT NOT NULL,
    PRIMARY KEY (source, event_id)
  )`,
  // Pruning finds delivered events by age.
  `CREATE INDEX IF NOT EXISTS tixi_intake_delivered ON tixi_intake_events (received_at) WHERE delivered`,
  // The append-only audit trail, after the inbox whose turns it records.
  ...auditStatements,
]

/** Creates tixi's tables when missing; safe to run on every start and from several runners at once. */
export const ensureSchema = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  // Concurrent CREATE … IF NOT EXISTS can still collide in PostgreSQL's catalog; the advisory
  // lock makes runners starting together take turns (PGlite has one session, so it is a no-op).
  yield* sql.withTransaction(
    Effect.gen(function* () {
      yield* sql.unsafe("SELECT pg_advisory_xact_lock(7305200)")
      for (const statement of statements) yield* sql.unsafe(statement)
    }),
  )
})
