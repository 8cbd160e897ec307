// The flow-kit bench's comparison with the code before the rewrite: the same lifecycles through
// the flows of an older tree and of this one, alternating in one process so that a change of load
// on a shared machine slows both alike. The older tree is not part of this one, so the comparison
// runs only when TIXI_BENCH_BASELINE_TREE names a checkout of it (never needed in CI).
import { median } from "../harness.ts"
import type { FlowLifecycle } from "./flow-lifecycles.ts"

/** What the comparison needs of a tree's `bench/support/flow-lifecycles.ts`. */
export interface LifecycleModule {
  readonly flowLifecycles: ReadonlyArray<FlowLifecycle>
  readonly runLifecycle: (flow: FlowLifecycle, index: number) => { readonly status: string }
}

/** One flow compared: microseconds per lifecycle (medians of the rounds) and the median of the rounds' speed ratios. */
export interface PairedFlowFigure {
  readonly flow: string
  readonly newMicroseconds: number
  readonly oldMicroseconds: number
  /** Lifecycles per second now as a share of before (1 = as fast, 0.9 = 10 % slower). */
  readonly speedNewOverOld: number
}

const timed = (work: () => void) => {
  const started = performance.now()
  work()
  return performance.now() - started
}

const rounded = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places

/**
 * Runs every flow of `fresh` against the flow of the same name in `old`: one warm-up, then
 * `rounds` rounds of `lifecycles` instances each, taking turns on which goes first.
 */
export function comparePaired(
  fresh: LifecycleModule,
  old: LifecycleModule,
  options: { readonly lifecycles: number; readonly rounds: number },
): ReadonlyArray<PairedFlowFigure> {
  return fresh.flowLifecycles.map((flow) => {
    const before = old.flowLifecycles.find((candidate) => candidate.name === flow.name)
    if (before === undefined) throw new Error(`the baseline tree has no flow named ${flow.name}`)
    const runNew = () => {
      for (let index = 0; index < options.lifecycles; index++) fresh.runLifecycle(flow, index)
    }
    const runOld = () => {
      for (let index = 0; index < options.lifecycles; index++) old.runLifecycle(before, index)
    }
    runNew()
    runOld()
    const newSamples: Array<number> = []
    const oldSamples: Array<number> = []
    for (let round = 0; round < options.rounds; round++) {
      const [first, second] = round % 2 === 0 ? [runOld, runNew] : [runNew, runOld]
      const firstTime = timed(first)
      const secondTime = timed(second)
      newSamples.push(round % 2 === 0 ? secondTime : firstTime)
      oldSamples.push(round % 2 === 0 ? firstTime : secondTime)
    }
    const perLifecycle = (samples: ReadonlyArray<number>) => (median(samples) * 1000) / options.lifecycles
    return {
      flow: flow.name,
      newMicroseconds: rounded(perLifecycle(newSamples), 2),
      oldMicroseconds: rounded(perLifecycle(oldSamples), 2),
      speedNewOverOld: rounded(median(newSamples.map((sample, round) => oldSamples[round]! / sample)), 3),
    }
  })
}
