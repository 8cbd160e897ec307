import type { EffectPorts } from "@tixi/core"
import { Context, Effect, Layer, Option, Schedule } from "effect"
import type { SqlClient } from "effect/sql"
import { EngineControl } from "../engine/engine-control.ts"
import { ProcessRuntime, type ProcessRuntimeOptions, routeThrough } from "../engine/process-runtime.ts"
import { tryAdvisoryLock } from "../sql/advisory-lock.ts"
import { PgliteDatabase } from "../sql/pglite-client.ts"
import { claimEngine } from "../storage/engine-claim.ts"
import { type EmbeddedEngineOptions, makeEmbeddedEngine } from "./embedded-engine.ts"

/** Options of the embedded engine's runtime. */
export type EmbeddedRuntimeOptions = ProcessRuntimeOptions & Omit<EmbeddedEngineOptions, "processes">

/**
 * The process runtime on tixi's embedded engine (one runner): `ProcessRuntime` and, for
 * simulations, `EngineControl`. The database must have tixi's tables; the runtime layer creates
 * them. Only one runner may use a database with this engine: PGlite's data folder lock ensures it
 * for the embedded default, an advisory lock on PostgreSQL.
 */
export const embeddedRuntimeLayer = (
  options: EmbeddedRuntimeOptions,
): Layer.Layer<ProcessRuntime | EngineControl, never, SqlClient.SqlClient | EffectPorts> =>
  Layer.effectContext(
    Effect.gen(function* () {
      yield* Effect.orDie(claimEngine("embedded"))
      // PGlite's data folder lock already keeps a second runner out; on PostgreSQL a session
      // advisory lock on a connection held for the runner's life does, and the server releases
      // it the moment that runner's connection dies.
      if (Option.isNone(yield* Effect.serviceOption(PgliteDatabase))) {
        if (!(yield* Effect.orDie(tryAdvisoryLock(7305201)))) {
          return yield* Effect.die(
            new Error(
              "another runner uses this database with the embedded engine; stop it, or run several with engine: cluster",
            ),
          )
        }
      }
      const engine = yield* makeEmbeddedEngine(options)
      const runtime = ProcessRuntime.of({
        engine: "embedded",
        processes: options.processes,
        start: engine.start,
        deliver: (process, instanceId, command, deliverOptions) =>
          engine.deliver(process, instanceId, command, deliverOptions?.dedupKey),
        dispatch: engine.dispatch,
        decide: engine.decide,
        inspect: engine.inspect,
        routeEvent: routeThrough(
          options.processes,
          {
            deliver: (process, instanceId, command, deliverOptions) =>
              engine.deliver(process, instanceId, command, deliverOptions?.dedupKey),
            dispatch: engine.dispatch,
            inspect: engine.inspect,
          },
          yield* Effect.context<EffectPorts>(),
        ),
        requestRetry: engine.requestRetry,
        pump: engine.pickUpRetryRequests,
        observe: engine.observe,
        observeDecisions: engine.observeDecisions,
        statistics: engine.statistics,
      })
      // `tixi retry` against a database whose runner is down writes the request to the table; a
      // runner that is up picks such requests up here.
      yield* runtime.pump.pipe(
        Effect.catchCause((cause) => Effect.logWarning("tixi: picking up retry requests failed", cause)),
        Effect.repeat(Schedule.spaced(options.pumpIntervalMillis ?? 1000)),
        Effect.forkScoped,
      )
      const control = EngineControl.of({
        settle: Effect.orDie(engine.settle),
        drain: Effect.orDie(engine.drain),
        nextTimer: (limit) => Effect.orDie(engine.nextTimer(limit)),
      })
      return Context.make(ProcessRuntime, runtime).pipe(Context.add(EngineControl, control))
    }),
  )
