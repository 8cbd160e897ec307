// Reading complaint instances for named readers (the admin read path, `InstanceReader`): the
// projection compiled on every read (classifying the registration form each time) against the
// compiled projection kept per (policy version, process, kind of reader), in the same run.
import { type AnyForm, Complaints, defaultAccessPolicy, Organisation, type Reader } from "@tixi/core"
import {
  compileInstanceProjection,
  defaultProcessModules,
  defaultStateForms,
  type InstanceView,
  instanceProjectionCache,
} from "@tixi/runtime"
import { seededRandom } from "./grading-credit-data.ts"
import { defineBenchmark, median, timeRuns } from "./harness.ts"

const reads = Number(process.env.TIXI_BENCH_INSTANCE_READS ?? 100_000)
const runs = Number(process.env.TIXI_BENCH_INSTANCE_READ_RUNS ?? 7)

/** Complaint instances as the runtime keeps them: a filled registration and the workflow's keys. */
function generateViews(count: number): ReadonlyArray<InstanceView> {
  const random = seededRandom(20_261_208)
  const fields = Object.keys((Complaints.registrationForm as unknown as AnyForm).fields)
  const views: Array<InstanceView> = []
  for (let index = 0; index < count; index++) {
    const registration: Record<string, unknown> = {}
    for (const field of fields) registration[field] = `${field}-${Math.floor(random() * 1e6)}`
    views.push({
      process: "complaint",
      instanceId: `C-${index}`,
      state: { registration, stage: "accepted", handler: "officer-wu", dueAt: 1_700_000_000_000 + index },
      status: "accepted",
      finished: false,
      turns: 3,
      parked: false,
    })
  }
  return views
}

export default defineBenchmark({
  name: "instance-read",
  description: `projection of ${reads.toLocaleString("en-US")} complaint instance reads for four posts: compiled per read vs cached per policy version, process and reader`,
  run: async () => {
    const views = generateViews(reads)
    const organisation = Organisation.organisationOf(Organisation.largeEnterpriseOrganisation)
    const readers: ReadonlyArray<Reader> = [
      "complaintOfficer",
      "qualityOfficer",
      "financeManager",
      "generalManager",
    ].map((post) => Organisation.readerOfPost(organisation.holderOf(post)!))
    const policy = defaultAccessPolicy
    let checksum = 0
    const uncached = () => {
      for (let index = 0; index < views.length; index++) {
        const view = views[index]!
        const projection = compileInstanceProjection(
          view.process,
          readers[index % readers.length]!,
          policy,
          defaultStateForms,
          defaultProcessModules,
        )
        checksum += projection.project(view).masked.length
      }
    }
    const cached = () => {
      // One cache per read path, as `withReadAccess` keeps it.
      const projectionFor = instanceProjectionCache(policy, defaultStateForms, defaultProcessModules)
      for (let index = 0; index < views.length; index++) {
        const view = views[index]!
        checksum += projectionFor(view.process, readers[index % readers.length]!).project(view).masked.length
      }
    }
    // The machine is shared: both alternate, so both see the same load.
    const uncachedSamples: Array<number> = []
    const cachedSamples: Array<number> = []
    for (let round = 0; round < runs + 2; round++) {
      const before = await timeRuns(uncached, { warmup: 0, runs: 1 })
      const after = await timeRuns(cached, { warmup: 0, runs: 1 })
      if (round < 2) continue
      uncachedSamples.push(...before.samples)
      cachedSamples.push(...after.samples)
    }
    const cachedMedian = median(cachedSamples)
    const uncachedMedian = median(uncachedSamples)
    const microsecondsPerRead = (milliseconds: number) => Math.round((milliseconds / reads) * 1e6) / 1e3
    return {
      figure: { label: "cached projection, median", value: cachedMedian, unit: "ms" },
      baseline: {
        label: "projection compiled per read, median",
        value: uncachedMedian,
        unit: "ms",
        description: "every read classifies the state's forms and compiles the reader's projection again",
      },
      ratio: cachedMedian / uncachedMedian,
      ratioMeaning: "cached ÷ compiled per read",
      details: {
        reads,
        readers: readers.length,
        cachedMicrosecondsPerRead: microsecondsPerRead(cachedMedian),
        uncachedMicrosecondsPerRead: microsecondsPerRead(uncachedMedian),
        cachedSamplesMilliseconds: cachedSamples,
        uncachedSamplesMilliseconds: uncachedSamples,
        medianOfRatios: median(cachedSamples.map((sample, index) => sample / uncachedSamples[index]!)),
        checksum,
      },
    }
  },
})
