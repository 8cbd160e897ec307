import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { InMemoryApprovals, InMemoryHostCrm, InMemoryNotifier, inMemoryDirectoryLayer } from "@tixi/core"
import { ProcessRuntime, pgliteLayer, postgresLayer, runtimeLayer } from "@tixi/runtime"
import { sampleCompany } from "@tixi/testing"
import { Effect, Layer, Redacted } from "effect"
import { SqlClient } from "effect/sql"
import { hostedRelayProcess } from "./relay-process.ts"

/** Which database a measurement runs on. */
export type BenchDatabase = { readonly kind: "pglite" } | { readonly kind: "postgres"; readonly url: string }

const host = Layer.mergeAll(
  InMemoryHostCrm.layer(),
  InMemoryApprovals.layer(),
  InMemoryNotifier.layer(),
  inMemoryDirectoryLayer(sampleCompany),
)

/** Runs `body` on a fresh durable database (a temp folder for PGlite) with the relay process hosted. */
export async function withRuntime<A>(
  database: BenchDatabase,
  body: Effect.Effect<A, unknown, ProcessRuntime | SqlClient.SqlClient>,
): Promise<A> {
  const folder = mkdtempSync(join(tmpdir(), "tixi-bench-"))
  try {
    const sql =
      database.kind === "pglite"
        ? pgliteLayer({ folder })
        : postgresLayer({ url: Redacted.make(database.url), maxConnections: 8 })
    const runtime = runtimeLayer(
      process.env.TIXI_ENGINE === "cluster"
        ? {
            engine: "cluster",
            processes: [hostedRelayProcess],
            cluster: {
              runnerId: { host: "bench", port: 0 },
              pollIntervalMillis: 100,
              shardLeaseMillis: database.kind === "pglite" ? 60_000 : 10_000,
            },
          }
        : { processes: [hostedRelayProcess] },
    ).pipe(Layer.provideMerge(host), Layer.provideMerge(Layer.orDie(sql)))
    return await Effect.runPromise(body.pipe(Effect.provide(runtime)) as Effect.Effect<A, unknown>)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The floor: single-row INSERTs, each its own committed transaction, one after another. */
export const commitRate = (count: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`CREATE TABLE IF NOT EXISTS bench_floor (id INT PRIMARY KEY, body TEXT NOT NULL)`
    yield* sql`DELETE FROM bench_floor`
    const started = performance.now()
    for (let index = 0; index < count; index++) {
      yield* sql`INSERT INTO bench_floor VALUES (${index}, ${"x".repeat(64)})`
    }
    return count / ((performance.now() - started) / 1000)
  })

/** Starts `count` relay instances, finishes each with a second command, and waits until all are finished. */
export const relayRun = (count: number, prefix: string) =>
  Effect.gen(function* () {
    const runtime = yield* ProcessRuntime
    const sql = yield* SqlClient.SqlClient
    const ids = Array.from({ length: count }, (_, index) => `${prefix}-${index}`)
    const started = performance.now()
    yield* Effect.forEach(ids, (id) => runtime.start("relay", id, { type: "Open", id }), {
      concurrency: 16,
      discard: true,
    })
    // Finish each instance once it has taken its first turn (the order a person would act in),
    // finding them with one query at a time so the polling does not crowd out the runtime.
    const finished = new Set<string>()
    while (finished.size < count) {
      const open = yield* sql<{ instance_id: string }>`
        SELECT instance_id FROM tixi_instances
        WHERE process = 'relay' AND status = 'open' AND instance_id LIKE ${`${prefix}-%`}
      `
      const ready = open.map((row) => row.instance_id).filter((id) => !finished.has(id))
      yield* Effect.forEach(ready, (id) => runtime.deliver("relay", id, { type: "Finish" }), {
        concurrency: 16,
        discard: true,
      })
      for (const id of ready) finished.add(id)
      if (ready.length === 0) yield* Effect.sleep("50 millis")
    }
    while (true) {
      const [row] = yield* sql<{ count: number }>`
        SELECT COUNT(*)::int AS count FROM tixi_instances WHERE process = 'relay' AND finished AND instance_id LIKE ${`${prefix}-%`}
      `
      if ((row?.count ?? 0) >= count) break
      yield* Effect.sleep("50 millis")
    }
    const seconds = (performance.now() - started) / 1000
    return { instancesPerSecond: count / seconds, stepsPerSecond: (2 * count) / seconds, seconds }
  })
