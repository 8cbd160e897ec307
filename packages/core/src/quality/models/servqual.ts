import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { ServqualDimension } from "../labels/quality-labels.ts"
import type { RatingScale } from "./answer-checks.ts"
import { type IntervalOptions, meanInterval } from "./confidence-intervals.ts"
import { type Comparison, compare, type Estimate } from "./estimate.ts"

/** One SERVQUAL item answered twice: what the respondent expects and what they perceived. */
export interface ServqualAnswer {
  /** The item number, 1–22, in the instrument's order. */
  readonly item: number
  readonly expectation: number
  readonly perception: number
}

/** One respondent's SERVQUAL questionnaire. */
export interface ServqualRespondent {
  readonly respondentId: string
  readonly answers: ReadonlyArray<ServqualAnswer>
  /** The respondent's own 100 points spread over the five dimensions by importance, if asked. */
  readonly allocation?: Readonly<Record<ServqualDimension, number>>
}

/** How SERVQUAL is scored. */
export interface ServqualOptions extends IntervalOptions {
  /** The instrument's scale, 1–7 in the original. */
  readonly scale: RatingScale
}

/** One item's means and its gap. */
export interface ServqualItemResult {
  readonly item: number
  readonly dimension: ServqualDimension
  readonly expectation: number
  readonly perception: number
  /** Perception − expectation; `lower` means service falls significantly short of expectation. */
  readonly gap: Comparison
}

/** One dimension's means, gap and importance. */
export interface ServqualDimensionResult {
  readonly dimension: ServqualDimension
  readonly expectation: Estimate
  readonly perception: Estimate
  /** The mean over respondents of their mean item gap in the dimension. */
  readonly gap: Comparison
  /** The mean of the respondents' points for the dimension (out of 100), when they allocated any. */
  readonly importance: number | undefined
}

/** The SERVQUAL scores of a survey. */
export interface ServqualResult {
  readonly respondents: number
  readonly items: ReadonlyArray<ServqualItemResult>
  readonly dimensions: ReadonlyArray<ServqualDimensionResult>
  /** The unweighted SERVQUAL score: the mean of the five dimension gaps, per respondent, averaged. */
  readonly unweighted: Comparison
  /**
   * The weighted score: each respondent's dimension gaps weighted by their own allocation / 100,
   * averaged over the respondents who allocated; undefined when none did.
   */
  readonly weighted: Comparison | undefined
}

/** The standard assignment of the 22 items: tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22. */
export function servqualDimensionOfItem(item: number): ServqualDimension {
  if (!Number.isInteger(item) || item < 1 || item > 22)
    throw new RangeError(`SERVQUAL items are numbered 1–22: ${item}`)
  if (item <= 4) return "tangibles"
  if (item <= 9) return "reliability"
  if (item <= 13) return "responsiveness"
  if (item <= 17) return "assurance"
  return "empathy"
}

const dimensions = ServqualDimension.values
const mean = (values: ReadonlyArray<number>) => values.reduce((sum, value) => sum + value, 0) / values.length

/** Checks the questionnaires and throws one `ValidationError` naming every bad answer. */
export function checkServqualRespondents(
  subject: string,
  respondents: ReadonlyArray<ServqualRespondent>,
  scale: RatingScale,
): void {
  const issues: Array<ValidationIssue> = []
  const onScale = (value: number) => Number.isInteger(value) && value >= scale.min && value <= scale.max
  respondents.forEach((respondent, index) => {
    const seen = new Set<number>()
    respondent.answers.forEach((answer, answerIndex) => {
      const path = ["respondents", index, "answers", answerIndex]
      if (!Number.isInteger(answer.item) || answer.item < 1 || answer.item > 22) {
        issues.push({ path: [...path, "item"], message: "must be an item number 1–22", code: "invalid" })
      } else if (seen.has(answer.item)) {
        issues.push({ path: [...path, "item"], message: "answered twice", code: "invalid" })
      }
      seen.add(answer.item)
      for (const side of ["expectation", "perception"] as const) {
        if (!onScale(answer[side])) {
          issues.push({
            path: [...path, side],
            message: `must be a whole point from ${scale.min} to ${scale.max}`,
            code: "invalid",
          })
        }
      }
    })
    if (respondent.allocation) {
      const points = dimensions.map((dimension) => respondent.allocation![dimension])
      if (
        points.some((value) => !(value >= 0)) ||
        Math.abs(points.reduce((sum, value) => sum + value, 0) - 100) > 1e-9
      ) {
        issues.push({
          path: ["respondents", index, "allocation"],
          message: "must give the five dimensions points adding up to 100",
          code: "invalid",
        })
      }
    }
  })
  if (issues.length > 0) throw new ValidationError({ subject, issues })
}

