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
 * A scorecard laid out for fast evaluation: its groups in post-order (children before their
 * group), each with a run of child entries that say where the child's value is — an answer column
 * for a question, another group's slot for a group. Leaves are numbered in depth-first order:
 * the order of the answer columns.
 */
export interface CompiledScorecard {
  readonly scorecard: Scorecard
  /** The leaf ids in column order. */
  readonly leafIds: ReadonlyArray<string>
  /** The ids of every node (groups and leaves) in post-order; the root, the whole scorecard, is last. */
  readonly nodeIds: ReadonlyArray<string>
  /** For each node, its leaf column, or -1 for a group. */
  readonly leafColumn: Int32Array
  /** The node of each group, in post-order. */
  readonly groupNode: Int32Array
  /** Where each group's child entries start and end (exclusive). */
  readonly childStart: Int32Array
  readonly childEnd: Int32Array
  /** Per child entry: its answer column (-1 for a group child), its node and its weight. */
  readonly childColumn: Int32Array
  readonly childNode: Int32Array
  readonly childWeight: Float64Array
  /** The sum of each group's child weights. */
  readonly groupWeight: Float64Array
  /**
   * For a group whose children are all questions (they are consecutive columns, as leaves are
   * numbered depth-first): the first column and the column after the last; -1 for other groups,
   * which read their child entries. The common case, evaluated without indirection.
   */
  readonly firstColumn: Int32Array
  readonly endColumn: Int32Array
  /** Each question's weight among its siblings, by column. */
  readonly columnWeight: Float64Array
  /**
   * For a group of questions that all weigh the same (the handbook's forms), that weight, so the
   * group sums whole answers and weighs once; 0 for other groups.
   */
  readonly equalWeight: Float64Array
  readonly minimumAnsweredShare: number
}

/** Lays out a scorecard for evaluation (see `CompiledScorecard`). */
export function compileScorecard(scorecard: Scorecard): CompiledScorecard {
  const leafIds: Array<string> = []
  const nodeIds: Array<string> = []
  const leafColumn: Array<number> = []
  const groups: Array<{ node: number; children: ReadonlyArray<{ node: number; weight: number }> }> = []
  const visit = (item: ScorecardItem): number => {
    const children =
      item.items === undefined || item.items.length === 0
        ? []
        : item.items.map((child) => ({ node: visit(child), weight: child.weight }))
    const node = nodeIds.length
    nodeIds.push(item.id)
    if (children.length === 0) {
      leafColumn.push(leafIds.length)
      leafIds.push(item.id)
    } else {
      leafColumn.push(-1)
      groups.push({ node, children })
    }
    return node
  }
  visit({ id: scorecard.id, label: scorecard.title, weight: 100, items: scorecard.items })
  const entries = groups.flatMap((group) => group.children)
  const allLeaves = (group: (typeof groups)[number]) =>
    group.children.every((child) => leafColumn[child.node]! >= 0)
  const columnWeight = new Float64Array(leafIds.length)
  for (const group of groups) {
    for (const child of group.children) {
      const column = leafColumn[child.node]!
      if (column >= 0) columnWeight[column] = child.weight
    }
  }
  const childStart = new Int32Array(groups.length)
  const childEnd = new Int32Array(groups.length)
  let next = 0
  groups.forEach((group, index) => {
    childStart[index] = next
    next += group.children.length
    childEnd[index] = next
  })
  return {
    scorecard,
    leafIds,
    nodeIds,
    leafColumn: Int32Array.from(leafColumn),
    groupNode: Int32Array.from(groups, (group) => group.node),
    childStart,
    childEnd,
    childColumn: Int32Array.from(entries, (entry) => leafColumn[entry.node]!),
    childNode: Int32Array.from(entries, (entry) => entry.node),
    childWeight: Float64Array.from(entries, (entry) => entry.weight),
    groupWeight: Float64Array.from(groups, (group) =>
      group.children.reduce((sum, child) => sum + child.weight, 0),
    ),
    firstColumn: Int32Array.from(groups, (group) =>
      allLeaves(group) ? leafColumn[group.children[0]!.node]! : -1,
    ),
    endColumn: Int32Array.from(groups, (group) =>
      allLeaves(group) ? leafColumn[group.children[group.children.length - 1]!.node]! + 1 : -1,
    ),
    columnWeight,
    equalWeight: Float64Array.from(groups, (group) =>
      allLeaves(group) && group.children.every((child) => child.weight === group.children[0]!.weight)
        ? group.children[0]!.weight
        : 0,
    ),
    minimumAnsweredShare: scorecard.minimumAnsweredPercent / 100,
  }
}

