import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  hmacHeaders,
  hmacSource,
  IntakeServer,
  intakeServerLayer,
  pgliteLayer,
  runtimeLayer,
  signHmac,
} from "@tixi/runtime"
import { Effect, Layer, Redacted } from "effect"
import { defineBenchmark, median } from "./harness.ts"
import { benchHost, commitRate, hostedComplaints } from "./runtime/measure.ts"

const secret = "bench-secret"
const burst = Number(process.env.TIXI_BENCH_INTAKE_EVENTS ?? 5_000)

const post = async (url: string, id: string) => {
  const body = JSON.stringify({ id, type: "bench.note", payload: { id } })
  const timestamp = Date.now()
  const response = await fetch(url, {
    method: "POST",
    headers: {
      [hmacHeaders.timestamp]: String(timestamp),
      [hmacHeaders.signature]: signHmac(secret, timestamp, body),
    },
    body,
  })
  if (response.status !== 200) throw new Error(`intake answered ${response.status}`)
  await response.arrayBuffer()
}

/** As many events as the intake acknowledges, 64 senders at a time. */
const saturate = async (url: string, prefix: string) => {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < burst) await post(url, `${prefix}-${next++}`)
    }),
  )
  return burst / ((performance.now() - started) / 1000)
}

/** Events sent at a steady rate; the time from send to acknowledgement of each. */
const paced = async (url: string, perSecond: number, seconds: number) => {
  const latencies: Array<number> = []
  const total = perSecond * seconds
  const started = performance.now()
  const inFlight: Array<Promise<void>> = []
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / perSecond
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const sent = performance.now()
    inFlight.push(post(url, `paced-${index}`).then(() => void latencies.push(performance.now() - sent)))
  }
  await Promise.all(inFlight)
  const sorted = latencies.sort((left, right) => left - right)
  const achieved = total / ((performance.now() - started) / 1000)
  return {
    p50: sorted[Math.floor(sorted.length * 0.5)]!,
    p99: sorted[Math.floor(sorted.length * 0.99)]!,
    achieved,
  }
}

export default defineBenchmark({
  name: "intake",
  description: `webhook events acknowledged per second with durable storage (PGlite, ${burst}-event bursts), and acknowledgement latency at 1,000 events/s`,
  run: async () => {
    const folder = mkdtempSync(join(tmpdir(), "tixi-bench-intake-"))
    try {
      const layer = intakeServerLayer({
        port: 0,
        sources: [hmacSource({ name: "bench", path: "/hooks/bench", secret: Redacted.make(secret) })],
      }).pipe(
        Layer.provideMerge(runtimeLayer({ engine: "embedded", processes: [hostedComplaints] })),
        Layer.provideMerge(benchHost),
        Layer.provideMerge(Layer.orDie(pgliteLayer({ folder }))),
      )
      return await Effect.runPromise(
        Effect.gen(function* () {
          const server = yield* IntakeServer
          const url = `${server.url}/hooks/bench`
          const rates: Array<number> = []
          const floors: Array<number> = []
          for (let round = 0; round < 3; round++) {
            floors.push(yield* commitRate(500))
            rates.push(yield* Effect.promise(() => saturate(url, `burst${round}`)))
          }
          const latency = yield* Effect.promise(() => paced(url, 1_000, 5))
          const rate = median(rates)
          const floor = median(floors)
          return {
            figure: { label: "events acknowledged after durable storage", value: rate, unit: "events/s" },
            baseline: {
              label: "INSERT + COMMIT on PGlite",
              value: floor,
              unit: "commits/s",
              description: "single-row inserts, each its own transaction, same database, same run",
            },
            ratio: rate / floor,
            ratioMeaning: "acknowledged events per raw commit (group commit batches concurrent requests)",
            details: {
              burstEvents: burst,
              senders: 64,
              ratesPerRound: rates,
              at1000PerSecond: {
                p50Millis: latency.p50,
                p99Millis: latency.p99,
                achievedPerSecond: latency.achieved,
              },
            },
          }
        }).pipe(Effect.provide(layer), Effect.scoped),
      )
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  },
})
