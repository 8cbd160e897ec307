import { raterOrder, type ServqualDimension } from "../labels/quality-labels.ts"
import type { RatingScale } from "./answer-checks.ts"
import { type IntervalOptions, meanInterval } from "./confidence-intervals.ts"
import { type Comparison, compare, type Estimate } from "./estimate.ts"
import { checkServqualRespondents, respondentDimensionMeans, type ServqualRespondent } from "./servqual.ts"

/** How the RATER index is taken. */
export interface RaterOptions extends IntervalOptions {
  readonly scale: RatingScale
  /**
   * Importance weights per dimension (any positive numbers; they are normalised). When absent the
   * respondents' mean 100-point allocation is used, and equal weights when nobody allocated.
   */
  readonly weights?: Readonly<Record<ServqualDimension, number>>
}

/** One dimension of the RATER index. */
export interface RaterDimension {
  readonly dimension: ServqualDimension
  /** The dimension's weight, normalised so the five add up to 1. */
  readonly weight: number
  /** Mean perception on a 0–100 scale (scale minimum 0, maximum 100); null when nobody answered it. */
  readonly perceptionScore: number | null
  /** Mean gap P − E on the instrument's scale; null when nobody answered it. */
  readonly gap: number | null
  /** weight × gap: where the weighted shortfall is largest, improvement pays most. */
  readonly weightedGap: number | null
}

/** The RATER index of a survey. */
export interface RaterResult {
  /** Importance-weighted perception, 0–100, with its interval. */
  readonly index: Estimate
  /** Importance-weighted gap P − E on the instrument's scale, with its interval and verdict. */
  readonly gapIndex: Comparison
  /** The dimensions in RATER order: reliability, assurance, tangibles, empathy, responsiveness. */
  readonly dimensions: ReadonlyArray<RaterDimension>
  /** Where the weights came from. */
  readonly weighting: "fixed" | "respondents" | "equal"
  /** The dimension with the most negative weighted gap: the first to improve; none without a shortfall. */
  readonly priority: ServqualDimension | undefined
}

/**
 * The RATER index (000 10.5.6 服务质量评估的 RATER 指数): the five SERVQUAL dimensions in the order
 * Zeithaml, Parasuraman & Berry ("Delivering Quality Service", 1990) abbreviate as RATER —
 * reliability 可靠性, assurance 保证性, tangibles 有形性, empathy 移情性, responsiveness 响应性 —
 * combined by importance into one index. Each respondent's index is Σ w_d × (P̄_d − min)/(max − min)
 * × 100 over the dimensions (only respondents who answered all five count), and the survey's index
 * is their mean with its t interval; the gap index is the same weighting of P − E. Throws
 * `ValidationError` naming each bad answer.
 */
export function raterIndex(
  respondents: ReadonlyArray<ServqualRespondent>,
  options: RaterOptions,
): RaterResult {
  checkServqualRespondents("quality.rater", respondents, options.scale)
  const allocated = respondents.filter((respondent) => respondent.allocation !== undefined)
  let weighting: RaterResult["weighting"]
  let raw: Record<ServqualDimension, number>
  if (options.weights) {
    weighting = "fixed"
    raw = { ...options.weights }
  } else if (allocated.length > 0) {
    weighting = "respondents"
    raw = Object.fromEntries(
      raterOrder.map((dimension) => [
        dimension,
        allocated.reduce((sum, respondent) => sum + respondent.allocation![dimension], 0),
      ]),
    ) as Record<ServqualDimension, number>
  } else {
    weighting = "equal"
    raw = Object.fromEntries(raterOrder.map((dimension) => [dimension, 1])) as Record<
      ServqualDimension,
      number
    >
  }
  const total = raterOrder.reduce((sum, dimension) => sum + raw[dimension], 0)
  if (!(total > 0) || raterOrder.some((dimension) => !(raw[dimension] >= 0))) {
    throw new RangeError("RATER weights must be non-negative and not all zero")
  }
  const weights = Object.fromEntries(
    raterOrder.map((dimension) => [dimension, raw[dimension] / total]),
  ) as Record<ServqualDimension, number>
  const range = options.scale.max - options.scale.min
  const normalise = (value: number) => (100 * (value - options.scale.min)) / range
  const perRespondent = respondents.map(respondentDimensionMeans)
  const complete = perRespondent.filter((means) =>
    raterOrder.every((dimension) => means[dimension] !== undefined),
  )
  const index = meanInterval(
    complete.map((means) =>
      raterOrder.reduce(
        (sum, dimension) => sum + weights[dimension] * normalise(means[dimension]!.perception),
        0,
      ),
    ),
    options,
  )
  const gapIndex = compare(
    meanInterval(
      complete.map((means) =>
        raterOrder.reduce((sum, dimension) => sum + weights[dimension] * means[dimension]!.gap, 0),
      ),
      options,
    ),
  )
  const dimensions = raterOrder.map((dimension): RaterDimension => {
    const rows = perRespondent.flatMap((means) => (means[dimension] ? [means[dimension]] : []))
    if (rows.length === 0)
      return { dimension, weight: weights[dimension], perceptionScore: null, gap: null, weightedGap: null }
    const perception = rows.reduce((sum, row) => sum + row.perception, 0) / rows.length
    const gap = rows.reduce((sum, row) => sum + row.gap, 0) / rows.length
    return {
      dimension,
      weight: weights[dimension],
      perceptionScore: normalise(perception),
      gap,
      weightedGap: weights[dimension] * gap,
    }
  })
  const shortfalls = dimensions
    .filter((row) => row.weightedGap !== null && row.weightedGap < 0)
    .sort((left, right) => left.weightedGap! - right.weightedGap!)
  return { index, gapIndex, dimensions, weighting, priority: shortfalls[0]?.dimension }
}
