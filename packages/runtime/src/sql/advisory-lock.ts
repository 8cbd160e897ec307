import { Effect } from "effect"
import { SqlClient } from "effect/sql"

/**
 * Tries a PostgreSQL session advisory lock on a connection reserved for the caller's scope: true
 * when this session holds it. The lock lives as long as that connection, so a runner that dies
 * releases it with its connection, and another runner may take it (a runner's engine, a feed).
 */
export const tryAdvisoryLock = (lockNumber: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const connection = yield* sql.reserve
    const [row] = yield* connection.executeUnprepared(
      `SELECT pg_try_advisory_lock(${Math.trunc(lockNumber)}) AS locked`,
      [],
      undefined,
    )
    return (row as { locked?: boolean } | undefined)?.locked === true
  })
