import { Layer } from "effect"
import type { Sharding } from "effect/cluster"
import type { SqlClient } from "effect/sql"
import type { TixiConfig } from "../config/define-config.ts"
import type { ProcessRuntime } from "../engine/process-runtime.ts"
import { runtimeLayer } from "../engine/runtime-layer.ts"
import { IntakeServer, intakeServerLayer } from "../intake/intake-server.ts"
import { pgliteLayer } from "../sql/pglite-client.ts"
import { postgresLayer } from "../sql/postgres-client.ts"

/** The database layer a configuration names. */
export const databaseLayer = (config: TixiConfig) =>
  config.database.kind === "pglite"
    ? pgliteLayer({ folder: config.database.folder })
    : postgresLayer({ url: config.database.url, maxConnections: config.database.maxConnections })

/**
 * Everything `tixi serve` runs, from a resolved configuration: the database, Effect Cluster and the
 * workflow engine, the hosted processes, the host adapters and (unless disabled) the intake.
 */
export const runnerLayer = (
  config: TixiConfig,
): Layer.Layer<ProcessRuntime | Sharding.Sharding | SqlClient.SqlClient | IntakeServer, unknown> => {
  const runtime = runtimeLayer({
    processes: config.processes,
    cluster: {
      runnerId: { host: config.runner.id, port: 0 },
      shardsPerGroup: config.runner.shards,
      pollIntervalMillis: config.runner.pollIntervalMillis,
      shardLeaseMillis: config.runner.shardLeaseMillis,
    },
    retryPolicy: config.retry,
  })
  const intake =
    config.intake === false
      ? Layer.succeed(IntakeServer, { port: 0, url: "" })
      : intakeServerLayer({
          port: config.intake.port,
          host: config.intake.host,
          sources: config.intake.sources,
          maxBodyBytes: config.intake.maxBodyBytes,
          admin: config.admin.token === undefined ? undefined : { token: config.admin.token },
        })
  return intake.pipe(
    Layer.provideMerge(runtime),
    Layer.provide(config.host),
    Layer.provideMerge(databaseLayer(config)),
  )
}
