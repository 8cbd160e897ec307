import { cpus, loadavg, totalmem } from "node:os"

/** One measured figure: a value with its unit, e.g. `{ label: "lifecycles", value: 183000, unit: "per s" }`. */
export interface Figure {
  readonly label: string
  readonly value: number
  readonly unit: string
}

/**
 * What a benchmark reports: the headline figure, the baseline measured in the same run, their
 * ratio (and what the ratio means), the target if the issue sets one, and any further figures.
 * Shared machines are noisy, so figures are medians of several runs and ratios matter most.
 */
export interface BenchmarkResult {
  readonly figure: Figure
  readonly baseline: Figure & { readonly description: string }
  /** `figure.value / baseline.value` unless `ratioMeaning` says otherwise. */
  readonly ratio: number
  readonly ratioMeaning: string
  readonly target?: { readonly description: string; readonly met: boolean }
  /** Other figures worth keeping (per-size tables, memory, counts). */
  readonly details?: Readonly<Record<string, unknown>>
}

/** A benchmark: a name (its file name), what it measures, and how to run it. */
export interface Benchmark {
  readonly name: string
  readonly description: string
  readonly run: () => Promise<BenchmarkResult>
}

/** Declares a benchmark; the default export of `bench/<name>.bench.ts`. */
export const defineBenchmark = (benchmark: Benchmark): Benchmark => benchmark

/** The median of samples (the mean of the middle two for an even count). */
export function median(samples: ReadonlyArray<number>): number {
  if (samples.length === 0) throw new RangeError("median of no samples")
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Times `work` (milliseconds per call): `warmup` unmeasured calls, then `runs` measured ones.
 * Returns the median and every sample, so noisy runs show in the results.
 */
export async function timeRuns(
  work: () => unknown | Promise<unknown>,
  options: { readonly warmup?: number; readonly runs?: number } = {},
): Promise<{ readonly medianMilliseconds: number; readonly samples: ReadonlyArray<number> }> {
  for (let index = 0; index < (options.warmup ?? 1); index++) await work()
  const samples: Array<number> = []
  for (let index = 0; index < (options.runs ?? 5); index++) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  return { medianMilliseconds: median(samples), samples }
}

/** The machine a result was measured on, written next to the figures. */
export function environment() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  }
}
