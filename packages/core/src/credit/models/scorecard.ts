import type { Label } from "../../labels/label.ts"

/**
 * One item of a weighted scorecard: a question or factor scored 0–100 (a leaf), or a group of
 * items (an aspect of 客户信用分析表, a part of it). Weights are whole percents of the siblings.
 */
export interface ScorecardItem {
  /** Unique within the scorecard; leaves' ids name the answers (`company.industryTrend.1`). */
  readonly id: string
  readonly label: Label
  readonly weight: number
  readonly items?: ReadonlyArray<ScorecardItem>
}

/**
 * A weighted scorecard (the credit analysis form, the 5C model): items scored 0–100, groups
 * averaging their answered items by weight, the whole giving a score of 0–100.
 */
export interface Scorecard {
  readonly id: string
  readonly title: Label
  /** Where the scorecard comes from (a handbook form, a textbook model). */
  readonly source: string
  readonly items: ReadonlyArray<ScorecardItem>
  /**
   * The least share (percent) of a group's weight that must be answered for the group to count;
   * a group answered less is insufficient and so is everything above it.
   */
  readonly minimumAnsweredPercent: number
}

/**
 * A scorecard laid out for fast evaluation: its nodes in post-order (children before their
 * group), leaves numbered in depth-first order — the order of the answer columns.
 */
export interface CompiledScorecard {
  readonly scorecard: Scorecard
  /** The leaf ids in column order. */
  readonly leafIds: ReadonlyArray<string>
  /** The ids of every node, in post-order; the root (the whole scorecard) is last. */
  readonly nodeIds: ReadonlyArray<string>
  /** For each node, its leaf column, or -1 for a group. */
  readonly leafColumn: Int32Array
  /** For each group, where its children start in `children` and how many it has. */
  readonly firstChild: Int32Array
  readonly childCount: Int32Array
  readonly children: Int32Array
  /** Each node's weight among its siblings (the root's is 100). */
  readonly weight: Float64Array
  readonly minimumAnsweredShare: number
}

/** Lays out a scorecard for evaluation (see `CompiledScorecard`). */
export function compileScorecard(scorecard: Scorecard): CompiledScorecard {
  const leafIds: Array<string> = []
  const nodeIds: Array<string> = []
  const leafColumn: Array<number> = []
  const firstChild: Array<number> = []
  const childCount: Array<number> = []
  const children: Array<number> = []
  const weight: Array<number> = []
  const visit = (item: ScorecardItem): number => {
    let childNodes: Array<number> = []
    if (item.items !== undefined && item.items.length > 0) childNodes = item.items.map(visit)
    const node = nodeIds.length
    nodeIds.push(item.id)
    weight.push(item.weight)
    if (childNodes.length === 0) {
      leafColumn.push(leafIds.length)
      leafIds.push(item.id)
      firstChild.push(-1)
      childCount.push(0)
    } else {
      leafColumn.push(-1)
      firstChild.push(children.length)
      childCount.push(childNodes.length)
      children.push(...childNodes)
    }
    return node
  }
  visit({ id: scorecard.id, label: scorecard.title, weight: 100, items: scorecard.items })
  return {
    scorecard,
    leafIds,
    nodeIds,
    leafColumn: Int32Array.from(leafColumn),
    firstChild: Int32Array.from(firstChild),
    childCount: Int32Array.from(childCount),
    children: Int32Array.from(children),
    weight: Float64Array.from(weight),
    minimumAnsweredShare: scorecard.minimumAnsweredPercent / 100,
  }
}

/** The code of an unanswered item in a Uint8Array answer column (scores are 0–100). */
export const unanswered = 255

/**
 * Scores one set of answers: `answers[offset + column]` is the score (0–100) of leaf `column`,
 * or `unanswered`. Each group's value is Σ weight × value ÷ Σ weight over its answered children,
 * and is unknown (NaN) when they carry less than the minimum share of its weight. Fills
 * `values` (one slot per node, post-order) so callers can explain the score; returns the total
 * rounded to one decimal, or NaN when the scorecard as a whole is insufficient.
 *
 * A higher answer never lowers the total: weights are not negative and every group is a
 * weighted mean of its children.
 */
export function evaluateScorecard(
  compiled: CompiledScorecard,
  answers: ArrayLike<number>,
  offset: number,
  values: Float64Array,
): number {
  const { leafColumn, firstChild, childCount, children, weight } = compiled
  const nodes = leafColumn.length
  for (let node = 0; node < nodes; node++) {
    const column = leafColumn[node]!
    if (column >= 0) {
      const answer = answers[offset + column]!
      values[node] = answer === unanswered || Number.isNaN(answer) ? Number.NaN : answer
      continue
    }
    let weighted = 0
    let answeredWeight = 0
    let totalWeight = 0
    const start = firstChild[node]!
    const end = start + childCount[node]!
    for (let index = start; index < end; index++) {
      const child = children[index]!
      const childWeight = weight[child]!
      totalWeight += childWeight
      const value = values[child]!
      if (Number.isNaN(value)) continue
      weighted += childWeight * value
      answeredWeight += childWeight
    }
    values[node] =
      answeredWeight > 0 && answeredWeight >= totalWeight * compiled.minimumAnsweredShare
        ? weighted / answeredWeight
        : Number.NaN
  }
  const total = values[nodes - 1]!
  return Number.isNaN(total) ? total : Math.round(total * 10) / 10
}
