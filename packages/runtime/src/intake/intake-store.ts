import { Deferred, Effect, Queue } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { json } from "../sql/pg-compiler.ts"
import type { VerifiedEvent } from "./intake-source.ts"

/** How many of a request's events were new and how many had been stored before. */
export interface StoreOutcome {
  readonly stored: number
  readonly duplicates: number
}

interface Pending {
  readonly source: string
  readonly events: ReadonlyArray<VerifiedEvent>
  readonly receivedAt: number
  readonly done: Deferred.Deferred<StoreOutcome, SqlError.SqlError>
}

/** At most this many events go into one INSERT (PostgreSQL allows 65,535 parameters; five per event). */
const maxBatchEvents = 2_000

/** An event as the intake's table keeps it, before it is delivered. */
export interface IntakeEventRow {
  readonly source: string
  readonly event: VerifiedEvent
  readonly receivedAt: number
}

/**
 * Inserts events into the intake's table, skipping those it already has (same source and id),
 * in statements of at most `maxBatchEvents`; answers with the identities (`source\u0000id`) of
 * the events it inserted. Webhook requests and change feeds store through it alike.
 */
export const insertIntakeEvents = (sql: SqlClient.SqlClient, events: ReadonlyArray<IntakeEventRow>) =>
  Effect.gen(function* () {
    const rows = events.map(
      (row): Record<string, unknown> => ({
        source: row.source,
        event_id: row.event.id,
        type: row.event.type,
        payload: json(row.event.payload),
        received_at: row.receivedAt,
      }),
    )
    const inserted = new Set<string>()
    for (let start = 0; start < rows.length; start += maxBatchEvents) {
      const chunk = rows.slice(start, start + maxBatchEvents) as [
        Record<string, unknown>,
        ...Array<Record<string, unknown>>,
      ]
      const returned = yield* sql<{ source: string; event_id: string }>`
        INSERT INTO tixi_intake_events ${sql.insert(chunk)}
        ON CONFLICT (source, event_id) DO NOTHING
        RETURNING source, event_id
      `
      for (const row of returned) inserted.add(`${row.source}\u0000${row.event_id}`)
    }
    return inserted
  })

/**
 * Stores verified events durably before they are acknowledged, de-duplicated by (source, event
 * id). Concurrent requests are committed together (group commit): while one INSERT runs, the next
 * requests queue, and the next INSERT takes them all. Each request still waits for its own events
 * to be committed, so an acknowledgement always follows durable storage.
 */
export const makeIntakeStore = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const queue = yield* Queue.unbounded<Pending>()

  const insert = (batch: ReadonlyArray<Pending>) =>
    Effect.gen(function* () {
      const rows: Array<IntakeEventRow> = []
      const seen = new Set<string>()
      for (const pending of batch) {
        for (const event of pending.events) {
          const identity = `${pending.source}\u0000${event.id}`
          if (seen.has(identity)) continue
          seen.add(identity)
          rows.push({ source: pending.source, event, receivedAt: pending.receivedAt })
        }
      }
      const inserted = yield* insertIntakeEvents(sql, rows)
      // Within a batch an event id counts once: the first request to carry it stores it.
      const claimed = new Set<string>()
      for (const pending of batch) {
        let stored = 0
        for (const event of pending.events) {
          const identity = `${pending.source}\u0000${event.id}`
          if (inserted.has(identity) && !claimed.has(identity)) {
            claimed.add(identity)
            stored += 1
          }
        }
        yield* Deferred.succeed(pending.done, { stored, duplicates: pending.events.length - stored })
      }
    }).pipe(
      Effect.catchCause((cause) =>
        Effect.forEach(batch, (pending) => Deferred.failCause(pending.done, cause as never), {
          discard: true,
        }),
      ),
    )

  yield* Effect.forkScoped(
    Effect.forever(
      Effect.gen(function* () {
        const batch: Array<Pending> = []
        let events = 0
        const first = yield* Queue.take(queue)
        batch.push(first)
        events += first.events.length
        while (events < maxBatchEvents) {
          const more = yield* Queue.poll(queue)
          if (more._tag === "None") break
          batch.push(more.value)
          events += more.value.events.length
        }
        yield* insert(batch)
      }),
    ),
  )

  /** Stores a request's events; resolves once they are committed. */
  const store = (source: string, events: ReadonlyArray<VerifiedEvent>, receivedAt: number) =>
    Effect.gen(function* () {
      if (events.length === 0) return { stored: 0, duplicates: 0 }
      const done = yield* Deferred.make<StoreOutcome, SqlError.SqlError>()
      yield* Queue.offer(queue, { source, events, receivedAt, done })
      return yield* Deferred.await(done)
    })

  return { store }
})
