import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { type CommandInput, ProcessRuntime } from "@tixi/runtime"
import { scriptedRegistration } from "@tixi/testing"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { defineBenchmark } from "./harness.ts"
import { discardingHost, withRuntime } from "./runtime/measure.ts"

const waiting = Number(process.env.TIXI_BENCH_WAITING ?? 100_000)
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
  description: `memory of a runner (embedded engine, PGlite) holding ${waiting.toLocaleString("en-US")} registered complaints waiting for the desk${waiting === target ? "" : `, extrapolated to ${target.toLocaleString("en-US")}`}`,
  run: async () => {
    const measured = await withRuntime(
      { kind: "pglite" },
      "embedded",
      Effect.gen(function* () {
        const runtime = yield* ProcessRuntime
        const sql = yield* SqlClient.SqlClient
        yield* Effect.sleep("2 seconds")
        const empty = yield* settledHeap
        const started = performance.now()
        yield* Effect.forEach(
          Array.from({ length: waiting }, (_, index) => `W-${index}`),
          (id) =>
            runtime.start("complaint", id, scriptedRegistration(id, "approval", Date.now()) as CommandInput),
          { concurrency: 64, discard: true },
        )
        const seedSeconds = (performance.now() - started) / 1000
        const [row] = yield* sql<{ count: number }>`
          SELECT COUNT(*)::int AS count FROM tixi_instances WHERE status = 'registered'
        `
        if ((row?.count ?? 0) !== waiting) return yield* Effect.die(new Error(`only ${row?.count} waiting`))
        // Measured past the engine's linger and again later, to tell memory released late from
        // memory that stays.
        yield* Effect.sleep("15 seconds")
        const early = yield* settledHeap
        yield* Effect.sleep("45 seconds")
        const holding = yield* settledHeap
        return { empty, early, holding, seedSeconds }
      }),
      discardingHost,
    )
    const perInstance = Math.max(0, (measured.holding.heap - measured.empty.heap) / waiting)
    const extrapolated = measured.empty.heap + perInstance * target
    return {
      figure: {
        label: `heap with ${target.toLocaleString("en-US")} waiting instances${waiting === target ? "" : " (extrapolated)"}`,
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
      ratioMeaning: `heap with ${target.toLocaleString("en-US")} waiting ÷ heap with none`,
      details: {
        waitingMeasured: waiting,
        registeredPerSecond: waiting / measured.seedSeconds,
        heapPerWaitingInstanceBytes: Math.round(perInstance),
        emptyHeapMiB: measured.empty.heap / 2 ** 20,
        heapAfter15sMiB: measured.early.heap / 2 ** 20,
        holdingHeapMiB: measured.holding.heap / 2 ** 20,
        emptyRssMiB: measured.empty.rss / 2 ** 20,
        holdingRssMiB: measured.holding.rss / 2 ** 20,
        note: "each waiting complaint is registered (one durable turn, its effects acknowledged by a host that keeps nothing) and waits for the desk, its first-response deadline stored in the database; the engine keeps up to 2,000 recently used instances in memory and the keys of all, the rest is read back when needed",
      },
    }
  },
})
