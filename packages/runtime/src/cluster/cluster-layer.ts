import { Duration, Layer, Option } from "effect"
import {
  ClusterWorkflowEngine,
  RunnerAddress,
  RunnerHealth,
  Runners,
  Sharding,
  ShardingConfig,
  SqlMessageStorage,
  SqlRunnerStorage,
} from "effect/cluster"
import { Digest } from "effect/crypto"
import type { SqlClient } from "effect/sql"

/** How a runner takes part in the cluster. */
export interface ClusterOptions {
  /**
   * This runner's identity among the runners sharing the database. A runner that restarts with
   * the same identity takes its shards back at once instead of waiting for its old lease to expire.
   */
  readonly runnerId: { readonly host: string; readonly port: number }
  /** Shards instances are spread over (fixed for the life of a database). Default 32: enough for a handful of runners, and each shard costs a lease row refreshed every few seconds. */
  readonly shardsPerGroup?: number | undefined
  /** How often a runner looks for stored messages (timers due, commands from other runners). Default 250 ms. */
  readonly pollIntervalMillis?: number | undefined
  /**
   * How long a silent runner keeps its shards before the others take them. Default 10 s. Each
   * lease refresh must finish within a quarter of it, so an embedded database (one session that
   * every statement queues for) needs a long lease: a refresh stuck behind a burst of work would
   * otherwise count as lost storage and drop every shard. A restarting runner with the same
   * `runnerId` reclaims its own shards at once whatever the lease.
   */
  readonly shardLeaseMillis?: number | undefined
}

/**
 * Effect Cluster with SQL message and runner storage and the cluster workflow engine. The sharding
 * configuration is given in full here and never read from the environment: Effect's
 * `ShardingConfig.layerFromEnv` reads generic `HOST` and `PORT` variables, which would collide with
 * the HTTP server's (DESIGN, durable execution traps). Runners talk through the shared database:
 * a message for an instance on another runner is stored and that runner picks it up at its next
 * poll, so no runner-to-runner network is needed and a dead runner loses nothing in flight.
 */
export const clusterLayer = (
  options: ClusterOptions,
): Layer.Layer<
  import("effect/workflow").WorkflowEngine.WorkflowEngine | Sharding.Sharding,
  never,
  SqlClient.SqlClient
> => {
  const lease = options.shardLeaseMillis ?? 10_000
  const config = ShardingConfig.layer({
    runnerAddress: Option.some(RunnerAddress.make(options.runnerId.host, options.runnerId.port)),
    runnerListenAddress: Option.none(),
    shardsPerGroup: options.shardsPerGroup ?? 32,
    entityMessagePollInterval: Duration.millis(options.pollIntervalMillis ?? 250),
    shardLockRefreshInterval: Duration.millis(Math.max(250, Math.floor(lease / 4))),
    shardLockExpiration: Duration.millis(lease),
    refreshAssignmentsInterval: Duration.millis(Math.max(250, Math.floor(lease / 4))),
    entityMailboxCapacity: "unbounded",
    // Messages are persisted (encoded) anyway; encoding them again for local delivery costs CPU only.
    simulateRemoteSerialization: false,
  })
  const sharding = Sharding.layer.pipe(
    Layer.provideMerge(Runners.layerNoop),
    Layer.provideMerge(SqlMessageStorage.layer),
    Layer.provide([Layer.orDie(SqlRunnerStorage.layer), RunnerHealth.layerNoop]),
    Layer.provide(config),
  )
  return ClusterWorkflowEngine.layer.pipe(Layer.provideMerge(sharding), Layer.provide(Digest.layerWebCrypto))
}
