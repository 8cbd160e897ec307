// The eight approval-bearing flows issue 13 rewrites on the flow kit, each a complete happy-path
// lifecycle (start → steps → approval → finished) through the decider as the in-memory runner
// drives it — decide, evolve, effects and deadlines for every command — 100,000 instances a flow.
// The baseline is the same commands through a bare switch over plain objects, measured in the same
// run; the issue allows the ratio to drop by at most 10 % across the rewrite. The code before the
// rewrite is not in this tree: `details.beforeRewrite` carries the paired comparison measured
// against it, and TIXI_BENCH_BASELINE_TREE=<a checkout of 187c196, set up> measures it again.
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { defineBenchmark, median } from "./harness.ts"
import { measuredBeforeRewrite } from "./support/flow-kit-before-rewrite.ts"
import * as thisTree from "./support/flow-lifecycles.ts"
import { flowLifecycles, runBaselineLifecycle, runLifecycle } from "./support/flow-lifecycles.ts"
import { comparePaired, type LifecycleModule } from "./support/paired-comparison.ts"

// 100,000 instances a flow; TIXI_BENCH_LIFECYCLES=5000 npm run bench -- flow-kit for a quick look.
const lifecycles = Number(process.env.TIXI_BENCH_LIFECYCLES ?? 100_000)
const rounds = Number(process.env.TIXI_BENCH_ROUNDS ?? 5)
const baselineTree = process.env.TIXI_BENCH_BASELINE_TREE
/** The issue's bound: each flow keeps at least this share of its speed before the rewrite. */
const keptSpeed = 0.9

const timed = (work: () => unknown) => {
  const started = performance.now()
  work()
  return performance.now() - started
}

export default defineBenchmark({
  name: "flow-kit",
  description: `complete happy-path lifecycles per second of the eight approval-bearing flows (decide + evolve + effects + deadlines for every command), ${lifecycles.toLocaleString("en-US")} instances a flow, as a ratio to a bare switch over plain objects`,
  async run() {
    const perFlow = flowLifecycles.map((flow) => {
      let sink = 0
      const runTixi = (count: number) => {
        for (let index = 0; index < count; index++) {
          const ended = runLifecycle(flow, index)
          if (ended.status !== flow.finalStatus)
            throw new Error(`${flow.name} FK-${index} ended ${ended.status}`)
          sink += ended.work
        }
      }
      const runBaseline = (count: number) => {
        for (let index = 0; index < count; index++) sink += runBaselineLifecycle(flow, index)
      }
      // Warm up, then rounds that take turns (tixi, baseline) so a change of load on the machine
      // slows both alike; the ratio is the median of the rounds' ratios.
      runTixi(Math.min(lifecycles, 20_000))
      runBaseline(Math.min(lifecycles, 20_000))
      const tixiSamples: Array<number> = []
      const baselineSamples: Array<number> = []
      for (let round = 0; round < rounds; round++) {
        tixiSamples.push(timed(() => runTixi(lifecycles)))
        baselineSamples.push(timed(() => runBaseline(lifecycles)))
      }
      const commands = flow.steps("FK-0", 0).length
      const tixiPerSecond = lifecycles / (median(tixiSamples) / 1000)
      const baselinePerSecond = lifecycles / (median(baselineSamples) / 1000)
      const ratio = median(tixiSamples.map((sample, index) => baselineSamples[index]! / sample))
      process.stdout.write(
        `  ${flow.name.padEnd(28)} ${Math.round(tixiPerSecond).toLocaleString("en-US").padStart(10)} /s  baseline ${Math.round(baselinePerSecond).toLocaleString("en-US").padStart(10)} /s  ratio ${ratio.toPrecision(3)}\n`,
      )
      return {
        flow: flow.name,
        commandsPerLifecycle: commands,
        lifecyclesPerSecond: Math.round(tixiPerSecond),
        baselineLifecyclesPerSecond: Math.round(baselinePerSecond),
        ratio: Math.round(ratio * 10_000) / 10_000,
        microsecondsPerCommand:
          Math.round(((median(tixiSamples) * 1000) / lifecycles / commands) * 100) / 100,
        tixiSamplesMilliseconds: tixiSamples.map(Math.round),
        baselineSamplesMilliseconds: baselineSamples.map(Math.round),
        workDone: sink,
      }
    })
    // The headline: all eight flows one after another, i.e. the sum of their times per instance.
    const tixiMillisecondsPerInstance = perFlow.reduce(
      (sum, flow) => sum + 1000 / flow.lifecyclesPerSecond,
      0,
    )
    const baselineMillisecondsPerInstance = perFlow.reduce(
      (sum, flow) => sum + 1000 / flow.baselineLifecyclesPerSecond,
      0,
    )
    const measuredNow =
      baselineTree === undefined
        ? undefined
        : comparePaired(
            thisTree,
            (await import(
              pathToFileURL(join(baselineTree, "bench/support/flow-lifecycles.ts")).href
            )) as LifecycleModule,
            { lifecycles: Math.min(lifecycles, 20_000), rounds: Math.max(rounds, 7) },
          )
    for (const flow of measuredNow ?? [])
      process.stdout.write(
        `  ${flow.flow.padEnd(28)} now/before the rewrite ${flow.speedNewOverOld.toFixed(3)} (${flow.newMicroseconds} µs / ${flow.oldMicroseconds} µs)\n`,
      )
    const speeds = measuredNow ?? measuredBeforeRewrite.perFlow
    return {
      target: {
        description: `each flow at least ${keptSpeed} of its lifecycles per second before the rewrite (${measuredNow ? `measured now against ${baselineTree}` : "as recorded by the paired comparison in details.beforeRewrite"})`,
        met: speeds.every((flow) => flow.speedNewOverOld >= keptSpeed),
      },
      figure: {
        label: "lifecycles of all eight flows",
        value: 1000 / tixiMillisecondsPerInstance,
        unit: "per s",
      },
      baseline: {
        label: "bare switch over plain objects",
        value: 1000 / baselineMillisecondsPerInstance,
        unit: "per s",
        description:
          "the same commands, built and stamped the same way, through a switch that accepts each as the next step of the path and spreads one event into a plain object; no validation, no policy, no approvals, no calendar, no deadlines, no effects (bench/support/flow-lifecycles.ts)",
      },
      ratio: median(perFlow.map((flow) => flow.ratio)),
      ratioMeaning:
        "median over the eight flows of tixi's lifecycles per second as a share of the bare switch's",
      details: {
        lifecycles,
        rounds,
        perFlow,
        beforeRewrite: {
          ...measuredBeforeRewrite,
          ...(measuredNow ? { measuredNow: { baselineTree, perFlow: measuredNow } } : {}),
        },
      },
    }
  },
})
