import { Result } from "effect"
import { z } from "zod"
import { CreditGrade } from "../../credit/labels/credit-grade.ts"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { CustomerGrade } from "../../grading/labels/customer-grade.ts"
import { type Label, label, labelSchema } from "../../labels/label.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import { KeyAccountArea } from "../../quality/labels/quality-labels.ts"
import { Role } from "../../roles/role.ts"
import { OfficerKpi } from "../labels/officer-kpi.ts"

/** 大客户筛选 (004 ch.4 §3 大客户评定表: 排名, 信用程度, 设定条件): every criterion must hold. */
export interface ScreeningPolicy {
  /** The customer ranks within the first N by the grading basis (revenue by default). */
  readonly maximumRank: number
  /** The credit grade is at least this (A best). */
  readonly minimumCreditGrade: CreditGrade
  /** The customer grade is at least this (AAA best); key accounts are AA and above (大客户专员考核表). */
  readonly minimumCustomerGrade: CustomerGrade
  /** Revenue over the last twelve months, minor units. */
  readonly minimumAnnualRevenueMinor: number
  /** Whole years of business with the company. */
  readonly minimumYearsOfBusiness: number
  /** Who gives 经理批示 on 大客户评定表 before the selected customers become key accounts. */
  readonly approver: Role
}

/**
 * The current × potential value matrix (000 ch.4 §4.5.7): a customer is high on an axis from the
 * given percentile of the customers assessed (the top fifth by default, the Pareto line).
 */
export interface ValueMatrixPolicy {
  readonly highCurrentFromPercentile: number
  readonly highPotentialFromPercentile: number
}

/**
 * Customer lifetime value (000 ch.4 §4.5.6 大客户保持与客户终生价值的分析), the defaults for
 * `customerLifetimeValue` when the caller does not give its own parameters.
 */
export interface LifetimeValuePolicy {
  /** Yearly discount rate (the company's cost of capital), percent. */
  readonly discountRatePercent: number
  /** Years ahead the value counts. */
  readonly horizonYears: number
  /** Share of key accounts kept from one year to the next, percent. */
  readonly retentionPercent: number
}

/** Revisits of key accounts (004 ch.4 大客户回访管理流程); the interval comes from the service tier. */
export interface RevisitPolicy {
  /** Days before a revisit falls due that the officer is reminded. */
  readonly reminderDaysBefore: number
  /** Days after the due date that an overdue revisit is escalated to the supervisor. */
  readonly escalateAfterDays: number
  /** Who approves the written revisit report (⑥ 审核, the 客户服务经理 lane of the flow chart). */
  readonly reportApprover: Role
}

/** 大客户关系维护流程 (004 ch.4 §12): who approves, how often to keep in touch, when the summary is due. */
export interface MaintenancePolicy {
  /** Who approves 《大客户关系维护方案》 (审批, the 大客户经理 lane). */
  readonly planApprover: Role
  /** Who reviews ⑨ 维护大客户关系成效总结 (审核). */
  readonly summaryApprover: Role
  /** 与客户保持持续沟通: days without a contact after which the officer is reminded. */
  readonly contactIntervalDays: number
  /** Days before the summary falls due that its author is reminded. */
  readonly summaryReminderDaysBefore: number
  /** Days after the summary fell due that the approver is told it is missing. */
  readonly summaryEscalateAfterDays: number
}

/** 大客户服务管理流程 (004 ch.4 §14): the approvals of the cycle and how fast pre-sales answers. */
export interface ServiceManagementPolicy {
  /** Who approves ① 大客户管理战略与目标 (审批, the 总经理 lane). */
  readonly strategyApprover: Role
  /** Who reviews the monthly report 大客户月报表 (④ 审核, the 客户服务经理 lane). */
  readonly monthlyReportApprover: Role
  /** Days within which a 大客户支持表 request is answered before the supervisor is told. */
  readonly supportAnswerDays: number
}

