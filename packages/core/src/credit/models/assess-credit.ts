import { Result } from "effect"
import { ValidationError } from "../../errors/validation-error.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { format, type Money, ofMinor } from "../../money/money.ts"
import { answerScore } from "../labels/assessment-answer.ts"
import { CreditControl } from "../labels/credit-control.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { ExposureStatus } from "../labels/exposure-status.ts"
import type { PaymentMethod } from "../labels/payment-method.ts"
import type { ScoringModel } from "../labels/scoring-model.ts"
import { type CreditPolicy, type OverLimitRule, termsOfGrade } from "../policy/credit-policy.ts"
import type { CreditColumns } from "../schema/credit-columns.ts"
import { type CreditFacts, parseCreditFacts } from "../schema/credit-facts.ts"
import { assessCreditColumns } from "./assess-credit-columns.ts"
import { compileCreditPolicy } from "./compiled-credit-policy.ts"
import { type DangerFinding, dangerFindings } from "./danger-signals.ts"
import { unpackControls, unpackStatus } from "./exposure.ts"
import { type CompiledScorecard, evaluateScorecard, type ScorecardItem, unanswered } from "./scorecard.ts"

/** The terms a grade gives a customer: the 信用评定 box of 客户信用调查表 plus 账期. */
export interface CreditTerms {
  readonly grade: CreditGrade
  readonly limit: Money
  readonly paymentTermDays: number
  readonly paymentMethod: PaymentMethod
  readonly guaranteeRequired: boolean
  readonly overLimit: OverLimitRule
}

/** One item's score in the breakdown: groups carry their items. */
export interface ScoreBreakdown {
  readonly id: string
  readonly label: Label
  readonly weight: number
  /** 0–100, undefined when unanswered or insufficiently answered. */
  readonly score: number | undefined
  readonly items: ReadonlyArray<ScoreBreakdown>
}

/** One customer's credit assessment, with the reasons. */
export interface CreditAssessment {
  readonly customerId: CustomerId
  readonly policyVersion: string
  readonly model: ScoringModel
  /** 信用评分, 0–100 (one decimal); undefined when the answers were insufficient. */
  readonly score: number | undefined
  /** The score item by item, down to the questions. */
  readonly breakdown: ReadonlyArray<ScoreBreakdown>
  /** What the score calls for. */
  readonly recommended: CreditTerms
  /** What applies now: the granted grade and limit, or the recommended ones when none were granted. */
  readonly inForce: CreditTerms
  /** Whether the score calls for another grade than the one granted (a case for 信用等级变更). */
  readonly gradeChangeSuggested: boolean
  /** Open receivables + open orders. */
  readonly exposure: Money
  /** Limit in force − exposure; negative when over the limit. */
  readonly available: Money
  /** The current position against the controls (as if an order of zero came in). */
  readonly status: ExposureStatus
  readonly controls: ReadonlyArray<CreditControl>
  readonly danger: ReadonlyArray<DangerFinding>
  readonly reasons: ReadonlyArray<Label>
}

/** The answers of one customer as a row of the answer column (255 for unanswered). */
export function answerRow(compiled: CompiledScorecard, answers: CreditFacts["answers"]): Uint8Array {
  return Uint8Array.from(compiled.leafIds, (id) => {
    const answer = answers[id]
    if (answer === undefined) return unanswered
    const score = typeof answer === "number" ? answer : answerScore[answer]
    return score === undefined ? unanswered : score
  })
}

function breakdownOf(
  items: ReadonlyArray<ScorecardItem>,
  values: Float64Array,
  answers: Uint8Array,
  compiled: CompiledScorecard,
  nodeIndex: ReadonlyMap<string, number>,
): ReadonlyArray<ScoreBreakdown> {
  return items.map((item): ScoreBreakdown => {
    const node = nodeIndex.get(item.id)!
    const column = compiled.leafColumn[node]!
    const value =
      column >= 0 ? (answers[column] === unanswered ? Number.NaN : answers[column]!) : values[node]!
    return {
      id: item.id,
      label: item.label,
      weight: item.weight,
      score: Number.isNaN(value) ? undefined : Math.round(value * 10) / 10,
      items: item.items === undefined ? [] : breakdownOf(item.items, values, answers, compiled, nodeIndex),
    }
  })
}

/**
 * Assesses one customer's credit (004 ch.7 客户信用分析表 or the 5C model, then the 信用评定 of
 * 客户信用调查表): score, grade, limit, payment term and method, guarantee, exposure against the
 * limit in force, and danger signals, each with its reason. Runs `assessCreditColumns` on a
 * one-row column set, so one customer and a million are assessed by the same rules.
 */
