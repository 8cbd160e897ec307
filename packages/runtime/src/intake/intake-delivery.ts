import { coalesceHostChanges, type HostChange } from "@tixi/core"
import { Effect, Latch, Result, Schedule } from "effect"
import { SqlClient } from "effect/sql"
import { EngineControl } from "../engine/engine-control.ts"
import { ProcessRuntime, type RoutedDelivery } from "../engine/process-runtime.ts"
import { hostChangeEventType, type IntakeSource, type VerifiedEvent } from "./intake-source.ts"

/** One process's part in an event's fate, as the intake's record of the event says it. */
const describeRouting = (outcome: RoutedDelivery): string => {
  switch (outcome._tag) {
    case "Delivered":
      return `${outcome.delivery.duplicate ? "duplicate" : "delivered"} ${outcome.delivery.process}/${outcome.delivery.instanceId}`
    case "Rejected":
      return `rejected ${outcome.process}/${outcome.instanceId}: ${outcome.reason}`
    case "Received":
      return `${outcome.detail} ${outcome.process}${outcome.instanceId === undefined ? "" : `/${outcome.instanceId}`}`
  }
}

const summarize = (outcomes: ReadonlyArray<RoutedDelivery>): string =>
  outcomes.length === 0 ? "unrouted" : outcomes.map(describeRouting).join("; ")

interface StoredEvent {
  readonly source: string
  readonly event_id: string
  readonly type: string
  readonly payload: unknown
  readonly received_at: bigint | number
}

/**
 * Delivers stored intake events to the process instances, oldest first, and marks each delivered
 * with what became of it. It runs after every store (the latch) and every second, so events
 * stored before a crash are delivered when a runner is back. Delivering an event twice (two
 * runners, a crash before the mark) is harmless: the instance inbox de-duplicates by
 * `source/eventId`, and a process's `receive` decides from the instance's state. A source's
 * `translate` runs first (reading the vendor); while it or a `receive` fails retryably (or the
 * database does), the event stays undelivered and is tried again, any other failure is marked on it.
 */
