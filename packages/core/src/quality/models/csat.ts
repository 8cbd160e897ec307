import { checkAnswersOnScale, type RatingScale } from "./answer-checks.ts"
import { type IntervalOptions, meanInterval, proportionInterval } from "./confidence-intervals.ts"
import type { Estimate } from "./estimate.ts"

/** How CSAT is taken. */
export interface CsatOptions extends IntervalOptions {
  readonly scale: RatingScale
  /** How many of the top points count as satisfied: 2 gives the classic top-two-box. */
  readonly topBoxes: number
}

/** Customer satisfaction from one rating question. */
export interface CsatResult {
  /** The share of answers in the top boxes (满意率), with its Wilson interval. */
  readonly csat: Estimate
  /** The mean rating, with its t interval. */
  readonly mean: Estimate
  /** Answers per point, lowest point first. */
  readonly distribution: ReadonlyArray<{ readonly point: number; readonly count: number }>
}

/**
 * CSAT, the Customer Satisfaction Score: the share of respondents answering in the top boxes of
 * the satisfaction scale (top-two-box on a 5-point scale: 4 "satisfied" and 5 "very satisfied";
 * the ACSI and most CRM tools report it so). Reported with Wilson's interval and the mean rating.
 * Throws `ValidationError` naming each answer off the scale.
 */
export function csat(answers: ReadonlyArray<number>, options: CsatOptions): CsatResult {
  checkAnswersOnScale("quality.csat", answers, options.scale)
  const { min, max } = options.scale
  if (!(Number.isInteger(options.topBoxes) && options.topBoxes >= 1 && options.topBoxes <= max - min)) {
    throw new RangeError(`topBoxes must be a whole number from 1 to ${max - min}: ${options.topBoxes}`)
  }
  const threshold = max - options.topBoxes + 1
  const satisfied = answers.filter((answer) => answer >= threshold).length
  const distribution = []
  for (let point = min; point <= max; point++) {
    distribution.push({ point, count: answers.filter((answer) => answer === point).length })
  }
  return {
    csat: proportionInterval(satisfied, answers.length, options),
    mean: meanInterval(answers, options),
    distribution,
  }
}