export function assessCredit(
  input: unknown,
  policy: CreditPolicy,
): Result.Result<CreditAssessment, ValidationError> {
  const compiled = compileCreditPolicy(policy)
  const scorecard = compiled.scorecard
  const parsed = parseCreditFacts(input, policy.currency, scorecard.leafIds)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const facts = parsed.success
  const columns: CreditColumns = {
    count: 1,
    answers: answerRow(scorecard, facts.answers),
    annualRevenue: Float64Array.of(facts.annualRevenue.minor),
    openReceivables: Float64Array.of(facts.openReceivables.minor),
    openOrders: Float64Array.of(facts.openOrders.minor),
    oldestOverdueDays: Int32Array.of(facts.oldestOverdueDays),
    bouncedPayments: Uint32Array.of(facts.bouncedPayments),
    bankruptcySigns: Uint8Array.of(facts.bankruptcySigns.length),
    grantedGrade: Uint8Array.of(
      facts.grantedGrade === undefined ? 255 : CreditGrade.values.indexOf(facts.grantedGrade),
    ),
    grantedLimit: Float64Array.of(facts.grantedLimit?.minor ?? Number.NaN),
  }
  const assessed = assessCreditColumns(columns, policy)
  if (Result.isFailure(assessed)) {
    return Result.fail(new ValidationError({ subject: "credit.facts", issues: assessed.failure.issues }))
  }
  const run = assessed.success
  const values = new Float64Array(scorecard.nodeIds.length)
  evaluateScorecard(scorecard, columns.answers, 0, values)
  const nodeIndex = new Map(scorecard.nodeIds.map((id, index) => [id, index]))
  const currency = policy.currency
  const termsOf = (gradeCode: number, limitMinor: number): CreditTerms => {
    const grade = CreditGrade.values[gradeCode]!
    const terms = termsOfGrade(policy, grade)
    return {
      grade,
      limit: ofMinor(limitMinor, currency),
      paymentTermDays: terms.paymentTermDays,
      paymentMethod: terms.paymentMethod,
      guaranteeRequired: terms.guaranteeRequired,
      overLimit: terms.overLimit,
    }
  }
  const score = run.score[0]!
  const recommended = termsOf(run.recommendedGrade[0]!, run.recommendedLimit[0]!)
  const inForce = termsOf(run.grade[0]!, run.limit[0]!)
  const code = run.check[0]!
  const controlMask = unpackControls(code)
  const danger = dangerFindings(facts, policy)
  const exposure = ofMinor(run.exposure[0]!, currency)
  const available = ofMinor(run.available[0]!, currency)
  const assessment: CreditAssessment = {
    customerId: facts.customerId,
    policyVersion: policy.version,
    model: policy.scoring.model,
    score: Number.isNaN(score) ? undefined : score,
    breakdown: breakdownOf(scorecard.scorecard.items, values, columns.answers, scorecard, nodeIndex),
    recommended,
    inForce,
    gradeChangeSuggested: facts.grantedGrade !== undefined && facts.grantedGrade !== recommended.grade,
    exposure,
    available,
    status: ExposureStatus.values[unpackStatus(code)]!,
    controls: CreditControl.values.filter((_, index) => (controlMask & (1 << index)) !== 0),
    danger,
    reasons: [],
  }
  return Result.succeed({ ...assessment, reasons: assessmentReasons(assessment, policy) })
}

function assessmentReasons(assessment: CreditAssessment, policy: CreditPolicy): ReadonlyArray<Label> {
  const reasons: Array<Label> = []
  const recommended = assessment.recommended
  const terms = termsOfGrade(policy, recommended.grade)
  if (assessment.score === undefined) {
    reasons.push(
      label(
        `评分不足（调查项目回答过少），按最低等级 ${CreditGrade.label(recommended.grade, "zh-CN")} 处理`,
        `not enough answers to score; the lowest grade ${recommended.grade} applies`,
      ),
    )
  } else {
    const parts = assessment.breakdown
      .map((item) => `${item.label["zh-CN"]} ${item.score?.toFixed(1) ?? "—"}×${item.weight}%`)
      .join(" + ")
    const partsEn = assessment.breakdown
      .map((item) => `${item.label.en} ${item.score?.toFixed(1) ?? "—"}×${item.weight}%`)
      .join(" + ")
    reasons.push(
      label(
        `信用评分 ${assessment.score.toFixed(1)} = ${parts}；≥ ${terms.minimumScore} → ${CreditGrade.label(recommended.grade, "zh-CN")}`,
        `credit score ${assessment.score.toFixed(1)} = ${partsEn}; ≥ ${terms.minimumScore} → grade ${recommended.grade}`,
      ),
    )
  }
  reasons.push(
    label(
      `赊销限额 ${format(recommended.limit, "zh-CN")}（${terms.limit.monthsOfRevenue} 个月采购额，介于 ${format(ofMinor(terms.limit.minimumMinor, policy.currency), "zh-CN")} 与 ${format(ofMinor(terms.limit.maximumMinor, policy.currency), "zh-CN")}），账期 ${recommended.paymentTermDays} 天`,
      `credit limit ${format(recommended.limit, "en")} (${terms.limit.monthsOfRevenue} months of purchases, between ${format(ofMinor(terms.limit.minimumMinor, policy.currency), "en")} and ${format(ofMinor(terms.limit.maximumMinor, policy.currency), "en")}), ${recommended.paymentTermDays} days to pay`,
    ),
  )
  if (assessment.gradeChangeSuggested) {
    reasons.push(
      label(
        `现行等级 ${assessment.inForce.grade} 与评分建议 ${recommended.grade} 不符，建议启动信用等级变更`,
        `granted grade ${assessment.inForce.grade} differs from the scored ${recommended.grade}: consider a grade change`,
      ),
    )
  }
  const limit = assessment.inForce.limit
  reasons.push(
    assessment.available.minor >= 0
      ? label(
          `信用占用 ${format(assessment.exposure, "zh-CN")}，剩余额度 ${format(assessment.available, "zh-CN")}`,
          `exposure ${format(assessment.exposure, "en")}, ${format(assessment.available, "en")} of the limit left`,
        )
      : label(
          `信用占用 ${format(assessment.exposure, "zh-CN")} 超出额度 ${format(limit, "zh-CN")}`,
          `exposure ${format(assessment.exposure, "en")} is over the limit of ${format(limit, "en")}`,
        ),
  )
  for (const finding of assessment.danger) reasons.push(finding.reason)
  return reasons
}
