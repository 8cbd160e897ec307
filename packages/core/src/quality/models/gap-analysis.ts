import type { Label } from "../../labels/label.ts"
import { differenceOfMeans, type IntervalOptions, meanInterval } from "./confidence-intervals.ts"
import { type Comparison, compare } from "./estimate.ts"

/** One item's scores in the previous and the current round. */
export type RoundScores =
  | {
      readonly itemId: string
      readonly name?: Label
      /** Scores of the previous round (上次评分), independent respondents. */
      readonly previous: ReadonlyArray<number>
      /** Scores of the current round (本次评分). */
      readonly current: ReadonlyArray<number>
    }
  | {
      readonly itemId: string
      readonly name?: Label
      /** The same respondents scored twice: a paired comparison, more sensitive than two samples. */
      readonly pairs: ReadonlyArray<{ readonly previous: number; readonly current: number }>
    }

/** One item's change between rounds. */
export interface ItemChange {
  readonly itemId: string
  readonly name: Label | undefined
  /** Null when the round has no scores. */
  readonly previousMean: number | null
  readonly currentMean: number | null
  /** Current − previous, with its interval and verdict (higher = improved). */
  readonly change: Comparison
}

/** The previous-vs-current analysis (差异分析). */
export interface GapAnalysis {
  /** Items from the largest decline to the largest improvement. */
  readonly items: ReadonlyArray<ItemChange>
  readonly improved: number
  readonly declined: number
  readonly notSignificant: number
  readonly insufficientSample: number
}

const mean = (values: ReadonlyArray<number>) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length

/**
 * Previous-vs-current gap analysis (大客户问卷调查表: 上次评分 / 本次评分 / 差异分析): per item the
 * change in mean score with its interval — Welch's for independent rounds, the paired t for the
 * same respondents — and a verdict, so a change within the noise is reported as not significant
 * rather than as an improvement or a decline.
 */
export function gapAnalysis(items: ReadonlyArray<RoundScores>, options: IntervalOptions): GapAnalysis {
  const changes = items.map((item): ItemChange => {
    if ("pairs" in item) {
      const previous = item.pairs.map((pair) => pair.previous)
      const current = item.pairs.map((pair) => pair.current)
      const paired = meanInterval(
        item.pairs.map((pair) => pair.current - pair.previous),
        options,
      )
      return {
        itemId: item.itemId,
        name: item.name,
        previousMean: mean(previous),
        currentMean: mean(current),
        change: compare({ ...paired, method: "pairedT" }),
      }
    }
    return {
      itemId: item.itemId,
      name: item.name,
      previousMean: mean(item.previous),
      currentMean: mean(item.current),
      change: compare(differenceOfMeans(item.current, item.previous, options)),
    }
  })
  // Items without a change (a round with no scores) go last.
  changes.sort(
    (left, right) =>
      (left.change.value ?? Number.POSITIVE_INFINITY) - (right.change.value ?? Number.POSITIVE_INFINITY),
  )
  const count = (verdict: Comparison["verdict"]) =>
    changes.filter((change) => change.change.verdict === verdict).length
  return {
    items: changes,
    improved: count("higher"),
    declined: count("lower"),
    notSignificant: count("notSignificant"),
    insufficientSample: count("insufficientSample"),
  }
}