export const makeIntakeDelivery = (sources: ReadonlyArray<IntakeSource> = []) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const runtime = yield* ProcessRuntime
    const wake = yield* Latch.make(true)
    const translators = new Map(
      sources.flatMap((source) => (source.translate ? [[source.name, source.translate] as const] : [])),
    )

    /** What the processes should see of a stored event, or why not now (`retry`) or never. */
    const translated = (row: StoredEvent) =>
      Effect.gen(function* () {
        const stored: VerifiedEvent = { id: row.event_id, type: row.type, payload: row.payload }
        const translate = translators.get(row.source)
        if (translate === undefined) return { events: [stored] } as const
        const result = yield* Effect.result(translate(stored))
        if (Result.isSuccess(result)) return { events: result.success } as const
        if (result.failure.isRetryable) return { retry: true } as const
        return { failed: `failed: ${result.failure.message}` } as const
      })

    /**
     * The batch in delivery units, in order of their first event. Reports of changes to one host
     * record waiting together (HubSpot sends a ticket's creation and each property set with it as
     * separate events) are one unit, taken in as one change: the record is read once, not once
     * per report. Every other event is a unit of its own.
     */
    const unitsOf = (rows: ReadonlyArray<StoredEvent>): ReadonlyArray<ReadonlyArray<StoredEvent>> => {
      const units: Array<Array<StoredEvent>> = []
      const byRecord = new Map<string, Array<StoredEvent>>()
      for (const row of rows) {
        const change = row.payload as Partial<HostChange> | null
        const record =
          row.type === hostChangeEventType &&
          !translators.has(row.source) &&
          typeof change?.recordId === "string"
            ? `${row.source}\u0000${change.origin}\u0000${change.object}\u0000${change.recordId}`
            : undefined
        const unit = record === undefined ? undefined : byRecord.get(record)
        if (unit !== undefined) {
          unit.push(row)
          continue
        }
        const fresh = [row]
        units.push(fresh)
        if (record !== undefined) byRecord.set(record, fresh)
      }
      return units
    }

    /** Delivers one unit; its outcome, or undefined when it is to be tried again in a later round. */
    const deliverUnit = (unit: ReadonlyArray<StoredEvent>) =>
      Effect.gen(function* () {
        const first = unit[0]!
        const translation =
          unit.length === 1
            ? yield* translated(first)
            : ({
                events: [
                  {
                    id: first.event_id,
                    type: first.type,
                    payload: coalesceHostChanges(unit.map((row) => row.payload as HostChange))[0],
                  },
                ],
              } as const)
        if ("retry" in translation) return undefined
        if ("failed" in translation) return translation.failed
        const routed = yield* Effect.result(
          Effect.forEach(translation.events, (event) =>
            runtime.routeEvent({
              source: first.source,
              id: event.id,
              type: event.type,
              payload: event.payload,
              receivedAt: Number(first.received_at),
            }),
          ),
        )
        if (Result.isSuccess(routed)) return summarize(routed.success.flat())
        if (routed.failure._tag === "PortFailure" && !routed.failure.isRetryable)
          return `failed: ${routed.failure.message}`
        // The host or the database is away for now: the events stay undelivered, for the next round.
        return undefined
      })

    const deliverBatch = Effect.gen(function* () {
      const rows = yield* sql<StoredEvent>`
        SELECT source, event_id, type, payload, received_at FROM tixi_intake_events
        WHERE NOT delivered ORDER BY received_at, event_id LIMIT 500
      `
      // Marked in one statement per (source, outcome) group: most events share an outcome
      // ("unrouted", or one process), and a statement per event would double the intake's writes.
      const groups = new Map<string, { source: string; outcome: string; ids: Array<string> }>()
      let marked = 0
      for (const unit of unitsOf(rows)) {
        const outcome = yield* deliverUnit(unit)
        if (outcome === undefined) continue
        for (const row of unit) {
          const key = `${row.source}\u0000${outcome}`
          const group = groups.get(key) ?? { source: row.source, outcome, ids: [] }
          group.ids.push(row.event_id)
          groups.set(key, group)
          marked += 1
        }
      }
      for (const group of groups.values()) {
        yield* sql`
          UPDATE tixi_intake_events SET delivered = TRUE, outcome = ${group.outcome}
          WHERE source = ${group.source} AND ${sql.in("event_id", group.ids)}
        `
      }
      // Events left for a retry do not count, so a vendor outage does not spin the loop.
      return marked
    })

    const drain = Effect.gen(function* () {
      while ((yield* deliverBatch) > 0) {}
    })

    yield* Effect.forkScoped(
      Effect.forever(
        Effect.gen(function* () {
          yield* Effect.raceFirst(wake.await, Effect.sleep("1 second"))
          yield* wake.close
          yield* drain.pipe(
            Effect.catchCause((cause) =>
              Effect.logWarning("tixi intake: delivery failed; will retry", cause),
            ),
          )
        }),
      ).pipe(Effect.retry(Schedule.spaced("1 second"))),
    )

    return {
      /** Wakes the delivery worker (after a store). */
      wake: wake.open,
    }
  })

/**
 * Waits until the intake has delivered every event it stored and the turns they caused are done,
 * their effects performed: for tests and simulations that look at the hosts once the intake is
 * quiet. Dies after `timeoutMillis` (default 15 s), naming how many events are still waiting.
 */
export const awaitIntakeDelivered = (timeoutMillis = 15_000) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const engine = yield* EngineControl
    const deadline = Date.now() + timeoutMillis
    for (;;) {
      const [row] = yield* Effect.orDie(sql<{ count: number }>`
        SELECT COUNT(*)::int AS count FROM tixi_intake_events WHERE NOT delivered
      `)
      if (row?.count === 0) break
      if (Date.now() > deadline)
        return yield* Effect.die(new Error(`the intake has not delivered ${row?.count} stored events`))
      yield* Effect.sleep("50 millis")
    }
    yield* engine.drain
  })