/** The code of an unanswered item in a Uint8Array answer column (scores are 0–100). */
export const unanswered = 255

/** What `evaluateScorecard` returns when an answer is out of range (101–254). */
export const invalidAnswer = -1

/**
 * Scores one set of answers: `answers[offset + column]` is the score (0–100) of leaf `column`,
 * or `unanswered` (answers are bytes: one row of the answer column). Each group's value is
 * Σ weight × value ÷ Σ weight over its answered children, and is unknown (NaN) when they carry
 * less than the minimum share of its weight. Writes every group's value into `values` (one slot
 * per node) so callers can explain the score; returns the total rounded to one decimal, NaN when
 * the scorecard as a whole is insufficient, or `invalidAnswer` when an answer is out of range.
 *
 * A higher answer never lowers the total: weights are not negative and every group is a
 * weighted mean of its children.
 */
export function evaluateScorecard(
  compiled: CompiledScorecard,
  answers: Uint8Array,
  offset: number,
  values: Float64Array,
): number {
  const score = new Float64Array(1)
  scoreAnswerRows(compiled, answers, offset, 0, 1, score, values)
  return score[0]!
}

/**
 * Scores `rows` rows of an answer column at once, row `r` starting at `offset + r × stride`, into
 * `scores` (see `evaluateScorecard`, which is this with one row). Answers out of range are checked
 * in the same pass, so a million rows of answers are read once; `values` is scratch space with
 * one slot per node and ends holding the last row's group values.
 */
export function scoreAnswerRows(
  compiled: CompiledScorecard,
  answers: Uint8Array,
  offset: number,
  stride: number,
  rows: number,
  scores: Float64Array,
  values: Float64Array,
): void {
  const { groupNode, childStart, childEnd, childColumn, childNode, childWeight, groupWeight } = compiled
  const { firstColumn, endColumn, columnWeight, equalWeight } = compiled
  const share = compiled.minimumAnsweredShare
  const groups = groupNode.length
  const root = groupNode[groups - 1]!
  nextRow: for (let row = 0; row < rows; row++) {
    const start = offset + row * stride
    for (let group = 0; group < groups; group++) {
      let weighted = 0
      let answeredWeight = 0
      const first = firstColumn[group]!
      if (first >= 0) {
        const weight = equalWeight[group]!
        if (weight > 0) {
          // Equal weights: sum the whole answers and weigh once (the common case, and the fastest).
          let sum = 0
          let answered = 0
          for (let index = start + first, end = start + endColumn[group]!; index < end; index++) {
            const answer = answers[index]!
            if (answer <= 100) {
              sum += answer
              answered++
            } else if (answer !== unanswered) {
              scores[row] = invalidAnswer
              continue nextRow
            }
          }
          weighted = sum * weight
          answeredWeight = answered * weight
        } else {
          for (let column = first, end = endColumn[group]!; column < end; column++) {
            const answer = answers[start + column]!
            if (answer <= 100) {
              const columnWeightOf = columnWeight[column]!
              weighted += columnWeightOf * answer
              answeredWeight += columnWeightOf
            } else if (answer !== unanswered) {
              scores[row] = invalidAnswer
              continue nextRow
            }
          }
        }
      } else {
        for (let entry = childStart[group]!, end = childEnd[group]!; entry < end; entry++) {
          const column = childColumn[entry]!
          let value: number
          if (column >= 0) {
            value = answers[start + column]!
            if (value > 100) {
              if (value === unanswered) continue
              scores[row] = invalidAnswer
              continue nextRow
            }
          } else {
            value = values[childNode[entry]!]!
            if (Number.isNaN(value)) continue
          }
          const weight = childWeight[entry]!
          weighted += weight * value
          answeredWeight += weight
        }
      }
      values[groupNode[group]!] =
        answeredWeight > 0 && answeredWeight >= groupWeight[group]! * share
          ? weighted / answeredWeight
          : Number.NaN
    }
    const total = values[root]!
    scores[row] = Number.isNaN(total) ? total : Math.round(total * 10) / 10
  }
}
