import { Directory, type EffectPorts } from "@tixi/core"
import { Context, Effect, Layer } from "effect"
import type { SqlClient } from "effect/sql"
import { InstanceReader } from "../access/instance-reader.ts"
import { type ReadingOptions, withReadAccess } from "../access/reading.ts"
import { AuditTrail, makeAuditTrail } from "../audit/audit-trail.ts"
import { withAuditTrail } from "../audit/audited-runtime.ts"
import { clusterEngineControlLayer } from "../cluster/cluster-engine-control.ts"
import { type ClusterOptions, clusterLayer } from "../cluster/cluster-layer.ts"
import { clusterProcessRuntimeLayer } from "../cluster/cluster-runtime.ts"
import { type EmbeddedRuntimeOptions, embeddedRuntimeLayer } from "../embedded/embedded-runtime-layer.ts"
import { claimEngine } from "../storage/engine-claim.ts"
import { ensureSchema } from "../storage/schema.ts"
import { withDirectoryActors } from "./directory-actors.ts"
import type { EngineControl } from "./engine-control.ts"
import { cachedDirectory, type PersonCacheOptions, withDirectoryChanges } from "./person-cache.ts"
import { ProcessRuntime, type ProcessRuntimeOptions } from "./process-runtime.ts"

/**
 * Everything a runner needs besides its database and its ports, on one of two engines:
 * - `embedded` (the default): tixi's own engine for one runner; instances in memory while in use,
 *   turns of many instances committed together, timers read from the instances' next deadline.
 *   It is what PGlite runs (one process holds the data folder).
 * - `cluster`: Effect's workflow engine on Effect Cluster, for several runners sharing one
 *   PostgreSQL, which split the instances among them and take over those of a runner that dies.
 * The same process definitions run on both; so do `tixi status` and `tixi retry`.
 */
export type RuntimeOptions = (
  | (EmbeddedRuntimeOptions & { readonly engine?: "embedded" | undefined; readonly cluster?: never })
  | (ProcessRuntimeOptions & { readonly engine: "cluster"; readonly cluster: ClusterOptions })
) & {
  /** How long this runner reuses a person the directory returned when resolving actors. */
  readonly personCache?: PersonCacheOptions
  /** The organisation and access policy instance reads are projected under (`InstanceReader`). */
  readonly reading?: ReadingOptions | undefined
}

/**
 * A runner's runtime: tixi's tables, the chosen engine and the hosted processes registered on it.
 * Provide a `SqlClient` (PGlite or PostgreSQL) and the ports the processes' effects use
 * (HostCrm, Approvals, Directory, Notifier). Commands sent to it act only in a post the
 * `Directory` gives their actor (`withDirectoryActors`), looked up through a per-runner cache of
 * persons (`personCache`), and every one of them is in the audit trail (the database records
 * stored commands with their turns; `withAuditTrail` those refused before). Instance data reaches
 * callers through `InstanceReader`, projected for the caller's posts and audited.
 */
export const runtimeLayer = (
  options: RuntimeOptions,
): Layer.Layer<
  ProcessRuntime | EngineControl | AuditTrail | InstanceReader,
  never,
  SqlClient.SqlClient | EffectPorts
> => {
  const engine =
    options.engine === "cluster"
      ? clusterProcessRuntimeLayer(options).pipe(
          Layer.provideMerge(clusterEngineControlLayer()),
          Layer.provide(clusterLayer(options.cluster)),
          Layer.provide(Layer.effectDiscard(Effect.orDie(claimEngine("cluster")))),
        )
      : embeddedRuntimeLayer(options)
  const actorsFromDirectory = Layer.effectContext(
    Effect.gen(function* () {
      const context = yield* Effect.context<ProcessRuntime | EngineControl>()
      const cache = cachedDirectory(yield* Directory, options.personCache)
      const trail = yield* makeAuditTrail
      const runtime = withAuditTrail(
        withDirectoryChanges(
          withDirectoryActors(Context.get(context, ProcessRuntime), cache),
          cache,
          options.personCache?.isDirectoryChange,
        ),
        trail,
      )
      const reader = withReadAccess(Context.get(context, ProcessRuntime), cache, trail, options.reading)
      return Context.add(
        Context.add(Context.add(context, ProcessRuntime, runtime), AuditTrail, trail),
        InstanceReader,
        reader,
      )
    }),
  )
  // tixi's tables exist before the engine or any workflow touches them.
  return actorsFromDirectory.pipe(
    Layer.provide(engine),
    Layer.provide(Layer.effectDiscard(Effect.orDie(ensureSchema))),
  )
}

export { ProcessRuntime }
