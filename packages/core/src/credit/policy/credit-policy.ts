import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { labelSchema } from "../../labels/label.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import { type AuthorityPolicy, defaultAuthorityPolicy, parseAuthorityPolicy } from "../../roles/authority.ts"
import { Role } from "../../roles/role.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { OverLimitAction } from "../labels/over-limit-action.ts"
import { PaymentMethod } from "../labels/payment-method.ts"
import { ScoringModel } from "../labels/scoring-model.ts"
import type { Scorecard, ScorecardItem } from "../models/scorecard.ts"
import { creditAnalysisScorecard } from "./analysis-scorecard.ts"
import { fiveCScorecard } from "./five-c-scorecard.ts"

/**
 * How a credit limit (赊销限额 / 信用额度) follows from a grade: a number of months of the
 * customer's purchases (annual revenue × months ÷ 12, rounded down), kept between a floor (what a
 * new customer of the grade starts with) and a ceiling.
 */
export interface CreditLimitRule {
  /** Months of purchases, up to two decimals; 0 for no credit. */
  readonly monthsOfRevenue: number
  readonly minimumMinor: number
  readonly maximumMinor: number
}

/** What an order past the limit meets in a grade (资信控制). */
export interface OverLimitRule {
  readonly action: OverLimitAction
  /**
   * How far past the limit (percent of the limit, two decimals) an order only raises a warning
   * (超额比例); beyond it `action` applies. 0 for none.
   */
  readonly tolerancePercent: number
  /** With `approval`: the lowest post that may approve, whatever the amount (authority may ask higher). */
  readonly minimumApprover: Role
}

/**
 * One credit grade and its terms: the 信用评定 box of 004 ch.2 客户信用调查表 (信用等级, 信用评分,
 * 付款方式选择, 赊销限额, 是否担保) and the 账期 of 信用制度制定流程 ⑥.
 */
export interface CreditGradeTerms {
  readonly grade: CreditGrade
  /** The lowest score (inclusive) of the grade; the last grade's is 0. */
  readonly minimumScore: number
  readonly limit: CreditLimitRule
  /** 账期: days from invoice to due date. */
  readonly paymentTermDays: number
  readonly paymentMethod: PaymentMethod
  /** 是否担保: whether credit needs a guarantee (担保). */
  readonly guaranteeRequired: boolean
  readonly overLimit: OverLimitRule
}

/** Who approves credit decisions and how (the ✓ steps of the credit flow charts). */
export interface CreditApprovalPolicy {
  /** Only the lowest post whose authority covers the amount (`lowest`), or every post up to it (`ladder`, 逐级审批). */
  readonly chain: "lowest" | "ladder"
  /** How the approvers of a step decide: `any` one of them (或签) or `all` (会签). */
  readonly stepMode: "any" | "all"
  /** The lowest post that approves a grade and limit (客户信用调查表: 经理; 信用制度制定流程 ⑥). */
  readonly evaluationMinimumRole: Role
  /** The lowest post that approves a grade change (客户信用等级变更流程 ④: 客户服务部经理). */
  readonly gradeChangeMinimumRole: Role
  /** Hours an override request waits for its approval before it lapses and the order stays held. */
  readonly overrideExpiryHours: number
  /** Hours within which the customer is to be told of a new grade and limit (⑦ 通知客户). */
  readonly customerNoticeWithinHours: number
}

/**
 * The credit policy (客户信用管理制度): scoring, grades and their terms, the controls an order
 * meets, the danger signals, the ageing buckets and who approves. A process records the version
 * it started under.
 */