/** 大客户开发流程 (000 4.4.2): how long a lead may go without a contact. */
export interface DevelopmentPolicy {
  /** Days without a contact after which the officer developing the account is reminded. */
  readonly contactIntervalDays: number
}

/** One goal of 大客户专员考核表 with its weight and target. */
export interface OfficerKpiTarget {
  readonly kpi: OfficerKpi
  /** 权重, whole percent; the goals add up to 100. */
  readonly weight: number
  /** 指标值: the target (a count, a percentage, minor units, or a score for the plan). */
  readonly target: number
  /**
   * For goals where less is better (churn, complaints): the value at which the score reaches 0;
   * between the target and it the score falls linearly. Unused for goals where more is better.
   */
  readonly zeroAt: number
}

/** One question of 大客户问卷调查表. */
export interface SurveyItem {
  readonly id: string
  /** The area of the questionnaire (公司, 产品和服务, 人员), as the quality module's form names them. */
  readonly group: KeyAccountArea
  readonly label: Label
}

/** The key-account satisfaction survey and its gap analysis (差异分析). */
export interface SatisfactionPolicy {
  readonly items: ReadonlyArray<SurveyItem>
  /** The best score of the scale (the worst is 1). */
  readonly scaleMaximum: number
  /** A change of at least this many points is significant (明显改善 / 明显下降). */
  readonly significantChange: number
}

/** The key-account policy (大客户管理制度). */
export interface AccountsPolicy {
  readonly version: string
  readonly currency: string
  readonly screening: ScreeningPolicy
  readonly valueMatrix: ValueMatrixPolicy
  readonly lifetimeValue: LifetimeValuePolicy
  readonly revisits: RevisitPolicy
  readonly maintenance: MaintenancePolicy
  readonly serviceManagement: ServiceManagementPolicy
  readonly development: DevelopmentPolicy
  /** The goals of 大客户专员考核表. */
  readonly officerKpis: ReadonlyArray<OfficerKpiTarget>
  readonly satisfaction: SatisfactionPolicy
}

const surveyItem = (id: string, group: KeyAccountArea, zh: string, en: string): SurveyItem => ({
  id,
  group,
  label: label(zh, en),
})

/**
 * The handbook's values where it gives them, tixi's where it does not:
 * - 大客户专员考核表 (004 ch.4 §10), as printed: plan 10 % (score by the supervisor, full marks at
 *   100); churn of AA+ accounts 30 %, target 0 % (tixi: no score at 10 %); 10 target accounts
 *   found and 5 signed 20 % (scored on the 5 signed; the targets found are reported beside);
 *   ¥4,000,000 of orders from them
 *   10 %; 5 ordinary customers raised to key accounts 20 %; at most 7 non-business complaints per
 *   office 10 % (tixi: no score at 14).
 * - 大客户问卷调查表 (004 ch.4 §8): its twelve questions in three groups; tixi's scale 1–5 (as
 *   大客户意见调查表's five levels) and a change of half a point is significant.
 * - Screening (the form names ranking, credit and set conditions, no numbers): the top 100,
 *   credit grade B or better, customer grade AA or better, ¥1,000,000 a year, one year of business.
 * - Value matrix: high from the 80th percentile on both axes. Lifetime value: 10 % discount rate,
 *   five years, 80 % retention. Revisits: a reminder seven days ahead, escalation seven days late,
 *   the report approved by the manager (the flow chart's 客户服务经理 审核).
 * - Screening: 经理批示 by the manager. Relationship maintenance (§12): plan and summary approved
 *   by the manager (大客户经理), a contact at least every 30 days, the summary reminded seven days
 *   ahead and escalated seven days late. Service management (§14): the strategy approved by the
 *   general manager (总经理 审批), the monthly report by the manager (客户服务经理 审核), support
 *   requests answered within three days. Development: a contact at least every 14 days.
 */
