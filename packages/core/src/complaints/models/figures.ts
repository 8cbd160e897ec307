/** Summary figures of a list of durations (working minutes). */
export interface DurationFigures {
  readonly count: number
  readonly mean: number | undefined
  readonly median: number | undefined
  /** The 90th percentile: nine in ten took at most this long. */
  readonly p90: number | undefined
  readonly max: number | undefined
}

/**
 * The nearest-rank percentile (the smallest value with at least `percent` % of the values at or
 * below it), as published statistics tables use it; undefined for no values.
 */
export function percentile(sorted: ReadonlyArray<number>, percent: number): number | undefined {
  if (sorted.length === 0) return undefined
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]
}

/** Count, mean, median (the mean of the middle two for an even count), 90th percentile and maximum. */
export function durationFigures(values: ReadonlyArray<number>): DurationFigures {
  if (values.length === 0)
    return { count: 0, mean: undefined, median: undefined, p90: undefined, max: undefined }
  const sorted = [...values].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return {
    count: sorted.length,
    mean: sorted.reduce((total, value) => total + value, 0) / sorted.length,
    median,
    p90: percentile(sorted, 90),
    max: sorted[sorted.length - 1],
  }
}

/** `part / whole`, or undefined when there is nothing to divide by (never NaN in a report). */
export const ratio = (part: number, whole: number): number | undefined =>
  whole === 0 ? undefined : part / whole