export interface CreditPolicy {
  readonly version: string
  readonly currency: string
  readonly scoring: {
    /** The model that scores customers; both scorecards are kept so a company can switch. */
    readonly model: ScoringModel
    readonly analysisForm: Scorecard
    readonly fiveC: Scorecard
  }
  /** The grades best first (A, B, C, D); a score falls in the first grade whose minimum it reaches. */
  readonly grades: ReadonlyArray<CreditGradeTerms>
  /** 逾期控制: an order while anything is overdue more than `graceDays` meets `action`. */
  readonly overdue: { readonly graceDays: number; readonly action: OverLimitAction }
  /**
   * 危险客户 (004 ch.7 危险客户统计表): a customer is in danger from any of: overdue this many days,
   * this many bounced payments (退票), this many signs of bankruptcy recorded by staff. Its orders
   * on credit meet `action`.
   */
  readonly danger: {
    readonly overdueDaysAtLeast: number
    readonly bouncedPaymentsAtLeast: number
    readonly bankruptcySignsAtLeast: number
    readonly action: OverLimitAction
  }
  /** Overdue ageing (账龄): the upper bounds in days of the overdue buckets; beyond the last, one more. */
  readonly ageing: { readonly bucketBoundsDays: ReadonlyArray<number> }
  readonly approval: CreditApprovalPolicy
  /** Authority by post for `credit.limit` and `credit.limitOverride` (the kernel's authority model). */
  readonly authority: AuthorityPolicy
}

const yuan = (amount: number) => amount * 100

/**
 * tixi's defaults. The handbooks give the form (grade, score, payment method, limit, guarantee)
 * and the flow (who approves) but no numbers; these are common practice for Chinese B2B credit:
 * - A from 80: 3 months of purchases between ¥50,000 and ¥5,000,000, 60 days, open account,
 *   no guarantee; 10 % over the limit only warns, beyond it a supervisor or above approves.
 * - B from 65: 2 months, ¥20,000–¥2,000,000, 30 days, open account; 5 % tolerance, then a manager.
 * - C from 50: 1 month up to ¥500,000, 15 days, partial prepayment with a guarantee; no
 *   tolerance, a director approves.
 * - D below 50: no credit, cash before delivery; orders on credit are blocked.
 * - Overdue more than 30 days: approval. Danger (overdue 90 days, one bounced payment, one sign of
 *   bankruptcy): blocked. Ageing buckets 1–30, 31–60, 61–90, 91–180, over 180 days.
 * - Scoring by 客户信用分析表; grades and limits approved by a manager at least (客户信用调查表 is
 *   signed by 经理 and 总经理), grade changes by the 客户服务部经理 (客户信用等级变更流程), higher
 *   posts where the amount exceeds the manager's authority; override requests lapse after 24 hours;
 *   the customer is told within 48 hours.
 */
export const defaultCreditPolicy: CreditPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  scoring: { model: "analysisForm", analysisForm: creditAnalysisScorecard, fiveC: fiveCScorecard },
  grades: [
    {
      grade: "A",
      minimumScore: 80,
      limit: { monthsOfRevenue: 3, minimumMinor: yuan(50_000), maximumMinor: yuan(5_000_000) },
      paymentTermDays: 60,
      paymentMethod: "openAccount",
      guaranteeRequired: false,
      overLimit: { action: "approval", tolerancePercent: 10, minimumApprover: "supervisor" },
    },
    {
      grade: "B",
      minimumScore: 65,
      limit: { monthsOfRevenue: 2, minimumMinor: yuan(20_000), maximumMinor: yuan(2_000_000) },
      paymentTermDays: 30,
      paymentMethod: "openAccount",
      guaranteeRequired: false,
      overLimit: { action: "approval", tolerancePercent: 5, minimumApprover: "manager" },
    },
    {
      grade: "C",
      minimumScore: 50,
      limit: { monthsOfRevenue: 1, minimumMinor: 0, maximumMinor: yuan(500_000) },
      paymentTermDays: 15,
      paymentMethod: "partialPrepayment",
      guaranteeRequired: true,
      overLimit: { action: "approval", tolerancePercent: 0, minimumApprover: "director" },
    },
    {
      grade: "D",
      minimumScore: 0,
      limit: { monthsOfRevenue: 0, minimumMinor: 0, maximumMinor: 0 },
      paymentTermDays: 0,
      paymentMethod: "cashBeforeDelivery",
      guaranteeRequired: false,
      overLimit: { action: "block", tolerancePercent: 0, minimumApprover: "generalManager" },
    },
  ],
  overdue: { graceDays: 30, action: "approval" },
  danger: { overdueDaysAtLeast: 90, bouncedPaymentsAtLeast: 1, bankruptcySignsAtLeast: 1, action: "block" },
  ageing: { bucketBoundsDays: [30, 60, 90, 180] },
  approval: {
    chain: "lowest",
    stepMode: "any",
    evaluationMinimumRole: "manager",
    gradeChangeMinimumRole: "manager",
    overrideExpiryHours: 24,
    customerNoticeWithinHours: 48,
  },
  authority: defaultAuthorityPolicy,
}

