import type { CesConvention } from "../labels/quality-labels.ts"
import { checkAnswersOnScale, type RatingScale } from "./answer-checks.ts"
import { type IntervalOptions, meanInterval, proportionInterval } from "./confidence-intervals.ts"
import type { Estimate } from "./estimate.ts"

/** How CES is taken. */
export interface CesOptions extends IntervalOptions {
  /** 1–7 for CES 2.0 ("The company made it easy for me to handle my issue", agree = easy). */
  readonly scale: RatingScale
  readonly convention: CesConvention
  /** For `shareAtLeast`: the lowest point that counts as easy (5 = "somewhat agree" on 1–7). */
  readonly threshold: number
}

/** The Customer Effort Score with both summaries, and the one the convention picks. */
export interface CesResult {
  readonly convention: CesConvention
  readonly ces: Estimate
  readonly mean: Estimate
  readonly shareAtLeast: Estimate
}

/**
 * CES, the Customer Effort Score (Dixon, Freeman & Toman 2010, "Stop Trying to Delight Your
 * Customers"; CEB's CES 2.0 asks agreement with "The company made it easy for me to handle my
 * issue" on 1–7). Centres summarise it either as the mean answer or as the share answering at or
 * above 5; which one is a parameter, and both are returned. Throws `ValidationError` naming each
 * answer off the scale.
 */
export function ces(answers: ReadonlyArray<number>, options: CesOptions): CesResult {
  checkAnswersOnScale("quality.ces", answers, options.scale)
  if (!(options.threshold >= options.scale.min && options.threshold <= options.scale.max)) {
    throw new RangeError(
      `threshold must be on the scale ${options.scale.min}–${options.scale.max}: ${options.threshold}`,
    )
  }
  const mean = meanInterval(answers, options)
  const shareAtLeast = proportionInterval(
    answers.filter((answer) => answer >= options.threshold).length,
    answers.length,
    options,
  )
  return {
    convention: options.convention,
    ces: options.convention === "mean" ? mean : shareAtLeast,
    mean,
    shareAtLeast,
  }
}
