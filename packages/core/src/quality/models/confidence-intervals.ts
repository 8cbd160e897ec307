import { normalQuantile, studentTQuantile } from "./distributions.ts"
import type { Estimate } from "./estimate.ts"

/** What every interval needs: the confidence level and the smallest sample worth reporting. */
export interface IntervalOptions {
  /** E.g. 0.95. */
  readonly confidence: number
  /** Samples smaller than this are flagged `sufficientSample: false`. */
  readonly minimumSampleSize: number
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))
const empty = (options: IntervalOptions, method: string): Estimate => ({
  value: null,
  lower: null,
  upper: null,
  confidence: options.confidence,
  sampleSize: 0,
  method,
  sufficientSample: false,
})

/**
 * A proportion with Wilson's score interval (Wilson 1927): unlike the textbook Wald interval it
 * stays inside [0, 1] and keeps its coverage for small samples and shares near 0 or 1, which is
 * where satisfaction shares live (Newcombe 1998 compares the methods). No trials, no figures: nulls.
 */
export function proportionInterval(successes: number, trials: number, options: IntervalOptions): Estimate {
  if (!(Number.isInteger(successes) && Number.isInteger(trials) && successes >= 0 && successes <= trials)) {
    throw new RangeError(`need whole numbers 0 ≤ successes ≤ trials: ${successes}/${trials}`)
  }
  if (trials === 0) return empty(options, "wilson")
  const z = normalQuantile(1 - (1 - options.confidence) / 2)
  const share = successes / trials
  const z2 = z * z
  const centre = (share + z2 / (2 * trials)) / (1 + z2 / trials)
  const half =
    (z / (1 + z2 / trials)) * Math.sqrt((share * (1 - share)) / trials + z2 / (4 * trials * trials))
  return {
    value: share,
    lower: clamp(centre - half, 0, 1),
    upper: clamp(centre + half, 0, 1),
    confidence: options.confidence,
    sampleSize: trials,
    method: "wilson",
    sufficientSample: trials >= options.minimumSampleSize,
  }
}

/**
 * A mean with Student's t interval, mean ± t(1−α/2, n−1)·s/√n. With one observation there is no
 * spread to estimate: the bounds are null, said plainly rather than hidden.
 */
export function meanInterval(values: ReadonlyArray<number>, options: IntervalOptions): Estimate {
  const n = values.length
  if (n === 0) return empty(options, "studentT")
  const mean = values.reduce((sum, value) => sum + value, 0) / n
  if (n === 1) {
    return {
      value: mean,
      lower: null,
      upper: null,
      confidence: options.confidence,
      sampleSize: 1,
      method: "studentT",
      sufficientSample: options.minimumSampleSize <= 1,
    }
  }
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1)
  const half = studentTQuantile(1 - (1 - options.confidence) / 2, n - 1) * Math.sqrt(variance / n)
  return {
    value: mean,
    lower: mean - half,
    upper: mean + half,
    confidence: options.confidence,
    sampleSize: n,
    method: "studentT",
    sufficientSample: n >= options.minimumSampleSize,
  }
}

/**
 * The difference of two independent means (current − previous) with Welch's t interval and the
 * Welch–Satterthwaite degrees of freedom: no assumption that both rounds vary alike.
 */
export function differenceOfMeans(
  current: ReadonlyArray<number>,
  previous: ReadonlyArray<number>,
  options: IntervalOptions,
): Estimate {
  const n1 = current.length
  const n2 = previous.length
  if (n1 < 2 || n2 < 2) {
    const mean = (values: ReadonlyArray<number>) =>
      values.reduce((sum, value) => sum + value, 0) / values.length
    return {
      value: n1 > 0 && n2 > 0 ? mean(current) - mean(previous) : null,
      lower: null,
      upper: null,
      confidence: options.confidence,
      sampleSize: Math.min(n1, n2),
      method: "welch",
      sufficientSample: false,
    }
  }
  const stats = (values: ReadonlyArray<number>) => {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)
    return { mean, variance }
  }
  const a = stats(current)
  const b = stats(previous)
  const va = a.variance / n1
  const vb = b.variance / n2
  const standardError = Math.sqrt(va + vb)
  const difference = a.mean - b.mean
  if (standardError === 0) {
    return {
      value: difference,
      lower: difference,
      upper: difference,
      confidence: options.confidence,
      sampleSize: Math.min(n1, n2),
      method: "welch",
      sufficientSample: Math.min(n1, n2) >= options.minimumSampleSize,
    }
  }
  const degrees = (va + vb) ** 2 / (va ** 2 / (n1 - 1) + vb ** 2 / (n2 - 1))
  const half = studentTQuantile(1 - (1 - options.confidence) / 2, degrees) * standardError
  return {
    value: difference,
    lower: difference - half,
    upper: difference + half,
    confidence: options.confidence,
    sampleSize: Math.min(n1, n2),
    method: "welch",
    sufficientSample: Math.min(n1, n2) >= options.minimumSampleSize,
  }
}

/**
 * The difference of two independent proportions (current − previous) with Newcombe's hybrid
 * score interval (Newcombe 1998, method 10), built from the two Wilson intervals: it keeps its
 * coverage where the Wald difference fails, at small samples and extreme shares.
 */
export function differenceOfProportions(
  current: { readonly successes: number; readonly trials: number },
  previous: { readonly successes: number; readonly trials: number },
  options: IntervalOptions,
): Estimate {
  const a = proportionInterval(current.successes, current.trials, options)
  const b = proportionInterval(previous.successes, previous.trials, options)
  const sampleSize = Math.min(current.trials, previous.trials)
  if (current.trials === 0 || previous.trials === 0) return { ...empty(options, "newcombe"), sampleSize }
  // Both samples have trials, so both Wilson intervals are complete.
  const [p1, l1, u1] = [a.value!, a.lower!, a.upper!]
  const [p2, l2, u2] = [b.value!, b.lower!, b.upper!]
  const difference = p1 - p2
  return {
    value: difference,
    lower: difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
    upper: difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
    confidence: options.confidence,
    sampleSize,
    method: "newcombe",
    sufficientSample: sampleSize >= options.minimumSampleSize,
  }
}