const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6
const minorSchema = z.number().int().min(0).refine(Number.isSafeInteger, "too large")
const itemSchema: z.ZodType<ScorecardItem> = z.lazy(() =>
  z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "must be an id of letters, digits, . _ -"),
    label: labelSchema,
    weight: z.number().min(0).max(100),
    items: z.array(itemSchema).min(1).max(100).optional(),
  }),
) as z.ZodType<ScorecardItem>
const scorecardSchema = z.strictObject({
  id: z.string().min(1),
  title: labelSchema,
  source: z.string().min(1),
  items: z.array(itemSchema).min(1).max(100),
  minimumAnsweredPercent: z.number().min(0).max(100),
})
/** An over-limit rule as policies and drafted standards give it (the credit standard flow's ④ reuses it). */
export const overLimitRuleSchema = z.strictObject({
  action: OverLimitAction.schema,
  tolerancePercent: z.number().min(0).max(100).refine(twoDecimals, "at most 2 decimals"),
  minimumApprover: Role.schema,
})
/** The overdue control (逾期控制) as policies and drafted standards give it. */
export const overdueControlSchema = z.strictObject({
  graceDays: z.number().int().min(0).max(3650),
  action: OverLimitAction.schema,
})
/** The danger-customer control (危险客户) as policies and drafted standards give it. */
export const dangerControlSchema = z.strictObject({
  overdueDaysAtLeast: z.number().int().min(1).max(3650),
  bouncedPaymentsAtLeast: z.number().int().min(1).max(1000),
  bankruptcySignsAtLeast: z.number().int().min(1).max(100),
  action: OverLimitAction.schema,
})
const gradeSchema = z.strictObject({
  grade: CreditGrade.schema,
  minimumScore: z.number().min(0).max(100),
  limit: z.strictObject({
    monthsOfRevenue: z.number().min(0).max(36).refine(twoDecimals, "at most 2 decimals"),
    minimumMinor: minorSchema,
    maximumMinor: minorSchema,
  }),
  paymentTermDays: z.number().int().min(0).max(730),
  paymentMethod: PaymentMethod.schema,
  guaranteeRequired: z.boolean(),
  overLimit: overLimitRuleSchema,
})
const policySchema = z.strictObject({
  version: z.string().min(1),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
  scoring: z.strictObject({
    model: ScoringModel.schema,
    analysisForm: scorecardSchema,
    fiveC: scorecardSchema,
  }),
  grades: z.array(gradeSchema).length(CreditGrade.values.length, "must list the grades A, B, C, D"),
  overdue: overdueControlSchema,
  danger: dangerControlSchema,
  ageing: z.strictObject({
    bucketBoundsDays: z.array(z.number().int().min(1).max(3650)).min(1).max(20),
  }),
  approval: z.strictObject({
    chain: z.enum(["lowest", "ladder"]),
    stepMode: z.enum(["any", "all"]),
    evaluationMinimumRole: Role.schema,
    gradeChangeMinimumRole: Role.schema,
    overrideExpiryHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
    customerNoticeWithinHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
  }),
  authority: z.unknown(),
})

