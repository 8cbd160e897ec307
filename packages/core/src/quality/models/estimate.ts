import type { Verdict } from "../labels/quality-labels.ts"

/**
 * A survey figure with its uncertainty: the value, a confidence interval, the sample behind it
 * and whether that sample reaches the policy's minimum. Reports print all of it, never the bare
 * number, so a 67 % CSAT from 9 answers is read for what it is. What the data cannot give is
 * null, never NaN or ∞, so an estimate survives a round trip through JSON (and an event store).
 */
export interface Estimate {
  /** The figure; null when there is no data at all. */
  readonly value: number | null
  /** The interval's bounds; null when the data cannot bound it (no data, or one answer and no spread). */
  readonly lower: number | null
  readonly upper: number | null
  /** The confidence level of [lower, upper], e.g. 0.95. */
  readonly confidence: number
  readonly sampleSize: number
  /** How the interval was computed: "wilson", "trinomialWald", "studentT", "welch", "pairedT", "newcombe". */
  readonly method: string
  /** False when the sample is below the policy's minimum: the value is indicative only. */
  readonly sufficientSample: boolean
}

/**
 * A difference (a gap, a change between rounds) with its interval and what it says: higher or
 * lower when the interval excludes zero on a sufficient sample, otherwise not significant or
 * insufficient.
 */
export interface Comparison extends Estimate {
  readonly verdict: Verdict
}

/** The verdict of a difference's interval (`notSignificant` when it contains 0). */
export function verdictOf(estimate: Estimate): Verdict {
  if (!estimate.sufficientSample || estimate.lower === null || estimate.upper === null)
    return "insufficientSample"
  if (estimate.lower > 0) return "higher"
  if (estimate.upper < 0) return "lower"
  return "notSignificant"
}

/** Adds the verdict to a difference's estimate. */
export const compare = (estimate: Estimate): Comparison => ({ ...estimate, verdict: verdictOf(estimate) })
