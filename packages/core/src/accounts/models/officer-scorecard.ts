import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, type ValidationError } from "../../errors/validation-error.ts"
import { isGradeAtLeast } from "../../grading/labels/customer-grade.ts"
import type { GradingResult } from "../../grading/models/grade-customers.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { format, ofMinor } from "../../money/money.ts"
import type { OfficerKpi } from "../labels/officer-kpi.ts"
import { type AccountsPolicy, lowerIsBetter, type OfficerKpiTarget } from "../policy/accounts-policy.ts"

/** What the key-account officer's period is judged on. */
export interface OfficerPeriod {
  /** The officer's accounts: those looked after at the start of the period and those won in it. */
  readonly accounts: ReadonlyArray<CustomerId>
  /** The grading at the start and at the end of the period. */
  readonly previous: GradingResult
  readonly current: GradingResult
  /** The supervisor's score (0–100) of the plan for keeping good customers and how it was carried out. */
  readonly maintenancePlanScore: number
  /** Target key accounts found by market analysis (确定目标大客户), reported beside the contracts. */
  readonly targetsIdentified: number
  /** New key accounts (AA and above) that signed a contract in the period. */
  readonly contractsSigned: ReadonlyArray<CustomerId>
  /** Non-business complaints per office in the period. */
  readonly complaintsByOffice: Readonly<Record<string, number>>
}

/** One line of 大客户专员考核表: the goal, its weight and target, what was achieved, the score. */
export interface OfficerKpiResult {
  readonly kpi: OfficerKpi
  readonly weight: number
  readonly target: number
  readonly actual: number
  /** 0–100. */
  readonly score: number
  /** score × weight ÷ 100. */
  readonly points: number
  readonly detail: Label
}

/** The officer's scorecard for the period. */
export interface OfficerScorecard {
  readonly kpis: ReadonlyArray<OfficerKpiResult>
  /** The total of the points, 0–100, one decimal. */
  readonly total: number
  /** AA+ accounts whose orders all went elsewhere (no revenue in the period, or gone). */
  readonly churned: ReadonlyArray<CustomerId>
  /** Accounts below AA at the start and AA or above at the end. */
  readonly upgraded: ReadonlyArray<CustomerId>
}

/**
 * The score of one goal: where more is better, the share of the target reached (capped at 100);
 * where less is better (churn, complaints), 100 up to the target, 0 from `zeroAt`, linear between.
 */
export function kpiScore(goal: OfficerKpiTarget, actual: number): number {
  if (lowerIsBetter.has(goal.kpi)) {
    if (actual <= goal.target) return 100
    if (actual >= goal.zeroAt) return 0
    return (100 * (goal.zeroAt - actual)) / (goal.zeroAt - goal.target)
  }
  if (goal.target <= 0) return 100
  return Math.min(100, (100 * actual) / goal.target)
}

const periodSchema = z.object({
  accounts: z.array(z.string().min(1)),
  maintenancePlanScore: z.number().min(0).max(100),
  targetsIdentified: z.number().int().min(0),
  contractsSigned: z.array(z.string().min(1)),
  complaintsByOffice: z.record(z.string().min(1), z.number().int().min(0)),
})

const oneDecimal = (value: number) => Math.round(value * 10) / 10

/**
 * Scores a key-account officer (004 ch.4 §10 大客户专员考核表) from the two gradings of the
 * period and what was recorded in it: churn of AA+ accounts (订单全部转移: no revenue, or gone),
 * new AA+ accounts signed and their orders, ordinary accounts raised to AA+, non-business
 * complaints per office (each office scored, the goal the mean), and the supervisor's score of
 * the maintenance plan. Each goal is weighted as the policy says; the total is out of 100.
 */
