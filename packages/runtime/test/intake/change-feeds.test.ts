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

/** Runs one feed on a fresh database; the caller disposes of both. */
const startFeed = async (feed: ChangeFeed) => {
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
  return { database, runner }
}

/** Waits until the feed's kept position is `position`, then answers it with the events counted. */
const keptPosition = (feed: string, position: string) =>
  waitFor(
    `feed ${feed} at ${position}`,
    Effect.flatMap(SqlClient.SqlClient, (sql) =>
      Effect.map(
        sql<{ position: string; events: number }>`
          SELECT position, events::int AS events FROM tixi_feed_positions WHERE name = ${feed}
        `,
        (rows) => (rows[0]?.position === position ? rows[0] : undefined),
      ),
    ),
  )

/** The ids of the events the feed stored, in order. */
const storedIds = (feed: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(
      sql<{ event_id: string }>`
        SELECT event_id FROM tixi_intake_events WHERE source = ${feed} ORDER BY event_id
      `,
      (rows) => rows.map((row) => row.event_id),
    ),
  )

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
  const { database, runner } = await startFeed(feed)
  const position = await database.runPromise(keptPosition("overlapping", "3+"))
  expect(starts).toEqual([undefined, "2"])
  expect(position.events).toBe(3)
  expect(await database.runPromise(storedIds("overlapping"))).toEqual(["event-1", "event-2", "event-3"])
  await runner.dispose()
  await database.dispose()
})

it("skips and records an event the database cannot store, moving the feed's position past it", {
  timeout: 30_000,
}, async () => {
  const starts: Array<string | undefined> = []
  const unstorable = { id: "event-nul", type: "test.count", payload: { propertyValue: "a\u0000b" } }
  const feed: ChangeFeed = {
    name: "unstorable",
    run: (position, keep) =>
      Effect.gen(function* () {
        starts.push(position)
        yield* keep({ events: [event(1), unstorable, event(2)], position: "p2" })
        return yield* Effect.never
      }),
  }
  const { database, runner } = await startFeed(feed)
  const position = await database.runPromise(keptPosition("unstorable", "p2"))
  // Kept with its storable events, and read once: a stalled feed would run again and again.
  expect(position.events).toBe(2)
  expect(starts).toEqual([undefined])
  expect(await database.runPromise(storedIds("unstorable"))).toEqual(["event-1", "event-2"])
  const refused = await database.runPromise(
    Effect.flatMap(
      SqlClient.SqlClient,
      (sql) => sql`SELECT event_id, reason FROM tixi_intake_refused WHERE source = 'unstorable'`,
    ),
  )
  expect(refused).toEqual([
    { event_id: "event-nul", reason: "payload.propertyValue: a NUL character (U+0000) at character 1" },
  ])
  await runner.dispose()
  await database.dispose()
})
