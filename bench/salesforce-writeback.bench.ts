// Write-back of 100,000 account grades to a Salesforce org: Bulk API 2.0 vs sObject Collections vs
// one call per record (the baseline), in API calls consumed (as the org counts them) and wall time,
// and the path tixi chooses by itself. The org is the adapter's fake, answered in process with a
// latency model (see `latency` below), so the comparison means what it would on a real org.
// `SF_BENCH_ACCOUNTS=5000 npm run bench -- salesforce-writeback` runs a quicker, smaller version.
import { make, type SalesforceAdapterService } from "@tixi/adapter-salesforce"
import {
  createFakeSalesforce,
  type FakeSalesforce,
  fakeOrgSettings,
  inProcessFetch,
} from "@tixi/adapter-salesforce/fake"
import { type HostRecordId, label } from "@tixi/core"
import { Effect } from "effect"
import { defineBenchmark, median } from "./harness.ts"

const accounts = Number(process.env.SF_BENCH_ACCOUNTS ?? 100_000)
const grades = ["A", "B", "C", "D"] as const
const sampleIndex = Math.floor(accounts / 2)

/**
 * The latency model of the fake org, in compressed time (a real org is ~30× slower on each, but
 * the ratios between paths are what matter): every REST call takes 3 ms on the server, each record
 * written synchronously 0.03 ms more (a 200-record collection: 9 ms), and a Bulk job processes
 * 40,000 records per second once closed. Requests run 10 at a time, as Salesforce clients do.
 */
const latency = { perRequestMillis: 3, perRecordMillis: 0.03, bulkRecordsPerSecond: 40_000 }

async function prepare(): Promise<{
  fake: FakeSalesforce
  adapter: SalesforceAdapterService
  ids: ReadonlyArray<HostRecordId>
}> {
  const fake = createFakeSalesforce({ latency, apiAllocation: { max: 5_000_000 } })
  globalThis.fetch = inProcessFetch(fake, originalFetch)
  const adapter = await Effect.runPromise(
    make(fakeOrgSettings(fake, { bulkPolling: { initialMillis: 500, maxMillis: 5_000 } })),
  )
  await Effect.runPromise(
    adapter.install(
      [
        {
          object: "customer",
          name: "customer_grade",
          label: label("客户等级", "Customer grade"),
          type: "choice",
          options: grades.map((grade) => ({ value: grade, label: label(`${grade} 级`, `Grade ${grade}`) })),
        },
      ],
      { dryRun: false },
    ),
  )
  const ids: Array<HostRecordId> = []
  for (let index = 0; index < accounts; index++) {
    ids.push(
      fake.org.insertSystemRecord("Account", {
        Name: `客户 ${index}`,
        Tixi_Key__c: `C-${index}`,
      }) as HostRecordId,
    )
  }
  return { fake, adapter, ids }
}

const originalFetch = globalThis.fetch

async function writeBack(
  fake: FakeSalesforce,
  adapter: SalesforceAdapterService,
  ids: ReadonlyArray<HostRecordId>,
  round: number,
  path?: "bulk" | "collections" | "perRecord",
) {
  const updates = ids.map((id, index) => ({
    id,
    fields: { customer_grade: grades[(index + round) % grades.length]! },
  }))
  const callsBefore = fake.org.apiUsed
  const started = performance.now()
  const outcome = await Effect.runPromise(adapter.writeCustomerFields(updates, path))
  const milliseconds = performance.now() - started
  if (outcome.failed.length > 0 || outcome.succeeded.length !== ids.length) {
    throw new Error(
      `${path ?? "auto"}: ${outcome.failed.length} records failed: ${outcome.failed[0]?.error.message}`,
    )
  }
  const sample = fake.org.findById(ids[sampleIndex]!)!.record.Tixi_Customer_Grade__c
  if (sample !== grades[(sampleIndex + round) % grades.length])
    throw new Error(`${path ?? "auto"}: the grade was not written`)
  return { calls: fake.org.apiUsed - callsBefore, milliseconds }
}

export default defineBenchmark({
  name: "salesforce-writeback",
  description: "100,000 account grades written back to Salesforce: API calls and wall time per path",
  run: async () => {
    const { fake, adapter, ids } = await prepare()
    try {
      let round = 0
      const measure = async (path: "bulk" | "collections" | "perRecord" | undefined, runs: number) => {
        const samples: Array<{ calls: number; milliseconds: number }> = []
        for (let run = 0; run < runs; run++) samples.push(await writeBack(fake, adapter, ids, ++round, path))
        return {
          calls: median(samples.map((sample) => sample.calls)),
          milliseconds: median(samples.map((sample) => sample.milliseconds)),
          samples,
        }
      }
      const perRecord = await measure("perRecord", 1)
      const collections = await measure("collections", 3)
      const bulk = await measure("bulk", 3)
      const automatic = await measure(undefined, 3)
      const plan = adapter.planWrite(accounts)
      // Bulk's call count includes polling for the job's state, which varies by a call or two with
      // the machine's load; the target is the choice of path, judged by the measured medians.
      const measured = { perRecord, collections, bulk }
      const cheapestPath = (Object.keys(measured) as Array<keyof typeof measured>).reduce((best, path) =>
        measured[path].calls < measured[best].calls ? path : best,
      )
      return {
        figure: {
          label: `tixi's own choice (${plan.chosen.path}), API calls`,
          value: automatic.calls,
          unit: "calls",
        },
        baseline: {
          label: "one call per record, API calls",
          value: perRecord.calls,
          unit: "calls",
          description: "PATCH /sobjects/Account/{id} for each of 100,000 accounts, 10 at a time",
        },
        ratio: perRecord.calls / automatic.calls,
        ratioMeaning: "times fewer API calls than one call per record",
        target: {
          description: `tixi picks the path that consumes the fewest API calls (measured: ${cheapestPath})`,
          met: plan.chosen.path === cheapestPath,
        },
        details: {
          latencyModel: latency,
          accounts,
          chosenPath: plan.chosen.path,
          plannedCalls: plan.estimates,
          perRecord: { calls: perRecord.calls, wallMilliseconds: perRecord.milliseconds },
          collections: {
            calls: collections.calls,
            wallMilliseconds: collections.milliseconds,
            samples: collections.samples,
          },
          bulk: { calls: bulk.calls, wallMilliseconds: bulk.milliseconds, samples: bulk.samples },
          automatic: {
            calls: automatic.calls,
            wallMilliseconds: automatic.milliseconds,
            samples: automatic.samples,
          },
          wallTimeRatios: {
            perRecordOverBulk: perRecord.milliseconds / bulk.milliseconds,
            perRecordOverCollections: perRecord.milliseconds / collections.milliseconds,
            bulkOverCollections: bulk.milliseconds / collections.milliseconds,
          },
        },
      }
    } finally {
      globalThis.fetch = originalFetch
    }
  },
})