export function scoreOfficer(
  period: OfficerPeriod,
  policy: AccountsPolicy,
): Result.Result<OfficerScorecard, ValidationError> {
  const parsed = periodSchema.safeParse(period)
  if (!parsed.success) return Result.fail(fromZodIssues("accounts.officerPeriod", parsed.error.issues))
  const before = new Map(period.previous.customers.map((grading) => [grading.customerId as string, grading]))
  const after = new Map(period.current.customers.map((grading) => [grading.customerId as string, grading]))
  const keyBefore = period.accounts.filter((id) => {
    const grading = before.get(id)
    return grading !== undefined && isGradeAtLeast(grading.composite.grade, "AA")
  })
  const churned = keyBefore.filter((id) => {
    const now = after.get(id)
    return now === undefined || now.abc.value.minor <= 0
  })
  const upgraded = period.accounts.filter((id) => {
    const then = before.get(id)
    const now = after.get(id)
    return (
      then !== undefined &&
      now !== undefined &&
      !isGradeAtLeast(then.composite.grade, "AA") &&
      isGradeAtLeast(now.composite.grade, "AA")
    )
  })
  const signed = period.contractsSigned
  const signedOrdersMinor = signed.reduce(
    (total, id) => total + Math.max(0, after.get(id)?.abc.value.minor ?? 0),
    0,
  )
  const offices = Object.entries(period.complaintsByOffice)
  const churnRate = keyBefore.length === 0 ? 0 : (100 * churned.length) / keyBefore.length
  const currency = policy.currency
  const kpis = policy.officerKpis.map((goal): OfficerKpiResult => {
    let actual: number
    let score: number
    let detail: Label
    switch (goal.kpi) {
      case "maintenancePlan":
        actual = period.maintenancePlanScore
        score = kpiScore(goal, actual)
        detail = label(`主管评分 ${actual}`, `supervisor's score ${actual}`)
        break
      case "keyAccountChurn":
        actual = oneDecimal(churnRate)
        score = kpiScore(goal, churnRate)
        detail = label(
          `AA 以上客户 ${keyBefore.length} 个，流失 ${churned.length} 个（${actual}%）`,
          `${churned.length} of ${keyBefore.length} AA+ accounts lost (${actual}%)`,
        )
        break
      case "newKeyAccounts":
        actual = signed.length
        score = kpiScore(goal, actual)
        detail = label(
          `确定目标大客户 ${period.targetsIdentified} 个，签订合同 ${actual} 个`,
          `${period.targetsIdentified} targets found, ${actual} signed`,
        )
        break
      case "newKeyAccountOrders":
        actual = signedOrdersMinor
        score = kpiScore(goal, actual)
        detail = label(
          `新大客户下单 ${format(ofMinor(actual, currency), "zh-CN")}`,
          `new key accounts ordered ${format(ofMinor(actual, currency), "en")}`,
        )
        break
      case "upgrades":
        actual = upgraded.length
        score = kpiScore(goal, actual)
        detail = label(`提升为大客户 ${actual} 个`, `${actual} accounts raised to key accounts`)
        break
      case "officeComplaints": {
        const scores = offices.map(([, count]) => kpiScore(goal, count))
        actual = offices.reduce((worst, [, count]) => Math.max(worst, count), 0)
        score = scores.length === 0 ? 100 : scores.reduce((sum, value) => sum + value, 0) / scores.length
        detail = label(
          offices.length === 0
            ? "无办事处投诉记录"
            : offices.map(([office, count]) => `${office} ${count} 次`).join("，"),
          offices.length === 0
            ? "no office complaints recorded"
            : offices.map(([office, count]) => `${office} ${count}`).join(", "),
        )
        break
      }
    }
    const rounded = oneDecimal(score)
    return {
      kpi: goal.kpi,
      weight: goal.weight,
      target: goal.target,
      actual,
      score: rounded,
      points: (score * goal.weight) / 100,
      detail,
    }
  })
  return Result.succeed({
    kpis,
    total: oneDecimal(kpis.reduce((sum, line) => sum + line.points, 0)),
    churned,
    upgraded,
  })
}
