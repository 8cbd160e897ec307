import type { EffectRequest, ProcessEvent } from "@tixi/core"
import { jsonLiteral, literal, rowLiteral } from "./sql-literal.ts"

/** An instance as `tixi_instances` keeps it, written whole each time (the latest write wins). */
export interface InstanceRow {
  readonly process: string
  readonly instanceId: string
  readonly version: number
  readonly status: string
  readonly finished: boolean
  readonly parked: boolean
  /**
   * The state, written every few turns only (a snapshot): in between it is the snapshot's state
   * with the events since `stateSequence` replayed. Undefined keeps the stored snapshot.
   */
  readonly state: { readonly value: unknown; readonly sequence: number } | undefined
  readonly sequence: number
  readonly turn: number
  readonly nextPosition: number
  readonly nextDeadline: { readonly key: string; readonly dueAt: number } | undefined
  readonly retries: number
  readonly startedAt: number
  readonly updatedAt: number
  readonly finishedAt: number | undefined
  /** The effects of turns not known to be done (the outbox); performed again after a crash. */
  readonly pendingEffects: ReadonlyArray<PendingEffects>
  /** Deadline occurrences (`key@dueAt`) that fired and are still listed. */
  readonly firedDeadlines: ReadonlyArray<string>
}

/**
 * A turn whose effects are not known to be done, by the events it recorded (sequences `from` to
 * `to`, exclusive): the effects are the definition's for those events, so they are recomputed
 * from the event log after a crash rather than stored again.
 */
export interface PendingEffects {
  readonly turn: number
  readonly from: number
  readonly to: number
}

/** A command in an instance's inbox, with what became of it once a turn took it. */
export interface InboxRow {
  readonly process: string
  readonly instanceId: string
  readonly position: number
  readonly dedupKey: string
  readonly command: unknown
  readonly receivedAt: number
  readonly outcome: string | undefined
}

/** An event in the event log. */
export interface EventRow {
  readonly process: string
  readonly instanceId: string
  readonly sequence: number
  readonly event: ProcessEvent
}

/** A dead letter, written whole each time its status changes. */
export interface DeadLetterRow {
  readonly id: string
  readonly process: string
  readonly instanceId: string
  readonly turn: number
  readonly round: number
  readonly request: EffectRequest
  readonly error: string
  readonly attempts: number
  readonly status: "parked" | "retry-requested" | "retrying" | "resolved" | "failed-again"
  readonly parkedAt: number
  readonly retryRequestedAt: number | undefined
  readonly resolvedAt: number | undefined
}

/**
 * What one step writes and must be committed together: a turn's projection, inbox outcome and
 * events; a delivered command; a parked dead letter. Groups are committed in the order they were
 * queued, many in one transaction, so what survives a crash is always a prefix of them.
 */
export interface WriteGroup {
  readonly instances?: ReadonlyArray<InstanceRow>
  readonly inbox?: ReadonlyArray<InboxRow>
  readonly events?: ReadonlyArray<EventRow>
  readonly deadLetters?: ReadonlyArray<DeadLetterRow>
}

const instanceColumns =
  "process, instance_id, execution_id, version, status, finished, parked, state, state_sequence, sequence, turn, next_position, next_deadline_key, next_deadline_at, retries, started_at, updated_at, finished_at, pending_effects, fired_deadlines"
const instanceUpdates = [
  "state = COALESCE(EXCLUDED.state, tixi_instances.state)",
  "state_sequence = COALESCE(EXCLUDED.state_sequence, tixi_instances.state_sequence)",
  ...[
    "status",
    "finished",
    "parked",
    "sequence",
    "turn",
    "next_position",
    "next_deadline_key",
    "next_deadline_at",
    "retries",
    "updated_at",
    "finished_at",
    "pending_effects",
    "fired_deadlines",
  ].map((column) => `${column} = EXCLUDED.${column}`),
].join(", ")

const instanceValues = (row: InstanceRow) =>
  rowLiteral([
    literal(row.process),
    literal(row.instanceId),
    literal(`${row.process}/${row.instanceId}`),
    literal(row.version),
    literal(row.status),
    literal(row.finished),
    literal(row.parked),
    row.state === undefined ? "NULL" : jsonLiteral(row.state.value ?? null),
    literal(row.state?.sequence),
    literal(row.sequence),
    literal(row.turn),
    literal(row.nextPosition),
    literal(row.nextDeadline?.key),
    literal(row.nextDeadline?.dueAt),
    literal(row.retries),
    literal(row.startedAt),
    literal(row.updatedAt),
    literal(row.finishedAt),
    row.pendingEffects.length === 0 ? "NULL" : jsonLiteral(row.pendingEffects),
    row.firedDeadlines.length === 0 ? "NULL" : jsonLiteral(row.firedDeadlines),
  ])