/** Each respondent's mean expectation, perception and gap per dimension (undefined where unanswered). */
export function respondentDimensionMeans(respondent: ServqualRespondent) {
  const result = {} as Record<
    ServqualDimension,
    { expectation: number; perception: number; gap: number } | undefined
  >
  for (const dimension of dimensions) {
    const answers = respondent.answers.filter((answer) => servqualDimensionOfItem(answer.item) === dimension)
    result[dimension] =
      answers.length === 0
        ? undefined
        : {
            expectation: mean(answers.map((answer) => answer.expectation)),
            perception: mean(answers.map((answer) => answer.perception)),
            gap: mean(answers.map((answer) => answer.perception - answer.expectation)),
          }
  }
  return result
}

/**
 * SERVQUAL (Parasuraman, Zeithaml & Berry 1988, "SERVQUAL: a multiple-item scale for measuring
 * consumer perceptions of service quality", J. Retailing 64(1)): 22 items answered for
 * expectation and perception on a 7-point scale; the gap P − E per item, per dimension (the
 * respondent's mean over the dimension's items, then averaged) and overall, unweighted (mean of
 * the five dimensions) and weighted by each respondent's own 100-point importance allocation
 * (the 1991 refinement). Each gap comes with its t interval and verdict: `lower` means the
 * service falls significantly short. Throws `ValidationError` naming each bad answer.
 */
export function servqual(
  respondents: ReadonlyArray<ServqualRespondent>,
  options: ServqualOptions,
): ServqualResult {
  checkServqualRespondents("quality.servqual", respondents, options.scale)
  const items: Array<ServqualItemResult> = []
  for (let item = 1; item <= 22; item++) {
    const answers = respondents.flatMap((respondent) =>
      respondent.answers.filter((answer) => answer.item === item),
    )
    if (answers.length === 0) continue
    items.push({
      item,
      dimension: servqualDimensionOfItem(item),
      expectation: mean(answers.map((answer) => answer.expectation)),
      perception: mean(answers.map((answer) => answer.perception)),
      gap: compare(
        meanInterval(
          answers.map((answer) => answer.perception - answer.expectation),
          options,
        ),
      ),
    })
  }
  const perRespondent = respondents.map(respondentDimensionMeans)
  const dimensionResults: Array<ServqualDimensionResult> = []
  for (const dimension of dimensions) {
    const rows = perRespondent.flatMap((means) => (means[dimension] ? [means[dimension]] : []))
    if (rows.length === 0) continue
    const allocations = respondents.flatMap((respondent) =>
      respondent.allocation ? [respondent.allocation[dimension]] : [],
    )
    dimensionResults.push({
      dimension,
      expectation: meanInterval(
        rows.map((row) => row.expectation),
        options,
      ),
      perception: meanInterval(
        rows.map((row) => row.perception),
        options,
      ),
      gap: compare(
        meanInterval(
          rows.map((row) => row.gap),
          options,
        ),
      ),
      importance: allocations.length === 0 ? undefined : mean(allocations),
    })
  }
  const complete = perRespondent.flatMap((means, index) =>
    dimensions.every((dimension) => means[dimension] !== undefined)
      ? [{ means, respondent: respondents[index]! }]
      : [],
  )
  const unweighted = compare(
    meanInterval(
      complete.map(({ means }) => mean(dimensions.map((dimension) => means[dimension]!.gap))),
      options,
    ),
  )
  const allocated = complete.filter(({ respondent }) => respondent.allocation !== undefined)
  const weighted =
    allocated.length === 0
      ? undefined
      : compare(
          meanInterval(
            allocated.map(({ means, respondent }) =>
              dimensions.reduce(
                (sum, dimension) => sum + (respondent.allocation![dimension] / 100) * means[dimension]!.gap,
                0,
              ),
            ),
            options,
          ),
        )
  return { respondents: respondents.length, items, dimensions: dimensionResults, unweighted, weighted }
}