export const defaultAccountsPolicy: AccountsPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  screening: {
    maximumRank: 100,
    minimumCreditGrade: "B",
    minimumCustomerGrade: "AA",
    minimumAnnualRevenueMinor: 1_000_000_00,
    minimumYearsOfBusiness: 1,
    approver: "manager",
  },
  valueMatrix: { highCurrentFromPercentile: 80, highPotentialFromPercentile: 80 },
  lifetimeValue: { discountRatePercent: 10, horizonYears: 5, retentionPercent: 80 },
  revisits: { reminderDaysBefore: 7, escalateAfterDays: 7, reportApprover: "manager" },
  maintenance: {
    planApprover: "manager",
    summaryApprover: "manager",
    contactIntervalDays: 30,
    summaryReminderDaysBefore: 7,
    summaryEscalateAfterDays: 7,
  },
  serviceManagement: {
    strategyApprover: "generalManager",
    monthlyReportApprover: "manager",
    supportAnswerDays: 3,
  },
  development: { contactIntervalDays: 14 },
  officerKpis: [
    { kpi: "maintenancePlan", weight: 10, target: 100, zeroAt: 0 },
    { kpi: "keyAccountChurn", weight: 30, target: 0, zeroAt: 10 },
    { kpi: "newKeyAccounts", weight: 20, target: 5, zeroAt: 0 },
    { kpi: "newKeyAccountOrders", weight: 10, target: 4_000_000_00, zeroAt: 0 },
    { kpi: "upgrades", weight: 20, target: 5, zeroAt: 0 },
    { kpi: "officeComplaints", weight: 10, target: 7, zeroAt: 14 },
  ],
  satisfaction: {
    scaleMaximum: 5,
    significantChange: 0.5,
    items: [
      surveyItem("impression", "company", "您对我公司的印象如何", "Your impression of our company"),
      surveyItem(
        "knowsOffer",
        "company",
        "您是否了解我公司的业务和资费情况",
        "Do you know our business and prices?",
      ),
      surveyItem(
        "serviceSatisfaction",
        "company",
        "您对我公司提供的服务是否满意",
        "Are you satisfied with our service?",
      ),
      surveyItem(
        "productStable",
        "productsAndServices",
        "我公司提供的产品是否稳定",
        "Are our products reliable?",
      ),
      surveyItem(
        "faultResponse",
        "productsAndServices",
        "您对故障处理的响应速度是否满意",
        "Are faults answered fast enough?",
      ),
      surveyItem(
        "solutions",
        "productsAndServices",
        "我公司是否提供了您满意的解决方案",
        "Did we offer solutions that satisfy you?",
      ),
      surveyItem(
        "meetsNeeds",
        "productsAndServices",
        "我公司提供的产品是否满足了您公司的业务需求",
        "Do our products meet your business needs?",
      ),
      surveyItem(
        "meetsExpectations",
        "productsAndServices",
        "我公司提供的产品服务是否达到了您的期望",
        "Do our products and service meet your expectations?",
      ),
      surveyItem(
        "managerKnowsYou",
        "staff",
        "客户经理是否了解您公司的业务情况",
        "Does your account manager know your business?",
      ),
      surveyItem(
        "managerRapport",
        "staff",
        "客户经理是否能和您愉快交流",
        "Is your account manager easy to talk to?",
      ),
      surveyItem(
        "managerAnswers",
        "staff",
        "客户经理是否能回答您所提出的咨询",
        "Does your account manager answer your questions?",
      ),
      surveyItem(
        "managerAdvice",
        "staff",
        "客户经理是否能为您提出合理建议或给予帮助",
        "Does your account manager advise and help you?",
      ),
    ],
  },
}

const percentSchema = z.number().min(0).max(100)

