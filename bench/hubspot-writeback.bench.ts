// Write-back of 100,000 company grades to a HubSpot portal at the Professional tier (190 requests
// per 10 s per app): tixi's batch write-back against the official client used as its README shows.
//
// Both run against the same fake portal, served over HTTP on 127.0.0.1 from a worker thread, which enforces HubSpot's
// rolling 10-second window per app with its 429 bodies and X-HubSpot-RateLimit headers, the daily
// limit, batch inputs ≤ 100 and 207 partial failures. Time is real: no clock is scaled.
// - tixi: `adapter.writeBack` over all 100,000 companies (1,000 batch/update calls at the ceiling,
//   ≥ 52.6 s), then every company's value is read back from the portal.
// - baseline: `@hubspot/api-client` 14.0.1 with `limiterOptions: DEFAULT_LIMITER_OPTIONS` and
//   `numberOfApiCallRetries: 3` (its README), `crm.companies.basicApi.update` once per record, on
//   a sample of BASELINE_SAMPLE companies (the whole 100,000 would take over an hour and a half
//   even at the ceiling). Its rate is requests-bound, so it is reported per second and
//   extrapolated to 100,000 linearly; the sample size is in the result.
// Each client uses its own app (token) in the same portal, so one's window never slows the other.

import { Worker } from "node:worker_threads"
import { Client, DEFAULT_LIMITER_OPTIONS } from "@hubspot/api-client"
import { customerRecordId, make } from "@tixi/adapter-hubspot"
import { type FieldSpec, label } from "@tixi/core"
import { defaultFakeApp } from "@tixi/testing/hubspot"
import { Effect } from "effect"
import { defineBenchmark } from "./harness.ts"
import type { FakeWorkerRequest } from "./support/hubspot-fake-worker.ts"

type Request = FakeWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never

/** Starts the fake portal's thread and returns its base URL and a way to ask it things. */
async function startFake(apps: ReadonlyArray<typeof defaultFakeApp>) {
  const worker = new Worker(new URL("./support/hubspot-fake-worker.ts", import.meta.url), {
    workerData: { apps },
  })
  const pending = new Map<number, (reply: Record<string, unknown>) => void>()
  let next = 1
  const started = new Promise<string>((resolve, reject) => {
    worker.once("error", reject)
    pending.set(0, (reply) => resolve(reply.baseUrl as string))
  })
  worker.on("message", (reply: Record<string, unknown> & { id: number }) => {
    pending.get(reply.id)?.(reply)
    pending.delete(reply.id)
  })
  const ask = <Reply extends Record<string, unknown>>(request: Request) =>
    new Promise<Reply>((resolve) => {
      const id = next++
      pending.set(id, (reply) => resolve(reply as Reply))
      worker.postMessage({ ...request, id })
    })
  return { baseUrl: await started, ask, stop: () => ask({ type: "close" }).then(() => worker.terminate()) }
}

const records = Number(process.env.HUBSPOT_BENCH_RECORDS ?? 100_000)
const baselineSample = Number(process.env.HUBSPOT_BENCH_BASELINE_SAMPLE ?? 300)
const burst = 190
const ceiling = (burst / 10) * 100

const baselineApp = {
  appId: 77777,
  accessToken: "pat-na1-baseline-0000-0000-0000-000000000000",
  clientSecret: "baseline-secret",
  kind: "private" as const,
}

const grade: FieldSpec = {
  object: "customer",
  name: "customer_grade",
  label: label("客户等级", "Customer grade"),
  type: "choice",
  options: ["A", "B", "C", "D"].map((value) => ({ value, label: label(`${value} 级`, `Grade ${value}`) })),
}
const gradeOf = (index: number, round: number) => ["A", "B", "C", "D"][(index + round) % 4]!

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

