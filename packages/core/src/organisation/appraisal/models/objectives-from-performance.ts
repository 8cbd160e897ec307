import type { Locale } from "../../../labels/label.ts"
import type { PerformanceScore } from "./performance-score.ts"

/** A KPI line as ① of the staff appraisal takes it. */
export interface AppraisalObjective {
  readonly id: string
  readonly kpi: string
  readonly weight: number
  readonly target: number
  readonly higherIsBetter: boolean
}

/**
 * Whole-percent weights adding up to exactly 100 (largest remainder), keeping the proportions of
 * the given weights: a performance score whose unmeasured KPIs fell away, or an agent evaluation
 * weighted 60/40, becomes the whole-number weights 绩效考核表 needs.
 */
export function wholePercentWeights(weights: ReadonlyArray<number>): ReadonlyArray<number> {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  if (total <= 0) return weights.map(() => 0)
  const exact = weights.map((weight) => (100 * weight) / total)
  const floors = exact.map(Math.floor)
  let left = 100 - floors.reduce((sum, weight) => sum + weight, 0)
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - floors[index]! }))
    .sort((first, second) => second.remainder - first.remainder || first.index - second.index)
  const result = [...floors]
  for (const { index } of byRemainder) {
    if (left === 0) break
    result[index]! += 1
    left -= 1
  }
  return result
}

/**
 * The objectives and results of a staff appraisal from the figures tixi already keeps for the
 * post (`complaintOfficerPerformance`, `keyAccountOfficerPerformance`, `agentPerformance`): ①'s
 * KPI lines with their weights as whole percents, and ②'s results, so the supervisor starts from
 * the post's own KPIs and the employee from the recorded figures. Lines weighted 0 are left out.
 */
export function appraisalFromPerformance(
  performance: PerformanceScore,
  locale: Locale = "zh-CN",
): {
  readonly objectives: ReadonlyArray<AppraisalObjective>
  readonly results: ReadonlyArray<{ readonly objectiveId: string; readonly actual: number }>
} {
  const lines = performance.lines.filter((line) => line.weight > 0)
  const weights = wholePercentWeights(lines.map((line) => line.weight))
  return {
    objectives: lines.map((line, index) => ({
      id: line.id,
      kpi: line.kpi[locale],
      weight: weights[index]!,
      target: line.target,
      higherIsBetter: line.higherIsBetter,
    })),
    results: lines.map((line) => ({ objectiveId: line.id, actual: line.actual })),
  }
}
