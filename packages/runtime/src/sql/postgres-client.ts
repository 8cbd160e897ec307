import { PgClient } from "@effect/sql-pg"
import type { Duration, Layer, Redacted } from "effect"
import type { SqlClient, SqlError } from "effect/sql"

/** How to reach a PostgreSQL server shared by several runners. */
export interface PostgresClientOptions {
  /** `postgres://user:password@host:port/database`; a secret, so it stays `Redacted`. */
  readonly url: Redacted.Redacted
  /** Connections this runner may open. Default 10. */
  readonly maxConnections?: number | undefined
  readonly connectTimeout?: Duration.Input | undefined
}

/**
 * Provides `SqlClient` over PostgreSQL through `@effect/sql-pg` (its own wire protocol, no `pg`
 * dependency). Cluster runner storage then holds shard locks as session advisory locks, which the
 * server releases the moment a runner's connection dies: that is what makes failover quick.
 */
export const postgresLayer = (
  options: PostgresClientOptions,
): Layer.Layer<SqlClient.SqlClient, SqlError.SqlError> =>
  PgClient.layer({
    url: options.url,
    maxConnections: options.maxConnections ?? 10,
    connectTimeout: options.connectTimeout ?? "10 seconds",
    applicationName: "tixi-runtime",
  })
