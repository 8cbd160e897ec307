// Projecting a million customer records for one reader: the grading and credit columns tixi
// writes to hosts, at mixed levels (grades 内部, the credit limit and score 秘密 and credit's
// need-to-know), against copying the same columns without any check.
import {
  type AccessPolicy,
  classifyAttributes,
  compileProjection,
  customerAttributes,
  defaultAccessPolicy,
  isMasked,
  type Reader,
} from "@tixi/core"
import { seededRandom } from "./grading-credit-data.ts"
import { defineBenchmark, median, timeRuns } from "./harness.ts"

const records = Number(process.env.TIXI_BENCH_ACCESS_RECORDS ?? 1_000_000)
const targetRatio = 2
const runs = Number(process.env.TIXI_BENCH_ACCESS_RUNS ?? 9)

/** The columns projected: grading's and credit's host fields. */
const columns = customerAttributes.filter(
  (attribute) => attribute.module === "grading" || attribute.module === "credit",
)

/** A seeded customer base of records as read from a host, one object per customer. */
function generateRecords(count: number): ReadonlyArray<Readonly<Record<string, unknown>>> {
  const random = seededRandom(20_261_207)
  const grades = ["AA", "A", "B", "C", "D"]
  const out: Array<Readonly<Record<string, unknown>>> = []
  for (let row = 0; row < count; row++) {
    out.push({
      abc_class: grades[Math.floor(random() * 3)],
      sales_band: `band${1 + Math.floor(random() * 5)}`,
      customer_grade: grades[Math.floor(random() * 5)],
      composite_score: Math.round(random() * 1000) / 10,
      service_tier: `tier${1 + Math.floor(random() * 3)}`,
      grading_policy_version: "handbook-2026.1",
      credit_grade: grades[Math.floor(random() * 5)],
      credit_limit: (Math.round(random() * 10_000_000) / 100).toFixed(2),
      credit_currency: "CNY",
      credit_payment_term_days: 30 * (1 + Math.floor(random() * 3)),
      credit_payment_method: "transfer",
      credit_guarantee_required: random() < 0.2,
      credit_score: Math.round(random() * 100),
    })
  }
  return out
}

/** The baseline: the same columns copied into a new record each, no checks. */
function copyColumns(
  base: ReadonlyArray<Readonly<Record<string, unknown>>>,
  names: ReadonlyArray<string>,
): Array<Record<string, unknown>> {
  const out = new Array<Record<string, unknown>>(base.length)
  const count = names.length
  for (let row = 0; row < base.length; row++) {
    const record = base[row]!
    const copy: Record<string, unknown> = {}
    for (let index = 0; index < count; index++) {
      const name = names[index]!
      copy[name] = record[name]
    }
    out[row] = copy
  }
  return out
}

export default defineBenchmark({
  name: "access-projection",
  description: `access projection of ${records.toLocaleString("en-US")} customer records (grading and credit columns at mixed levels) for one reader`,
  run: async () => {
    const base = generateRecords(records)
    const names = columns.map((attribute) => attribute.name)
    const policy: AccessPolicy = defaultAccessPolicy
    // A complaint supervisor: cleared 秘密, not a credit post, so credit's secret columns are
    // withheld for need-to-know while the grades show.
    const reader: Reader = { clearance: "secret", modules: new Set(["complaints"]) }

    let projected: Array<unknown> = []
    let withheldPerRecord = 0
    const project = () => {
      // Decided once per policy and reader, as a read path does for a list.
      const compiled = compileProjection(classifyAttributes(columns, policy), reader, policy)
      const out = new Array<unknown>(base.length)
      for (let row = 0; row < base.length; row++) out[row] = compiled.project(base[row]!).values
      withheldPerRecord = compiled.withheld.length
      projected = out
    }
    // The machine is shared: projection and copy alternate, so both see the same load.
    const projectionSamples: Array<number> = []
    const copySamples: Array<number> = []
    for (let round = 0; round < runs + 2; round++) {
      const projection = await timeRuns(project, { warmup: 0, runs: 1 })
      const copy = await timeRuns(() => copyColumns(base, names), { warmup: 0, runs: 1 })
      if (round < 2) continue
      projectionSamples.push(...projection.samples)
      copySamples.push(...copy.samples)
    }
    const projection = { medianMilliseconds: median(projectionSamples), samples: projectionSamples }
    const copy = { medianMilliseconds: median(copySamples), samples: copySamples }

    const sample = projected[0] as Record<string, unknown>
    const maskedColumns = names.filter((name) => isMasked(sample[name]))
    const ratio = projection.medianMilliseconds / copy.medianMilliseconds
    const perSecond = (milliseconds: number) => Math.round((records / milliseconds) * 1000)
    return {
      figure: { label: "projection, median", value: projection.medianMilliseconds, unit: "ms" },
      baseline: {
        label: "copy of the same columns, median",
        value: copy.medianMilliseconds,
        unit: "ms",
        description: "each record's grading and credit columns copied into a new object, no checks",
      },
      ratio,
      ratioMeaning: "projection ÷ copy",
      target: { description: `projection ≤ ${targetRatio}× the copy`, met: ratio <= targetRatio },
      details: {
        records,
        columns: names.length,
        maskedColumns,
        withheldPerRecord,
        projectionRecordsPerSecond: perSecond(projection.medianMilliseconds),
        copyRecordsPerSecond: perSecond(copy.medianMilliseconds),
        projectionSamplesMilliseconds: projection.samples,
        copySamplesMilliseconds: copy.samples,
        projectionMinimumMilliseconds: Math.min(...projection.samples),
        copyMinimumMilliseconds: Math.min(...copy.samples),
        medianOfRatios: median(projection.samples.map((sample, index) => sample / copy.samples[index]!)),
      },
    }
  },
})
