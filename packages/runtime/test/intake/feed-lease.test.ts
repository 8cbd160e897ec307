import { findPostgres, startThrowawayPostgres, type ThrowawayPostgres } from "@tixi/testing"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { changeFeedsLayer } from "../../src/intake/change-feeds.ts"
import type { ChangeFeed } from "../../src/intake/intake-source.ts"
import { postgresLayer } from "../../src/sql/postgres-client.ts"
import { ensureSchema } from "../../src/storage/schema.ts"
import { inMemoryHostLayer } from "../fixtures/in-memory-host.ts"

const postgres = findPostgres()
const ci = process.env.CI === "true" || process.env.CI === "1"
if ("missing" in postgres) console.warn(`\n*** SKIPPING the feed lease test: ${postgres.missing} ***\n`)

/** A feed that keeps one numbered event every 50 ms, noting where each run started. */
const countingFeed = (runner: string, starts: Array<string | undefined>): ChangeFeed => ({
  name: "shared",
  run: (position, keep) =>
    Effect.gen(function* () {
      starts.push(position)
      for (let next = Number(position ?? 0) + 1; ; next++) {
        yield* keep({
          events: [{ id: `event-${next}`, type: "test.count", payload: { runner } }],
          position: String(next),
        })
        yield* Effect.sleep("50 millis")
      }
    }),
})

// In CI PostgreSQL must be there (.ci/run installs it); elsewhere its absence skips, loudly.
describe.skipIf("missing" in postgres && !ci)("change feeds among several runners on PostgreSQL", () => {
  let database: ThrowawayPostgres
  beforeAll(async () => {
    if ("missing" in postgres) throw new Error(`CI must run the feed lease test: ${postgres.missing}`)
    database = await startThrowawayPostgres(postgres.bin)
  }, 120_000)
  afterAll(() => database?.stop())

  it("reads each feed on one runner, and another takes over from the kept position when it stops", {
    timeout: 60_000,
  }, async () => {
    const connect = () => postgresLayer({ url: Redacted.make(database.url), maxConnections: 4 })
    const runnerOf = (feed: ChangeFeed) =>
      ManagedRuntime.make(
        changeFeedsLayer({ feeds: [feed] }).pipe(
          Layer.provideMerge(inMemoryHostLayer),
          Layer.provideMerge(Layer.orDie(connect())),
        ),
      )
    const sql = ManagedRuntime.make(Layer.orDie(connect()))
    await sql.runPromise(ensureSchema)
    const kept = () =>
      sql.runPromise(
        Effect.flatMap(
          SqlClient.SqlClient,
          (client) =>
            client<{ event_id: string; runner: string }>`
            SELECT event_id, payload->>'runner' AS runner FROM tixi_intake_events WHERE source = 'shared'
          `,
        ),
      )
    const until = async (what: string, check: () => Promise<boolean>) => {
      const deadline = Date.now() + 20_000
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }

    const startsOfFirst: Array<string | undefined> = []
    const startsOfSecond: Array<string | undefined> = []
    const first = runnerOf(countingFeed("first", startsOfFirst))
    await first.runPromise(Effect.void)
    await until("the first runner's events", async () => (await kept()).length >= 5)
    const second = runnerOf(countingFeed("second", startsOfSecond))
    await second.runPromise(Effect.void)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    // The second runner waits for the lock: it has not read the feed at all.
    expect(startsOfSecond).toEqual([])
    expect(new Set((await kept()).map((row) => row.runner))).toEqual(new Set(["first"]))

    await first.dispose()
    const keptByFirst = (await kept()).length
    await until("the second runner to take over", async () =>
      (await kept()).some((row) => row.runner === "second"),
    )
    // It started where the first left off: no event read twice, none skipped.
    expect(startsOfFirst).toEqual([undefined])
    expect(startsOfSecond).toEqual([String(keptByFirst)])
    const rows = await kept()
    const numbers = rows.map((row) => Number(row.event_id.slice("event-".length))).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1))
    await second.dispose()
    await sql.dispose()
  })
})
