import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { ProcessRuntime } from "@tixi/runtime"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { defineBenchmark } from "./harness.ts"
import { withRuntime } from "./runtime/measure.ts"

const waiting = Number(process.env.TIXI_BENCH_WAITING ?? 500)
const target = 100_000

setFlagsFromString("--expose-gc")
const collect = runInNewContext("gc") as () => void

const settledHeap = Effect.promise(async () => {
  for (let round = 0; round < 3; round++) {
    collect()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss }
})

export default defineBenchmark({
  name: "runner-memory",
  description: `memory of a runner holding waiting instances (${waiting} measured, extrapolated to ${target.toLocaleString("en-US")})`,
  run: async () => {
    const measured = await withRuntime(
      { kind: "pglite" },
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        const sql = yield* SqlClient.SqlClient
        yield* Effect.sleep("2 seconds")
        const empty = yield* settledHeap
        const ids = Array.from({ length: waiting }, (_, index) => `w-${index}`)
        yield* Effect.forEach(ids, (id) => runtime.start("relay", id, { type: "Open", id }), {
          concurrency: 4,
          discard: true,
        })
        while (true) {
          const [row] = yield* sql<{
            count: number
          }>`SELECT COUNT(*)::int AS count FROM tixi_instances WHERE status = 'open'`
          if ((row?.count ?? 0) >= waiting) break
          yield* Effect.sleep("200 millis")
        }
        // Suspended executions are released after the engine's idle time (10 s); measure past it,
        // and again later, to tell memory that is released late from memory that stays.
        yield* Effect.sleep("15 seconds")
        const early = yield* settledHeap
        yield* Effect.sleep("45 seconds")
        const holding = yield* settledHeap
        return { empty, early, holding }
      }),
    )
    const perInstance = Math.max(0, (measured.holding.heap - measured.empty.heap) / waiting)
    const extrapolated = measured.empty.heap + perInstance * target
    return {
      figure: {
        label: `heap with ${target.toLocaleString("en-US")} waiting instances (extrapolated)`,
        value: extrapolated / 2 ** 20,
        unit: "MiB",
      },
      baseline: {
        label: "heap of the same runner holding none",
        value: measured.empty.heap / 2 ** 20,
        unit: "MiB",
        description: "the runner after start-up, before any instance, same process, same run",
      },
      ratio: extrapolated / measured.empty.heap,
      ratioMeaning: "heap with 100k waiting ÷ heap with none",
      details: {
        waitingMeasured: waiting,
        heapPerWaitingInstanceBytes: Math.round(perInstance),
        emptyHeapMiB: measured.empty.heap / 2 ** 20,
        heapAfter15sMiB: measured.early.heap / 2 ** 20,
        holdingHeapMiB: measured.holding.heap / 2 ** 20,
        emptyRssMiB: measured.empty.rss / 2 ** 20,
        holdingRssMiB: measured.holding.rss / 2 ** 20,
        note: "waiting instances are suspended workflows kept in the database; the figure extrapolates linearly from the heap measured 60 s after the last one suspended. 100,000 were not seeded here: at the measured PGlite throughput (about 15 instances per second) that takes about two hours.",
      },
    }
  },
})