export default defineBenchmark({
  name: "hubspot-writeback",
  description: `write-back of ${records.toLocaleString("en-US")} company grades at 190 requests / 10 s (ceiling ${ceiling.toLocaleString("en-US")} records/s)`,
  run: async () => {
    const fake = await startFake([defaultFakeApp, baselineApp])
    const served = { baseUrl: fake.baseUrl }
    try {
      // Install tixi's properties, then seed the portal's companies as staff created them.
      const installer = await Effect.runPromise(
        make({
          accessToken: defaultFakeApp.accessToken,
          baseUrl: served.baseUrl,
          tier: "professional",
          fields: [grade],
          appId: defaultFakeApp.appId,
        }),
      )
      await Effect.runPromise(installer.install({ dryRun: false }))
      const { ids } = await fake.ask<{ ids: Array<string> }>({ type: "seed", count: records })
      // A new 10-second window for both clients.
      await fake.ask({ type: "new-window" })

      // tixi.
      const adapter = await Effect.runPromise(
        make({
          accessToken: defaultFakeApp.accessToken,
          baseUrl: served.baseUrl,
          tier: "professional",
          fields: [grade],
          appId: defaultFakeApp.appId,
        }),
      )
      let lastReport = 0
      const started = performance.now()
      const outcome = await Effect.runPromise(
        adapter.writeBack(
          ids.map((id, index) => ({
            id: customerRecordId("companies", id),
            fields: { customer_grade: gradeOf(index, 1) },
          })),
          {
            onProgress: (progress) =>
              Effect.sync(() => {
                if (progress.elapsedMillis - lastReport < 5_000 && progress.done < progress.total) return
                lastReport = progress.elapsedMillis
                const rate = progress.done / (progress.elapsedMillis / 1000)
                process.stdout.write(
                  `  tixi: ${progress.done.toLocaleString("en-US")} / ${progress.total.toLocaleString("en-US")} in ${(progress.elapsedMillis / 1000).toFixed(1)} s, ${Math.round(rate)} records/s, ${progress.requests} requests, ${progress.rateLimited} × 429, ${progress.failed} failed\n`,
                )
              }),
          },
        ),
      )
      const tixiSeconds = (performance.now() - started) / 1000
      const tixiTally = await fake.ask<{ requests: number; rateLimited: number }>({
        type: "tally",
        appId: defaultFakeApp.appId,
      })
      const tixiValues = (
        await fake.ask<{ values: Array<string | undefined> }>({
          type: "read",
          property: "tixi_customer_grade",
          ids,
        })
      ).values
      const tixiLost = tixiValues.filter((value, index) => value !== gradeOf(index, 1)).length
      const tixiRate = records / tixiSeconds

      // Baseline: the official client, one update per record, its own limiter and retries.
      const client = new Client({
        accessToken: baselineApp.accessToken,
        basePath: served.baseUrl,
        limiterOptions: DEFAULT_LIMITER_OPTIONS,
        numberOfApiCallRetries: 3,
      })
      const companies = client.crm.companies.basicApi
      const sample = ids.slice(0, baselineSample)
      const baselineStarted = performance.now()
      const results = await Promise.allSettled(
        sample.map((id, index) =>
          companies.update(id, { properties: { tixi_customer_grade: gradeOf(index, 2) } }),
        ),
      )
      const baselineSeconds = (performance.now() - baselineStarted) / 1000
      const baselineTally = await fake.ask<{ requests: number; rateLimited: number }>({
        type: "tally",
        appId: baselineApp.appId,
      })
      const baselineFailed = results.filter((result) => result.status === "rejected").length
      const baselineValues = (
        await fake.ask<{ values: Array<string | undefined> }>({
          type: "read",
          property: "tixi_customer_grade",
          ids: sample,
        })
      ).values
      const baselineLost = baselineValues.filter((value, index) => value !== gradeOf(index, 2)).length
      const baselineRate = sample.length / baselineSeconds
      const fraction = tixiRate / ceiling
      return {
        figure: { label: "tixi write-back", value: tixiRate, unit: "records/s" },
        baseline: {
          label: "@hubspot/api-client per record",
          value: baselineRate,
          unit: "records/s",
          description: `official client as its README shows (DEFAULT_LIMITER_OPTIONS, numberOfApiCallRetries 3), companies.basicApi.update per record, ${sample.length}-record sample`,
        },
        ratio: tixiRate / baselineRate,
        ratioMeaning: "tixi records/s ÷ baseline records/s",
        target: {
          description: "≥ 95 % of the ceiling (1,900 records/s), no failed or lost record",
          met: fraction >= 0.95 && outcome.failed.length === 0 && tixiLost === 0,
        },
        details: {
          ceilingRecordsPerSecond: ceiling,
          tixi: {
            records,
            seconds: tixiSeconds,
            recordsPerSecond: tixiRate,
            fractionOfCeiling: fraction,
            requests: tixiTally.requests,
            rateLimited429: tixiTally.rateLimited,
            share429: share(tixiTally.rateLimited, tixiTally.requests),
            retries: adapter.metrics.retries,
            failed: outcome.failed.length,
            lostUpdates: tixiLost,
          },
          baseline: {
            records: sample.length,
            seconds: baselineSeconds,
            recordsPerSecond: baselineRate,
            fractionOfCeiling: baselineRate / ceiling,
            requests: baselineTally.requests,
            rateLimited429: baselineTally.rateLimited,
            share429: share(baselineTally.rateLimited, baselineTally.requests),
            failed: baselineFailed,
            lostUpdates: baselineLost,
            extrapolatedMinutesFor100k: 100_000 / baselineRate / 60,
          },
          tixiExtrapolatedMinutesFor100k: 100_000 / tixiRate / 60,
        },
      }
    } finally {
      await fake.stop()
    }
  },
})
