import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { IndicatorLevel } from "../labels/indicator-level.ts"
import type { RelationshipDecision } from "../labels/relationship-decision.ts"
import type { GradingPolicy, RelationshipIndicator } from "../policy/grading-policy.ts"

/** The evaluator's score of one indicator (得分) and what it rests on (得分依据). */
export interface IndicatorScore {
  readonly score: number
  readonly basis?: string
}

/** One line of 客户关系评估表: indicator, weight, score, level, basis and the weighted points. */
export interface EvaluatedIndicator {
  readonly indicator: RelationshipIndicator
  readonly score: number
  readonly level: IndicatorLevel
  readonly basis: string | undefined
  /** score × weight ÷ 100: the indicator's share of the total. */
  readonly points: number
}

/** A completed 客户关系评估表. */
export interface RelationshipEvaluation {
  readonly policyVersion: string
  readonly lines: ReadonlyArray<EvaluatedIndicator>
  /** 合计: the weighted total, 0–100, one decimal. */
  readonly total: number
  /** 标准分: the score from which the advice is to develop the relationship. */
  readonly standardScore: number
  readonly decision: RelationshipDecision
}

/** The level (等级) of an indicator's score under the policy's bounds. */
export function indicatorLevel(score: number, policy: GradingPolicy): IndicatorLevel {
  const bounds = policy.relationship.levelLowerBounds
  return score >= bounds.excellent
    ? "excellent"
    : score >= bounds.good
      ? "good"
      : score >= bounds.fair
        ? "fair"
        : "poor"
}

/** The advice for a total: develop from the standard score, maintain from the maintain bound, else terminate. */
export function relationshipDecision(total: number, policy: GradingPolicy): RelationshipDecision {
  const relationship = policy.relationship
  return total >= relationship.developAtLeast
    ? "develop"
    : total >= relationship.maintainAtLeast
      ? "maintain"
      : "terminate"
}

const scoreSchema = z.strictObject({
  score: z.number().finite().min(0, "at least 0").max(100, "at most 100"),
  basis: z.string().trim().min(1).max(500).optional(),
})

/**
 * Evaluates a customer relationship (004 ch.3 客户关系评估表): every indicator of the policy
 * scored 0–100, total = Σ score × weight ÷ 100 (weights add up to 100), rounded to one decimal,
 * and the advice 发展 / 维持 / 终止 from the policy's bounds. A missing or unknown indicator is a
 * `ValidationError` naming it; an evaluation is never computed on a partial form.
 */
export function evaluateRelationship(
  scores: unknown,
  policy: GradingPolicy,
): Result.Result<RelationshipEvaluation, ValidationError> {
  const parsed = z.record(z.string(), scoreSchema).safeParse(scores)
  if (!parsed.success)
    return Result.fail(fromZodIssues("grading.relationshipEvaluation", parsed.error.issues))
  const given = parsed.data
  const indicators = policy.relationship.indicators
  const issues: Array<ValidationIssue> = []
  for (const indicator of indicators) {
    if (given[indicator.id] === undefined) {
      issues.push({ path: [indicator.id], message: "must be scored", code: "rule" })
    }
  }
  const known = new Set(indicators.map((indicator) => indicator.id))
  for (const id of Object.keys(given)) {
    if (!known.has(id))
      issues.push({ path: [id], message: "is not an indicator of the policy", code: "rule" })
  }
  if (issues.length > 0)
    return Result.fail(new ValidationError({ subject: "grading.relationshipEvaluation", issues }))
  let weighted = 0
  const lines = indicators.map((indicator): EvaluatedIndicator => {
    const { score, basis } = given[indicator.id]!
    weighted += score * indicator.weight
    return {
      indicator,
      score,
      level: indicatorLevel(score, policy),
      basis,
      points: (score * indicator.weight) / 100,
    }
  })
  const total = Math.round(weighted / 10) / 10
  return Result.succeed({
    policyVersion: policy.version,
    lines,
    total,
    standardScore: policy.relationship.developAtLeast,
    decision: relationshipDecision(total, policy),
  })
}
