import { Clock, Effect, Layer } from "effect"
import { Sharding } from "effect/cluster"
import { SqlClient } from "effect/sql"
import { EngineControl } from "../engine/engine-control.ts"

/** Work Effect Cluster still has at `now`, and when its next stored timer falls due. */
const pendingWork = (now: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [row] = yield* sql<{
      due: number
      next_timer: bigint | null
      unconsumed: number
      undelivered: number
    }>`
      SELECT
        (SELECT COUNT(*) FROM cluster_messages WHERE NOT processed AND (deliver_at IS NULL OR deliver_at <= ${now}))::int AS due,
        (SELECT MIN(deliver_at) FROM cluster_messages WHERE NOT processed AND deliver_at > ${now}) AS next_timer,
        (SELECT COUNT(*) FROM tixi_inbox i JOIN tixi_instances s ON s.process = i.process AND s.instance_id = i.instance_id
          WHERE i.outcome IS NULL AND NOT s.parked)::int AS unconsumed,
        (SELECT COUNT(*) FROM tixi_intake_events WHERE NOT delivered)::int AS undelivered
    `
    return {
      due: (row?.due ?? 0) + (row?.unconsumed ?? 0) + (row?.undelivered ?? 0),
      nextTimer:
        row?.next_timer === null || row?.next_timer === undefined ? undefined : Number(row.next_timer),
    }
  })

/**
 * The cluster engine's control for simulations: it polls the message storage (timers are stored
 * messages with a deliver-at instant) and the inboxes until nothing is due at the clock's instant.
 * Polling makes it slow under a simulation; the embedded engine answers from memory.
 */
export const clusterEngineControlLayer = (
  options: { readonly settleTimeoutMillis?: number | undefined } = {},
): Layer.Layer<EngineControl, never, Sharding.Sharding | SqlClient.SqlClient> =>
  Layer.effect(
    EngineControl,
    Effect.gen(function* () {
      const sharding = yield* Sharding.Sharding
      const sql = yield* SqlClient.SqlClient
      const clock = yield* Clock.Clock
      const timeout = options.settleTimeoutMillis ?? 60_000
      const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
        Effect.orDie(Effect.provideService(effect, SqlClient.SqlClient, sql))
      const settle = Effect.gen(function* () {
        const started = Date.now()
        yield* sharding.pollStorage
        while (true) {
          const pending = yield* withSql(pendingWork(clock.currentTimeMillisUnsafe()))
          if (pending.due === 0) return
          if (Date.now() - started > timeout) {
            yield* Effect.logWarning(`cluster engine: ${pending.due} items still pending after ${timeout} ms`)
            return
          }
          yield* sharding.pollStorage
          yield* Effect.sleep("15 millis")
        }
      })
      return EngineControl.of({
        settle,
        // The cluster engine performs a turn's effects in the activity that records it.
        drain: settle,
        nextTimer: (limit) =>
          Effect.map(withSql(pendingWork(clock.currentTimeMillisUnsafe())), (pending) =>
            pending.nextTimer !== undefined && pending.nextTimer < limit ? pending.nextTimer : undefined,
          ),
      })
    }),
  )
