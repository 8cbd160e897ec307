import { Layer } from "effect"
import type { SqlClient } from "effect/sql"
import type { ReadingOptions } from "../access/reading.ts"
import { adminListen } from "../admin/admin-listen.ts"
import { adminServerLayer } from "../admin/admin-server.ts"
import type { TixiConfig } from "../config/define-config.ts"
import type { EngineControl } from "../engine/engine-control.ts"
import type { ProcessRuntime } from "../engine/process-runtime.ts"
import { type RuntimeOptions, runtimeLayer } from "../engine/runtime-layer.ts"
import { changeFeedsLayer } from "../intake/change-feeds.ts"
import { intakePruningLayer } from "../intake/intake-pruning.ts"
import { IntakeServer, intakeServerLayer } from "../intake/intake-server.ts"
import type { DatabaseUnusable } from "../sql/database-unusable.ts"
import { pgliteLayer } from "../sql/pglite-client.ts"
import { postgresLayer } from "../sql/postgres-client.ts"
import type { DiskWatermark } from "../status/disk-space.ts"

/** What the process running a runner does when its database fails beyond repair (disk full, PANIC). */
export interface RunnerHooks {
  readonly onDatabaseUnusable?: ((failure: DatabaseUnusable) => void) | undefined
  /**
   * Where to keep a generated admin token while the runner runs; written only once the data
   * folder's lock is held, so a second runner refused the folder cannot overwrite it.
   */
  readonly adminTokenFile?: string | undefined
}

/** The database layer a configuration names. */
export const databaseLayer = (config: TixiConfig, hooks: RunnerHooks = {}) =>
  config.database.kind === "pglite"
    ? pgliteLayer({ folder: config.database.folder, onUnusable: hooks.onDatabaseUnusable })
    : postgresLayer({ url: config.database.url, maxConnections: config.database.maxConnections })

/** The free-space watermark of an embedded database's folder; PostgreSQL watches its own disk. */
export const diskWatermark = (config: TixiConfig): DiskWatermark | undefined =>
  config.database.kind === "pglite"
    ? { folder: config.database.folder, minFreeBytes: config.database.minFreeDiskBytes }
    : undefined

/** What every read path of a configuration reads under: its organisation (resolved once) and access rules. */
export const readingOptions = (config: TixiConfig): ReadingOptions => ({
  organisation: config.chart,
  accessPolicy: config.access,
})

/** The runtime options a configuration names (its engine and that engine's tuning, its read rules). */
export const runtimeOptions = (config: TixiConfig): RuntimeOptions =>
  config.runner.engine === "cluster"
    ? {
        engine: "cluster",
        processes: config.processes,
        cluster: {
          runnerId: { host: config.runner.id, port: 0 },
          shardsPerGroup: config.runner.shards,
          pollIntervalMillis: config.runner.pollIntervalMillis,
          shardLeaseMillis: config.runner.shardLeaseMillis,
        },
        retryPolicy: config.retry,
        reading: readingOptions(config),
      }
    : {
        engine: "embedded",
        processes: config.processes,
        retryPolicy: config.retry,
        reading: readingOptions(config),
      }

/**
 * Everything `tixi serve` runs, from a resolved configuration: the database, the engine (the
 * embedded one, or Effect Cluster and its workflow engine), the hosted processes, the host
 * adapters and (unless disabled) the intake with its change feeds.
 */
export const runnerLayer = (
  config: TixiConfig,
  hooks: RunnerHooks = {},
): Layer.Layer<ProcessRuntime | EngineControl | SqlClient.SqlClient | IntakeServer, unknown> => {
  const runtime = runtimeLayer(runtimeOptions(config))
  const intake =
    config.intake === false
      ? Layer.succeed(IntakeServer, { port: 0, url: "" })
      : intakeServerLayer({
          port: config.intake.port,
          host: config.intake.host,
          sources: config.intake.sources,
          maxBodyBytes: config.intake.maxBodyBytes,
          maxEventsPerRequest: config.intake.maxEventsPerRequest,
          maxConnections: config.intake.maxConnections,
          headersTimeoutMillis: config.intake.headersTimeoutMillis,
          requestTimeoutMillis: config.intake.requestTimeoutMillis,
          diskWatermark: diskWatermark(config),
        })
  const feeds =
    config.intake === false || config.intake.feeds.length === 0
      ? Layer.empty
      : changeFeedsLayer({ feeds: config.intake.feeds })
  const pruning =
    config.intake === false
      ? Layer.empty
      : intakePruningLayer({ retainDeliveredMillis: config.intake.retainDeliveredMillis })
  const listen = adminListen(config)
  const admin =
    config.admin.token === undefined || listen === undefined
      ? Layer.empty
      : adminServerLayer({
          token: config.admin.token,
          listen,
          tokenFile: hooks.adminTokenFile,
          diskWatermark: diskWatermark(config),
        })
  return Layer.mergeAll(intake, feeds, pruning, admin).pipe(
    Layer.provideMerge(runtime),
    Layer.provide(config.host),
    Layer.provideMerge(databaseLayer(config, hooks)),
  )
}
