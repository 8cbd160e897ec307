import { findPostgres, startThrowawayPostgres } from "@tixi/testing"
import { Effect } from "effect"
import { defineBenchmark, median } from "./harness.ts"
import { type BenchDatabase, commitRate, relayRun, withRuntime } from "./runtime/measure.ts"

const instances = Number(process.env.TIXI_BENCH_INSTANCES ?? 200)

const measure = (database: BenchDatabase) =>
  withRuntime(
    database,
    Effect.gen(function* () {
      // Floor and tixi alternate, three rounds each, so drifting machine load hits both alike.
      const floors: Array<number> = []
      const runs: Array<{ instancesPerSecond: number; stepsPerSecond: number }> = []
      for (let round = 0; round < 3; round++) {
        floors.push(yield* commitRate(500))
        runs.push(yield* relayRun(instances, `r${round}`))
      }
      const floor = median(floors)
      const steps = median(runs.map((run) => run.stepsPerSecond))
      return {
        commitsPerSecond: floor,
        instancesPerSecond: median(runs.map((run) => run.instancesPerSecond)),
        stepsPerSecond: steps,
        ratioToFloor: steps / floor,
      }
    }),
  )

export default defineBenchmark({
  name: "runtime-throughput",
  description: `process instances started and completed per second (${instances} per round, two durable turns each) against the database's raw commit rate`,
  run: async () => {
    const pglite = await measure({ kind: "pglite" })
    const found = findPostgres()
    let postgres: Awaited<ReturnType<typeof measure>> | string
    if ("bin" in found) {
      const server = await startThrowawayPostgres(found.bin)
      try {
        postgres = await measure({ kind: "postgres", url: server.url })
      } finally {
        server.stop()
      }
    } else {
      postgres = `not measured: ${found.missing}`
    }
    return {
      figure: { label: "durable steps on PGlite", value: pglite.stepsPerSecond, unit: "steps/s" },
      baseline: {
        label: "INSERT + COMMIT on PGlite",
        value: pglite.commitsPerSecond,
        unit: "commits/s",
        description:
          "single-row inserts, each its own transaction, one after another, same database, same run",
      },
      ratio: pglite.ratioToFloor,
      ratioMeaning: "durable steps per raw commit (PGlite)",
      details: { instancesPerRound: instances, pglite, postgres },
    }
  },
})