const policySchema = z.strictObject({
  version: z.string().min(1),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
  screening: z.strictObject({
    maximumRank: z.number().int().min(1),
    minimumCreditGrade: CreditGrade.schema,
    minimumCustomerGrade: CustomerGrade.schema,
    minimumAnnualRevenueMinor: z.number().int().min(0).refine(Number.isSafeInteger, "too large"),
    minimumYearsOfBusiness: z.number().int().min(0).max(200),
    approver: Role.schema,
  }),
  valueMatrix: z.strictObject({
    highCurrentFromPercentile: percentSchema,
    highPotentialFromPercentile: percentSchema,
  }),
  lifetimeValue: z.strictObject({
    discountRatePercent: z.number().min(0).max(100),
    horizonYears: z.number().int().min(1).max(100),
    retentionPercent: z.number().min(0).max(100),
  }),
  revisits: z.strictObject({
    reminderDaysBefore: z.number().int().min(0).max(365),
    escalateAfterDays: z.number().int().min(0).max(365),
    reportApprover: Role.schema,
  }),
  maintenance: z.strictObject({
    planApprover: Role.schema,
    summaryApprover: Role.schema,
    contactIntervalDays: z.number().int().min(1).max(365),
    summaryReminderDaysBefore: z.number().int().min(0).max(365),
    summaryEscalateAfterDays: z.number().int().min(0).max(365),
  }),
  serviceManagement: z.strictObject({
    strategyApprover: Role.schema,
    monthlyReportApprover: Role.schema,
    supportAnswerDays: z.number().int().min(1).max(365),
  }),
  development: z.strictObject({ contactIntervalDays: z.number().int().min(1).max(365) }),
  officerKpis: z
    .array(
      z.strictObject({
        kpi: OfficerKpi.schema,
        weight: z.number().int().min(0).max(100),
        target: z.number().min(0).refine(Number.isFinite, "must be a number"),
        zeroAt: z.number().min(0).refine(Number.isFinite, "must be a number"),
      }),
    )
    .min(1),
  satisfaction: z.strictObject({
    items: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "must be a name of letters and digits"),
          group: KeyAccountArea.schema,
          label: labelSchema,
        }),
      )
      .min(1),
    scaleMaximum: z.number().int().min(2).max(100),
    significantChange: z.number().positive(),
  }),
})

/** Goals where less is better: the target is a ceiling and the score falls to 0 at `zeroAt`. */
export const lowerIsBetter: ReadonlySet<OfficerKpi> = new Set(["keyAccountChurn", "officeComplaints"])

/**
 * Validates a key-account policy: goals each once with weights adding up to 100, a `zeroAt`
 * beyond the target where less is better, survey items with unique ids.
 */
export function parseAccountsPolicy(input: unknown): Result.Result<AccountsPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.accounts", parsed.error.issues))
  const policy = parsed.data
  const issues: Array<ValidationIssue> = []
  const kpis = new Set<string>()
  policy.officerKpis.forEach((goal, index) => {
    if (kpis.has(goal.kpi))
      issues.push({ path: ["officerKpis", index, "kpi"], message: "duplicate goal", code: "rule" })
    kpis.add(goal.kpi)
    if (lowerIsBetter.has(goal.kpi) && goal.zeroAt <= goal.target) {
      issues.push({
        path: ["officerKpis", index, "zeroAt"],
        message: "must be above the target",
        code: "rule",
      })
    }
  })
  if (policy.officerKpis.reduce((total, goal) => total + goal.weight, 0) !== 100) {
    issues.push({ path: ["officerKpis"], message: "weights must add up to 100", code: "rule" })
  }
  const ids = new Set<string>()
  policy.satisfaction.items.forEach((item, index) => {
    if (ids.has(item.id))
      issues.push({ path: ["satisfaction", "items", index, "id"], message: "duplicate id", code: "rule" })
    ids.add(item.id)
  })
  if (policy.satisfaction.significantChange >= policy.satisfaction.scaleMaximum - 1) {
    issues.push({
      path: ["satisfaction", "significantChange"],
      message: "must be smaller than the width of the scale",
      code: "rule",
    })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.accounts", issues }))
  return Result.succeed(policy as AccountsPolicy)
}
