import type { EffectPorts } from "@tixi/core"
import { Effect, Layer } from "effect"
import type { Sharding } from "effect/cluster"
import type { SqlClient } from "effect/sql"
import type { WorkflowEngine } from "effect/workflow"
import { ensureSchema } from "../storage/schema.ts"
import { type ClusterOptions, clusterLayer } from "./cluster.ts"
import { ProcessRuntime, type ProcessRuntimeOptions, processRuntimeLayer } from "./process-runtime.ts"

/** Everything a runner needs besides its database and its ports. */
export interface RuntimeOptions extends ProcessRuntimeOptions {
  readonly cluster: ClusterOptions
}

/**
 * A runner: tixi's tables, Effect Cluster and its workflow engine over the given `SqlClient`, and
 * the hosted processes registered on it. Provide a `SqlClient` (PGlite or PostgreSQL) and the
 * ports the processes' effects use (HostCrm, Approvals, Directory, Notifier).
 */
export const runtimeLayer = (
  options: RuntimeOptions,
): Layer.Layer<
  ProcessRuntime | WorkflowEngine.WorkflowEngine | Sharding.Sharding,
  never,
  SqlClient.SqlClient | EffectPorts
> =>
  processRuntimeLayer(options).pipe(
    Layer.provideMerge(clusterLayer(options.cluster)),
    // tixi's tables exist before the pump or any workflow touches them.
    Layer.provide(Layer.effectDiscard(Effect.orDie(ensureSchema))),
  )

export { ProcessRuntime }
