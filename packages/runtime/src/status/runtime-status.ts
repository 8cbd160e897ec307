import { Clock, Effect } from "effect"
import { SqlClient } from "effect/sql"
import type { DiskSpace } from "./disk-space.ts"

/** How many instances of a process stand at a status. */
export interface StatusCount {
  readonly process: string
  readonly status: string
  readonly finished: boolean
  readonly count: number
}

/** An instance whose next deadline has passed without firing (a stopped runner, a backlog). */
export interface OverdueDeadline {
  readonly process: string
  readonly instanceId: string
  readonly key: string
  readonly dueAt: number
  readonly overdueMillis: number
}

/** A side effect parked after its retries, waiting for `tixi retry`. */
export interface DeadLetterView {
  readonly id: string
  readonly process: string
  readonly instanceId: string
  readonly kind: string
  readonly attempts: number
  readonly error: string
  readonly status: string
  readonly parkedAt: number
}

/** Where a change feed stands: what it has kept and when it last kept a batch. */
export interface FeedView {
  readonly name: string
  readonly events: number
  readonly updatedAt: number
  /** Time since the last batch was kept; a feed that fails keeps nothing. */
  readonly idleMillis: number
}

/** An intake event refused for good because the database cannot store it, and why. */
export interface RefusedIntakeView {
  readonly source: string
  /** The event's id, with any NUL or lone surrogate written as a `\uXXXX` escape. */
  readonly eventId: string
  readonly type: string
  readonly reason: string
  /** How often the vendor sent it. */
  readonly refusals: number
  readonly refusedAt: number
}

/** What `tixi status` shows. */
export interface RuntimeStatus {
  readonly at: number
  readonly instances: ReadonlyArray<StatusCount>
  readonly parkedInstances: number
  readonly overdueTotal: number
  /** The most overdue first, at most 20. */
  readonly overdue: ReadonlyArray<OverdueDeadline>
  readonly deadLetters: ReadonlyArray<DeadLetterView>
  /** Effect retries (transient failures retried) per process. */
  readonly retries: ReadonlyArray<{ readonly process: string; readonly retries: number }>
  /** Events stored by the intake; `failed` ones were marked with a failure that will not pass. */
  readonly intake: {
    readonly received: number
    readonly undelivered: number
    readonly failed: number
    /** Events refused because the database can never store them (not counted in `received`). */
    readonly refused: number
  }
  /** The latest refused intake events, at most 20. */
  readonly refusedIntake: ReadonlyArray<RefusedIntakeView>
  readonly feeds: ReadonlyArray<FeedView>
  /** Free space on an embedded database's disk against the intake's watermark (absent on PostgreSQL). */
  readonly disk?: DiskSpace
}

/** A deadline counts as overdue once it is this late: timers being handled right now are not news. */
export const overdueGraceMillis = 5_000

/** Reads the runtime's state from its tables (any runner's database, running or not). */
export const readStatus = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const at = yield* Clock.currentTimeMillis
  const instances = yield* sql<{ process: string; status: string; finished: boolean; count: number }>`
    SELECT process, status, finished, COUNT(*)::int AS count FROM tixi_instances
    GROUP BY process, status, finished ORDER BY process, finished, status
  `
  const [parked] = yield* sql<{
    count: number
  }>`SELECT COUNT(*)::int AS count FROM tixi_instances WHERE parked`
  const cutoff = at - overdueGraceMillis
  const [overdueTotal] = yield* sql<{ count: number }>`
    SELECT COUNT(*)::int AS count FROM tixi_instances WHERE NOT finished AND next_deadline_at < ${cutoff}
  `
  const overdue = yield* sql<{
    process: string
    instance_id: string
    next_deadline_key: string
    next_deadline_at: bigint
  }>`
    SELECT process, instance_id, next_deadline_key, next_deadline_at FROM tixi_instances
    WHERE NOT finished AND next_deadline_at < ${cutoff}
    ORDER BY next_deadline_at LIMIT 20
  `
  const letters = yield* sql<{
    id: string
    process: string
    instance_id: string
    kind: string
    attempts: number
    error: string
    status: string
    parked_at: bigint
  }>`
    SELECT id, process, instance_id, kind, attempts, error, status, parked_at FROM tixi_dead_letters
    WHERE status IN ('parked', 'retry-requested', 'retrying') ORDER BY parked_at LIMIT 100
  `
  const retries = yield* sql<{ process: string; retries: number }>`
    SELECT process, SUM(retries)::int AS retries FROM tixi_instances GROUP BY process ORDER BY process
  `
  const [intake] = yield* sql<{ received: number; undelivered: number; failed: number }>`
    SELECT COUNT(*)::int AS received, COUNT(*) FILTER (WHERE NOT delivered)::int AS undelivered,
           COUNT(*) FILTER (WHERE outcome LIKE 'failed:%')::int AS failed
    FROM tixi_intake_events
  `
  const [refusedTotal] = yield* sql<{ count: number }>`SELECT COUNT(*)::int AS count FROM tixi_intake_refused`
  const refused = yield* sql<{
    source: string
    event_id: string
    type: string
    reason: string
    refusals: number
    refused_at: bigint | number
  }>`
    SELECT source, event_id, type, reason, refusals, refused_at FROM tixi_intake_refused
    ORDER BY refused_at DESC LIMIT 20
  `
  const feeds = yield* sql<{ name: string; events: bigint | number; updated_at: bigint | number }>`
    SELECT name, events, updated_at FROM tixi_feed_positions ORDER BY name
  `
  return {
    at,
    instances,
    parkedInstances: parked?.count ?? 0,
    overdueTotal: overdueTotal?.count ?? 0,
    overdue: overdue.map((row) => ({
      process: row.process,
      instanceId: row.instance_id,
      key: row.next_deadline_key,
      dueAt: Number(row.next_deadline_at),
      overdueMillis: at - Number(row.next_deadline_at),
    })),
    deadLetters: letters.map((row) => ({
      id: row.id,
      process: row.process,
      instanceId: row.instance_id,
      kind: row.kind,
      attempts: row.attempts,
      error: row.error,
      status: row.status,
      parkedAt: Number(row.parked_at),
    })),
    retries,
    intake: {
      received: intake?.received ?? 0,
      undelivered: intake?.undelivered ?? 0,
      failed: intake?.failed ?? 0,
      refused: refusedTotal?.count ?? 0,
    },
    refusedIntake: refused.map((row) => ({
      source: row.source,
      eventId: row.event_id,
      type: row.type,
      reason: row.reason,
      refusals: row.refusals,
      refusedAt: Number(row.refused_at),
    })),
    feeds: feeds.map((row) => ({
      name: row.name,
      events: Number(row.events),
      updatedAt: Number(row.updated_at),
      idleMillis: at - Number(row.updated_at),
    })),
  } satisfies RuntimeStatus
})
