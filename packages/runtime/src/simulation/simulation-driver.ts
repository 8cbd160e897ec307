import { Effect } from "effect"
import { Sharding } from "effect/cluster"
import { SqlClient } from "effect/sql"
import type { SimulatedClock } from "./simulated-clock.ts"

/** Something the simulation does at a business instant: open a complaint, decide an approval. */
export interface SimulationStep<R> {
  readonly at: number
  readonly run: Effect.Effect<void, unknown, R>
}

/** What the driver needs to run a simulation. */
export interface SimulationOptions<R> {
  readonly clock: SimulatedClock
  /** The planned steps (any order). */
  readonly steps: ReadonlyArray<SimulationStep<R>>
  /** Business time to stop at. */
  readonly until: number
  /**
   * Called whenever the runtime has settled at a new instant; may plan further steps (an approver
   * who decides two days after an approval opened). The instant is the simulated now.
   */
  readonly onSettled?:
    | ((now: number) => Effect.Effect<ReadonlyArray<SimulationStep<R>>, unknown, R>)
    | undefined
  /** Called when simulated time crosses into a new day (for progress output). */
  readonly onDay?: ((day: number, now: number) => Effect.Effect<void, unknown, R>) | undefined
  /** Give up waiting for the runtime to settle after this long (real time). Default 60 s. */
  readonly settleTimeoutMillis?: number | undefined
}

interface Pending {
  readonly due: number
  readonly nextTimer: number | null
}

/** Work the engine still has at the simulated now, and when its next stored timer falls due. */
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
      nextTimer: row?.next_timer === null || row?.next_timer === undefined ? null : Number(row.next_timer),
    } satisfies Pending
  })

/**
 * Runs a discrete-event simulation on the durable runtime: at each instant it lets the engine
 * finish everything that is due (stored messages, commands in inboxes, intake events), then moves
 * the simulated clock straight to the next planned step or stored timer, whichever comes first.
 * Timers therefore fire exactly at their due instant in business time, however fast the
 * simulation runs, and nothing is skipped: every step is a real durable step in the database.
 */
export const runSimulation = <R>(options: SimulationOptions<R>) =>
  Effect.gen(function* () {
    const sharding = yield* Sharding.Sharding
    const clock = options.clock
    const queue = [...options.steps].sort((left, right) => left.at - right.at)
    const settleTimeout = options.settleTimeoutMillis ?? 60_000
    let day = -1
    let settles = 0

    const settle = Effect.gen(function* () {
      const started = Date.now()
      while (true) {
        const pending = yield* pendingWork(clock.now())
        if (pending.due === 0) return pending
        if (Date.now() - started > settleTimeout) {
          yield* Effect.logWarning(
            `simulation: ${pending.due} items still pending after ${settleTimeout} ms; moving on`,
          )
          return pending
        }
        yield* sharding.pollStorage
        yield* Effect.sleep("15 millis")
      }
    })

    while (true) {
      const settled = yield* settle
      settles += 1
      if (options.onSettled) {
        const planned = yield* options.onSettled(clock.now())
        if (planned.length > 0) {
          queue.push(...planned)
          queue.sort((left, right) => left.at - right.at)
        }
      }
      const nextStep = queue[0]?.at ?? Number.POSITIVE_INFINITY
      const nextTimer = settled.nextTimer ?? Number.POSITIVE_INFINITY
      const next = Math.min(nextStep, nextTimer)
      if (next > options.until || next === Number.POSITIVE_INFINITY) break
      clock.advanceTo(next)
      const today = Math.floor(next / 86_400_000)
      if (today !== day) {
        day = today
        if (options.onDay) yield* options.onDay(today, next)
      }
      while (queue.length > 0 && queue[0]!.at <= clock.now()) yield* queue.shift()!.run
      yield* sharding.pollStorage
    }
    clock.advanceTo(options.until)
    return { settles }
  })
