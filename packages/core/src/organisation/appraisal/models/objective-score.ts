import type { Label } from "../../../labels/label.ts"
import type { AppraisalGrade } from "../labels/appraisal-grade.ts"
import type { GradeBands } from "../policy/appraisal-policy.ts"

/** One KPI line of 绩效考核表: the objective, its weight and target, and what was achieved. */
export interface ObjectiveLine {
  readonly id: string
  readonly kpi: Label
  /** 权重, whole percent. */
  readonly weight: number
  readonly target: number
  /** False for churn, complaints, reopened cases: less is better. */
  readonly higherIsBetter: boolean
}

/** A KPI line with its result and its score. */
export interface ScoredObjective extends ObjectiveLine {
  readonly actual: number
  /** 0–100, one decimal. */
  readonly score: number
}

/**
 * The score of one objective, 0–100: where more is better, the share of the target reached
 * (capped at 100); where less is better, 100 at or under the target and target ÷ actual above it,
 * so doubling the allowed complaints halves the score.
 */
export function attainmentScore(target: number, actual: number, higherIsBetter: boolean): number {
  if (higherIsBetter) return target <= 0 ? 100 : Math.min(100, (100 * actual) / target)
  if (actual <= target) return 100
  return (100 * target) / actual
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10

/** What scoring a KPI line needs: its weight, its target, which way is better, and the result. */
export interface ObjectiveAttainment {
  readonly weight: number
  readonly target: number
  readonly higherIsBetter: boolean
  readonly actual: number
}

/**
 * Scores each line and the weighted total (0–100, one decimal); weights are renormalised over the
 * lines given, so a KPI left out for want of figures does not pull the total down.
 */
export function scoreObjectives<Line extends ObjectiveAttainment>(
  lines: ReadonlyArray<Line>,
): { readonly lines: ReadonlyArray<Line & { readonly score: number }>; readonly total: number } {
  const scored = lines.map((line) => ({
    ...line,
    score: oneDecimal(attainmentScore(line.target, line.actual, line.higherIsBetter)),
  }))
  const weights = scored.reduce((sum, line) => sum + line.weight, 0)
  const points = scored.reduce((sum, line) => sum + line.score * line.weight, 0)
  return { lines: scored, total: weights === 0 ? 0 : oneDecimal(points / weights) }
}

/** The grade of a score by the policy's bands (at or above each floor). */
export const gradeOf = (score: number, bands: GradeBands): AppraisalGrade =>
  score >= bands.excellent
    ? "excellent"
    : score >= bands.good
      ? "good"
      : score >= bands.satisfactory
        ? "satisfactory"
        : "unsatisfactory"
