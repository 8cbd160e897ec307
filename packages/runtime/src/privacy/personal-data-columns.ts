/**
 * How a column keeps what it holds: `jsonb` (parsed by the database), `json-text` (JSON written as
 * text, as Effect Cluster stores its messages) or `text` (free text such as an error message).
 */
export type StoredColumnFormat = "jsonb" | "json-text" | "text"

/** A column of the runtime's database that can hold a copy of a natural person's values. */
export interface PersonalDataColumn {
  readonly table: string
  readonly column: string
  readonly format: StoredColumnFormat
  /** The SQL that names a row to a reader (its key), for the export. */
  readonly rowKey: string
  /** Whether the table only exists once the cluster engine has run on the database. */
  readonly clusterOnly?: boolean
}

const instanceKey = "process || '/' || instance_id"

/**
 * Every column of every table the runtime creates (`storage/schema.ts`, `audit/audit-schema.ts`
 * and Effect Cluster's `SqlMessageStorage`, tables `cluster_*`) that can hold a person's values,
 * each masked by the erasure in the same transaction. The others hold none:
 * - `tixi_instances` status, deadline keys and `fired_deadlines` (deadline keys and instants);
 * - `tixi_inbox.dedup_key`, `tixi_intake_events.event_id`: the vendor's delivery ids, which
 *   de-duplication needs; `tixi_feed_positions`: a feed's cursor; `tixi_meta`: the engine claim;
 * - `cluster_runners`, `cluster_locks`: runner addresses and shard leases; the other
 *   `cluster_messages` columns: entity ids (hashes of the instance id), tags and trace ids;
 * - `tixi_audit`: append-only by trigger, so it is never rewritten; it names staff by id and a
 *   refusal's reason, and holds no form values.
 * Rows are read and rewritten by their `ctid` under `FOR UPDATE`, so no table needs a key here.
 */
export const personalDataColumns: ReadonlyArray<PersonalDataColumn> = [
  { table: "tixi_events", column: "event", format: "jsonb", rowKey: `${instanceKey} || '#' || sequence` },
  { table: "tixi_inbox", column: "command", format: "jsonb", rowKey: `${instanceKey} || '@' || position` },
  { table: "tixi_instances", column: "state", format: "jsonb", rowKey: instanceKey },
  // The embedded engine's outbox: effect requests carry what they write to the host.
  { table: "tixi_instances", column: "pending_effects", format: "jsonb", rowKey: instanceKey },
  { table: "tixi_dead_letters", column: "request", format: "jsonb", rowKey: "id" },
  // A host's refusal often quotes the value it refused.
  { table: "tixi_dead_letters", column: "error", format: "text", rowKey: "id" },
  // Raw webhook bodies in the vendor's shape; the rows stay, their ids de-duplicate redeliveries.
  { table: "tixi_intake_events", column: "payload", format: "jsonb", rowKey: "source || '/' || event_id" },
  { table: "tixi_intake_refused", column: "payload", format: "text", rowKey: "source || '/' || event_id" },
  { table: "tixi_intake_refused", column: "reason", format: "text", rowKey: "source || '/' || event_id" },
  // The cluster engine's wait points: a command reaches a workflow as JSON text inside a message
  // (a deferred's result), and activity results come back as replies; replays decide from these.
  {
    table: "cluster_messages",
    column: "payload",
    format: "json-text",
    rowKey: "id::text",
    clusterOnly: true,
  },
  {
    table: "cluster_messages",
    column: "headers",
    format: "json-text",
    rowKey: "id::text",
    clusterOnly: true,
  },
  { table: "cluster_replies", column: "payload", format: "json-text", rowKey: "id::text", clusterOnly: true },
]