const inboxValues = (row: InboxRow) =>
  rowLiteral([
    literal(row.process),
    literal(row.instanceId),
    literal(row.position),
    literal(row.dedupKey),
    jsonLiteral(row.command),
    literal(row.receivedAt),
    literal(row.outcome),
  ])

const eventValues = (row: EventRow) =>
  rowLiteral([
    literal(row.process),
    literal(row.instanceId),
    literal(row.sequence),
    literal(row.event.type),
    literal(row.event.at),
    jsonLiteral(row.event),
  ])

const letterValues = (row: DeadLetterRow) =>
  rowLiteral([
    literal(row.id),
    literal(row.process),
    literal(row.instanceId),
    literal(row.turn),
    literal(row.round),
    literal(row.request.key),
    literal(row.request.kind),
    jsonLiteral(row.request),
    literal(row.error),
    literal(row.attempts),
    literal(row.status),
    literal(row.parkedAt),
    literal(row.retryRequestedAt),
    literal(row.resolvedAt),
  ])

/** How many rows a batch of groups writes, for statistics. */
export interface BatchShape {
  readonly instances: number
  readonly inbox: number
  readonly events: number
  readonly deadLetters: number
}

/**
 * One statement writing a batch of groups: each table gets one multi-row insert, combined as
 * data-modifying common table expressions, which PostgreSQL runs atomically. Rows written twice in
 * a batch (an instance that took two turns) keep their last version, because an upsert may not
 * touch a row twice in one statement.
 */
export function renderBatch(groups: ReadonlyArray<WriteGroup>): {
  readonly sql: string
  readonly shape: BatchShape
} {
  const instances = new Map<string, InstanceRow>()
  const inbox = new Map<string, InboxRow>()
  const events: Array<EventRow> = []
  const letters = new Map<string, DeadLetterRow>()
  for (const group of groups) {
    for (const row of group.instances ?? []) instances.set(`${row.process}\u0000${row.instanceId}`, row)
    for (const row of group.inbox ?? [])
      inbox.set(`${row.process}\u0000${row.instanceId}\u0000${row.position}`, row)
    for (const row of group.events ?? []) events.push(row)
    for (const row of group.deadLetters ?? []) letters.set(row.id, row)
  }
  const parts: Array<string> = []
  if (instances.size > 0) {
    parts.push(
      `written_instances AS (INSERT INTO tixi_instances (${instanceColumns}) VALUES ${[...instances.values()].map(instanceValues).join(", ")} ON CONFLICT (process, instance_id) DO UPDATE SET ${instanceUpdates})`,
    )
  }
  if (inbox.size > 0) {
    parts.push(
      `written_inbox AS (INSERT INTO tixi_inbox (process, instance_id, position, dedup_key, command, received_at, outcome) VALUES ${[...inbox.values()].map(inboxValues).join(", ")} ON CONFLICT (process, instance_id, position) DO UPDATE SET outcome = EXCLUDED.outcome)`,
    )
  }
  if (events.length > 0) {
    parts.push(
      `written_events AS (INSERT INTO tixi_events (process, instance_id, sequence, type, at, event) VALUES ${events.map(eventValues).join(", ")} ON CONFLICT DO NOTHING)`,
    )
  }
  if (letters.size > 0) {
    parts.push(
      `written_letters AS (INSERT INTO tixi_dead_letters (id, process, instance_id, turn, round, effect_key, kind, request, error, attempts, status, parked_at, retry_requested_at, resolved_at) VALUES ${[...letters.values()].map(letterValues).join(", ")} ON CONFLICT (id) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, status = EXCLUDED.status, retry_requested_at = EXCLUDED.retry_requested_at, resolved_at = EXCLUDED.resolved_at)`,
    )
  }
  return {
    sql: parts.length === 0 ? "SELECT 1" : `WITH ${parts.join(", ")} SELECT 1`,
    shape: { instances: instances.size, inbox: inbox.size, events: events.length, deadLetters: letters.size },
  }
}

/** A rough size of a group in characters of SQL, to keep one batch statement within bounds. */
export const groupWeight = (group: WriteGroup): number =>
  (group.instances?.length ?? 0) * 2_000 +
  (group.inbox?.length ?? 0) * 500 +
  (group.events?.length ?? 0) * 600 +
  (group.deadLetters?.length ?? 0) * 1_000