/** Checks a scorecard's tree: ids unique, the weights of every group adding up to 100. */
export function scorecardIssues(
  scorecard: Scorecard,
  path: ReadonlyArray<string | number>,
): ReadonlyArray<ValidationIssue> {
  const issues: Array<ValidationIssue> = []
  const seen = new Set<string>()
  const walk = (items: ReadonlyArray<ScorecardItem>, at: ReadonlyArray<string | number>) => {
    const total = items.reduce((sum, item) => sum + item.weight, 0)
    if (Math.abs(total - 100) > 1e-9)
      issues.push({ path: at, message: "weights must add up to 100", code: "rule" })
    items.forEach((item, index) => {
      if (seen.has(item.id))
        issues.push({ path: [...at, index, "id"], message: "duplicate id", code: "rule" })
      seen.add(item.id)
      if (item.items !== undefined) walk(item.items, [...at, index, "items"])
    })
  }
  walk(scorecard.items, [...path, "items"])
  return issues
}

/**
 * Validates a credit policy: the four grades in order A–D with falling minimum scores down to 0,
 * limits whose floor is not above their ceiling, scorecards whose weights add up, ascending ageing
 * buckets, and an authority policy (validated by `parseAuthorityPolicy`) that covers
 * `credit.limit` and `credit.limitOverride`.
 */
export function parseCreditPolicy(input: unknown): Result.Result<CreditPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.credit", parsed.error.issues))
  const policy = parsed.data
  const issues: Array<ValidationIssue> = []
  const authority = parseAuthorityPolicy(policy.authority)
  if (Result.isFailure(authority)) {
    for (const issue of authority.failure.issues)
      issues.push({ ...issue, path: ["authority", ...issue.path] })
  } else {
    for (const decision of ["credit.limit", "credit.limitOverride"]) {
      if (authority.success.limits[decision] === undefined) {
        issues.push({ path: ["authority", "limits", decision], message: "must be defined", code: "rule" })
      }
    }
    if (authority.success.currency !== policy.currency) {
      issues.push({ path: ["authority", "currency"], message: `must be ${policy.currency}`, code: "rule" })
    }
  }
  issues.push(...scorecardIssues(policy.scoring.analysisForm, ["scoring", "analysisForm"]))
  issues.push(...scorecardIssues(policy.scoring.fiveC, ["scoring", "fiveC"]))
  policy.grades.forEach((terms, index) => {
    const expected = CreditGrade.values[index]!
    if (terms.grade !== expected) {
      issues.push({ path: ["grades", index, "grade"], message: `must be ${expected}`, code: "rule" })
    }
    const previous = policy.grades[index - 1]
    if (previous !== undefined && terms.minimumScore >= previous.minimumScore) {
      issues.push({
        path: ["grades", index, "minimumScore"],
        message: `must be below grade ${previous.grade}'s (${previous.minimumScore})`,
        code: "rule",
      })
    }
    if (terms.limit.minimumMinor > terms.limit.maximumMinor) {
      issues.push({
        path: ["grades", index, "limit", "minimumMinor"],
        message: "must not exceed maximumMinor",
        code: "rule",
      })
    }
  })
  const last = policy.grades[policy.grades.length - 1]
  if (last !== undefined && last.minimumScore !== 0) {
    issues.push({
      path: ["grades", policy.grades.length - 1, "minimumScore"],
      message: "the lowest grade must start at 0",
      code: "rule",
    })
  }
  const bounds = policy.ageing.bucketBoundsDays
  bounds.forEach((bound, index) => {
    if (index > 0 && bound <= bounds[index - 1]!) {
      issues.push({
        path: ["ageing", "bucketBoundsDays", index],
        message: "must be above the bound before",
        code: "rule",
      })
    }
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.credit", issues }))
  return Result.succeed({ ...policy, authority: Result.getOrThrow(authority) } as CreditPolicy)
}

/** The terms of a grade under a (validated) policy. */
export function termsOfGrade(policy: CreditPolicy, grade: CreditGrade): CreditGradeTerms {
  return policy.grades.find((terms) => terms.grade === grade)!
}

/** The scorecard the policy scores with. */
export function activeScorecard(policy: CreditPolicy): Scorecard {
  return policy.scoring.model === "fiveC" ? policy.scoring.fiveC : policy.scoring.analysisForm
}
