import type { EngineKind } from "@tixi/runtime"
import { findPostgres, startThrowawayPostgres } from "@tixi/testing"
import { Effect } from "effect"
import { defineBenchmark, median } from "./harness.ts"
import { type BenchDatabase, commitRate, complaintRun, withRuntime } from "./runtime/measure.ts"

const complaints = Number(process.env.TIXI_BENCH_COMPLAINTS ?? 200)
// The cluster engine takes a turn in tens of milliseconds on PGlite: fewer complaints keep its
// rounds to seconds; the rate is what is compared.
const clusterComplaints = Number(process.env.TIXI_BENCH_CLUSTER_COMPLAINTS ?? 30)

const measure = (database: BenchDatabase, engine: EngineKind, count: number) =>
  withRuntime(
    database,
    engine,
    Effect.gen(function* () {
      // Floor and tixi alternate, three rounds each, so drifting machine load hits both alike.
      const floors: Array<number> = []
      const runs: Array<{ stepsPerSecond: number; complaintsPerSecond: number }> = []
      for (let round = 0; round < 3; round++) {
        floors.push(yield* commitRate(500))
        runs.push(yield* complaintRun(count, `${engine}-r${round}`))
      }
      const floor = median(floors)
      const steps = median(runs.map((run) => run.stepsPerSecond))
      return {
        engine,
        complaintsPerRound: count,
        commitsPerSecond: floor,
        complaintsPerSecond: median(runs.map((run) => run.complaintsPerSecond)),
        stepsPerSecond: steps,
        ratioToFloor: steps / floor,
      }
    }),
  )

export default defineBenchmark({
  name: "runtime-throughput",
  description: `durable turns per second of the core's complaint process (each complaint's nine turns from registration to closure, its effects on the in-memory host, 32 complaints at a time) against the database's raw commit rate, on both engines`,
  run: async () => {
    const pglite = await measure({ kind: "pglite" }, "embedded", complaints)
    const pgliteCluster = await measure({ kind: "pglite" }, "cluster", clusterComplaints)
    const found = findPostgres()
    let postgres: Record<string, unknown> | string
    if ("bin" in found) {
      const server = await startThrowawayPostgres(found.bin)
      try {
        postgres = {
          cluster: await measure({ kind: "postgres", url: server.url }, "cluster", complaints),
          embedded: await measure({ kind: "postgres", url: server.url }, "embedded", complaints),
        }
      } finally {
        server.stop()
      }
    } else {
      postgres = `not measured: ${found.missing}`
    }
    return {
      figure: {
        label: "durable turns on PGlite (embedded engine)",
        value: pglite.stepsPerSecond,
        unit: "turns/s",
      },
      baseline: {
        label: "INSERT + COMMIT on PGlite",
        value: pglite.commitsPerSecond,
        unit: "commits/s",
        description:
          "single-row inserts, each its own transaction, one after another, same database, same run",
      },
      ratio: pglite.ratioToFloor,
      ratioMeaning: "durable turns per raw commit (PGlite, embedded engine)",
      details: {
        pglite,
        pgliteClusterEngine: pgliteCluster,
        embeddedOverCluster: pglite.stepsPerSecond / pgliteCluster.stepsPerSecond,
        postgres,
      },
    }
  },
})
