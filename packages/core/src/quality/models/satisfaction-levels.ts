import {
  fiveSatisfactionLevels,
  type SatisfactionLevel,
  sevenSatisfactionLevels,
} from "../labels/quality-labels.ts"
import { checkAnswersOnScale } from "./answer-checks.ts"
import { type IntervalOptions, meanInterval, proportionInterval } from "./confidence-intervals.ts"
import type { Estimate } from "./estimate.ts"

/** How satisfaction levels are read. */
export interface SatisfactionLevelOptions extends IntervalOptions {
  /** Five levels (很不满意 … 很满意) or seven (很不满意, 不满意, 不太满意, 一般, 较满意, 满意, 很满意). */
  readonly levels: 5 | 7
  /** The score of each level for the index, lowest first; default evenly 0 to 100. */
  readonly levelScores?: ReadonlyArray<number>
  /** The lowest level (1-based) that counts as satisfied; default 满意 (4 of 5) or 较满意 (5 of 7). */
  readonly satisfiedFrom?: number
}

/** Satisfaction by level. */
export interface SatisfactionLevelResult {
  readonly levels: ReadonlyArray<{
    readonly level: SatisfactionLevel
    readonly count: number
    readonly share: number
  }>
  /** The satisfaction index: the mean level score, 0–100 by default, with its t interval. */
  readonly index: Estimate
  /** 满意率: the share at or above the satisfied level, with its Wilson interval. */
  readonly satisfiedShare: Estimate
  /** The level nearest the mean answer: how the customers feel on the whole. */
  readonly overallLevel: SatisfactionLevel | undefined
}

/**
 * 满意级度 (000 2.5.4 客户满意级度划分): satisfaction graded in five or seven levels, as the
 * handbook's questionnaires ask it (□满意 □比较满意 □一般 □不满意 □非常不满意). Answers are the
 * level numbers, 1 = 很不满意. Gives the distribution, an index from the level scores, the share
 * satisfied (满意率) and the overall level. Throws `ValidationError` naming each answer off the scale.
 */
export function satisfactionLevels(
  answers: ReadonlyArray<number>,
  options: SatisfactionLevelOptions,
): SatisfactionLevelResult {
  const count = options.levels
  checkAnswersOnScale("quality.satisfactionLevels", answers, { min: 1, max: count })
  const names = count === 5 ? fiveSatisfactionLevels : sevenSatisfactionLevels
  const scores = options.levelScores ?? names.map((_, index) => (100 * index) / (count - 1))
  if (scores.length !== count || scores.some((score) => !Number.isFinite(score))) {
    throw new RangeError(`levelScores needs ${count} finite scores, lowest level first`)
  }
  const satisfiedFrom = options.satisfiedFrom ?? (count === 5 ? 4 : 5)
  if (!(Number.isInteger(satisfiedFrom) && satisfiedFrom >= 1 && satisfiedFrom <= count)) {
    throw new RangeError(`satisfiedFrom must be a level from 1 to ${count}: ${satisfiedFrom}`)
  }
  const n = answers.length
  const levels = names.map((level, index) => {
    const counted = answers.filter((answer) => answer === index + 1).length
    return { level, count: counted, share: n === 0 ? 0 : counted / n }
  })
  const meanAnswer = n === 0 ? Number.NaN : answers.reduce((sum, answer) => sum + answer, 0) / n
  return {
    levels,
    index: meanInterval(
      answers.map((answer) => scores[answer - 1]!),
      options,
    ),
    satisfiedShare: proportionInterval(
      answers.filter((answer) => answer >= satisfiedFrom).length,
      n,
      options,
    ),
    overallLevel: n === 0 ? undefined : names[Math.round(meanAnswer) - 1],
  }
}
