import { PortFailure, Unavailable } from "@tixi/core"
import { Effect, Layer, ManagedRuntime } from "effect"
import { SqlClient } from "effect/sql"
import { expect, it } from "vitest"
import { changeFeedsLayer } from "../../src/intake/change-feeds.ts"
import type { ChangeFeed } from "../../src/intake/intake-source.ts"
import { pgliteLayer } from "../../src/sql/pglite-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"
import { waitFor } from "../fixtures/wait-for.ts"

const event = (number: number) => ({ id: `event-${number}`, type: "test.count", payload: { number } })

it("runs a failed feed again from its kept position, counting an event read twice once", {
  timeout: 30_000,
}, async () => {
  const starts: Array<string | undefined> = []
  // First run: keeps events 1–2, then the vendor fails. Second run: reads event 2 again (as a
  // poll overlapping its cursor does) with event 3, then waits.
  const feed: ChangeFeed = {
    name: "overlapping",
    run: (position, keep) =>
      Effect.gen(function* () {
        starts.push(position)
        if (starts.length === 1) {
          yield* keep({ events: [event(1), event(2)], position: "2" })
          return yield* new PortFailure({
            port: "HostCrm",
            operation: "pollChanges",
            reason: new Unavailable(),
            detail: "the vendor answered 503",
          })
        }
        yield* keep({ events: [event(2), event(3)], position: "3" })
        // A quiet stream: nothing new, the position moves on (a keepalive's replay id).
        yield* keep({ events: [], position: "3+" })
        return yield* Effect.never
      }),
  }
  const database = ManagedRuntime.make(pgliteLayer())
  const context = await database.runPromise(Effect.context<SqlClient.SqlClient>())
  await database.runPromise(ensureSchema)
  const runner = ManagedRuntime.make(
    changeFeedsLayer({ feeds: [feed], restartAfterMillis: 20 }).pipe(
      Layer.provideMerge(inMemoryHostLayer),
      Layer.provideMerge(Layer.succeedContext(context)),
    ),
  )
  await runner.runPromise(Effect.void)
  const position = await database.runPromise(
    waitFor(
      "the second run's batches",
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.map(
          sql<{ position: string; events: number }>`
            SELECT position, events::int AS events FROM tixi_feed_positions WHERE name = 'overlapping'
          `,
          (rows) => (rows[0]?.position === "3+" ? rows[0] : undefined),
        ),
      ),
    ),
  )
  expect(starts).toEqual([undefined, "2"])
  expect(position.events).toBe(3)
  const stored = await database.runPromise(
    Effect.flatMap(
      SqlClient.SqlClient,
      (sql) =>
        sql<{ event_id: string }>`
        SELECT event_id FROM tixi_intake_events WHERE source = 'overlapping' ORDER BY event_id
      `,
    ),
  )
  expect(stored.map((row) => row.event_id)).toEqual(["event-1", "event-2", "event-3"])
  await runner.dispose()
  await database.dispose()
})
