import { Deferred, Effect, Queue } from "effect"
import { SqlClient, type SqlError } from "effect/sql"
import { json } from "../sql/pg-compiler.ts"
import { isDataRefusal } from "../sql/pg-sql-error.ts"
import { type IntakeRefusal, recordIntakeRefusals } from "./intake-refusals.ts"
import type { VerifiedEvent } from "./intake-source.ts"
import { escapeUnstorable, unstorableReason } from "./unstorable-content.ts"

/** What became of a request's events: how many were new, stored before, or refused for good. */
export interface StoreOutcome {
  readonly stored: number
  readonly duplicates: number
  /** Events the database can never store (a NUL, a lone surrogate), each with why; recorded. */
  readonly refused: ReadonlyArray<RefusedEvent>
}

/** An event of a request that was refused, by its id and the reason (naming the field). */
export interface RefusedEvent {
  readonly id: string
  readonly reason: string
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

/** What storing rows came to: the identities (`source\u0000id`) inserted, and those refused with why. */
export interface IntakeInsertOutcome {
  readonly inserted: ReadonlySet<string>
  readonly refused: ReadonlyMap<string, string>
}

const identityOf = (source: string, eventId: string) => `${source}\u0000${eventId}`

/** Inserts rows in one transaction (a savepoint inside the caller's), so a refusal leaves nothing half-written. */
const insertRows = (sql: SqlClient.SqlClient, events: ReadonlyArray<IntakeEventRow>) =>
  sql.withTransaction(
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
      const inserted: Array<string> = []
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
        for (const row of returned) inserted.push(identityOf(row.source, row.event_id))
      }
      return inserted
    }),
  )

/**
 * Inserts events into the intake's table, skipping those it already has (same source and id),
 * in statements of at most `maxBatchEvents`. Webhook requests and change feeds store through it
 * alike. An event the database can never store is refused and recorded instead of failing the
 * others: content known to be unstorable is set aside before the insert, and rows the database
 * refuses anyway are split in halves until the refused ones stand alone (as the embedded
 * engine splits a refused batch). Only a failure that may pass (a lost connection) fails the call.
 */
export const insertIntakeEvents = (sql: SqlClient.SqlClient, events: ReadonlyArray<IntakeEventRow>) =>
  Effect.gen(function* () {
    const refusals: Array<IntakeRefusal> = []
    const storable: Array<IntakeEventRow> = []
    for (const row of events) {
      const reason = unstorableReason(row.event)
      if (reason === undefined) storable.push(row)
      else refusals.push({ ...row, reason })
    }
    const inserted = new Set<string>()
    const attempt = (rows: ReadonlyArray<IntakeEventRow>): Effect.Effect<void, SqlError.SqlError> =>
      rows.length === 0
        ? Effect.void
        : insertRows(sql, rows).pipe(
            Effect.tap((identities) =>
              Effect.sync(() => {
                for (const identity of identities) inserted.add(identity)
              }),
            ),
            Effect.catchIf(isDataRefusal, (error) => {
              if (rows.length > 1) {
                const half = Math.ceil(rows.length / 2)
                return Effect.andThen(attempt(rows.slice(0, half)), attempt(rows.slice(half)))
              }
              return Effect.sync(() => {
                refusals.push({ ...rows[0]!, reason: `the database refused it: ${error.message}` })
              })
            }),
          )
    yield* attempt(storable)
    if (refusals.length > 0) {
      yield* recordIntakeRefusals(sql, refusals)
      yield* Effect.logWarning(
        `tixi intake: refused ${refusals.length} event(s) the database cannot store: ${refusals
          .map((refusal) => `${refusal.source} ${escapeUnstorable(refusal.event.id)} (${refusal.reason})`)
          .join("; ")}`,
      )
    }
    return {
      inserted,
      refused: new Map(
        refusals.map((refusal) => [identityOf(refusal.source, refusal.event.id), refusal.reason]),
      ),
    } satisfies IntakeInsertOutcome
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
          const identity = identityOf(pending.source, event.id)
          if (seen.has(identity)) continue
          seen.add(identity)
          rows.push({ source: pending.source, event, receivedAt: pending.receivedAt })
        }
      }
      const { inserted, refused } = yield* insertIntakeEvents(sql, rows)
      // Within a batch an event id counts once: the first request to carry it stores it.
      const claimed = new Set<string>()
      for (const pending of batch) {
        let stored = 0
        const refusedEvents: Array<RefusedEvent> = []
        for (const event of pending.events) {
          const identity = identityOf(pending.source, event.id)
          const reason = refused.get(identity)
          if (reason !== undefined) refusedEvents.push({ id: event.id, reason })
          else if (inserted.has(identity) && !claimed.has(identity)) {
            claimed.add(identity)
            stored += 1
          }
        }
        yield* Deferred.succeed(pending.done, {
          stored,
          duplicates: pending.events.length - stored - refusedEvents.length,
          refused: refusedEvents,
        })
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
      if (events.length === 0) return { stored: 0, duplicates: 0, refused: [] }
      const done = yield* Deferred.make<StoreOutcome, SqlError.SqlError>()
      yield* Queue.offer(queue, { source, events, receivedAt, done })
      return yield* Deferred.await(done)
    })

  return { store }
})
