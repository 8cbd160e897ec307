import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { type Label, label, labelSchema } from "../../labels/label.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import { Role } from "../../roles/role.ts"
import { BandMeasure } from "../labels/band-measure.ts"
import type { CustomerGrade } from "../labels/customer-grade.ts"
import { GradingBasis } from "../labels/grading-basis.ts"
import { ServiceTier } from "../labels/service-tier.ts"

/**
 * The ABC (Pareto) analysis: what it accumulates, and the cumulative shares at which class A and
 * class B end. Shares are percentages with at most two decimals.
 */
export interface AbcPolicy {
  readonly basis: GradingBasis
  /** Class A holds the customers up to this cumulative share (default 80 %, the Pareto rule). */
  readonly classAUpToPercent: number
  /** Class B holds the customers after A up to this cumulative share (default 95 %); C the rest. */
  readonly classBUpToPercent: number
  /**
   * Where the customer whose revenue crosses a cut-off goes. `lower` (default): a customer is in A
   * only if the cumulative share including it is within the cut-off, so every A customer truly
   * lies within the first 80 %. `upper`: the crossing customer joins the upper class, so A is
   * never empty while anyone has revenue (one dominant customer with 85 % is still an A).
   */
  readonly crossing: "lower" | "upper"
}

/**
 * The A–E bands of 004 ch.3 客户分级表: a customer is in the first band whose lower bound
 * (percent, inclusive) it reaches; E holds the rest. The handbook's bounds are 90/80/70/60.
 */
export interface SalesBandPolicy {
  readonly measure: BandMeasure
  readonly lowerBoundsPercent: {
    readonly A: number
    readonly B: number
    readonly C: number
    readonly D: number
  }
}

/**
 * How a rate becomes a score of 0–100: linear between the rate that scores 0 and the rate that
 * scores 100, clamped outside. Rates are in percent.
 */
export interface RateScale {
  readonly zeroAtPercent: number
  readonly fullAtPercent: number
}

/**
 * The composite of 004 ch.2 客户开发评定表 (业务增长率, 信用度, 利润率 → 综合评价) that gives the
 * AAA/AA/A/B grade of 004 ch.7 客户等级分类表. The handbook names the three factors but no
 * weights or bounds; tixi's defaults weigh credit highest (a customer that does not pay is no
 * asset) and are documented on `defaultGradingPolicy`.
 */
export interface CompositePolicy {
  /** Weights in whole percent; they add up to 100. */
  readonly weights: { readonly growth: number; readonly credit: number; readonly margin: number }
  readonly growth: RateScale
  readonly margin: RateScale
  /** The growth score of a customer without revenue in the previous period (a new customer). */
  readonly newCustomerGrowthScore: number
  /** The credit score used when a customer has not been scored by the credit module yet. */
  readonly unscoredCreditScore: number
  /** The lowest composite score (inclusive) of each grade; B is below A's bound. */
  readonly gradeLowerBounds: { readonly AAA: number; readonly AA: number; readonly A: number }
}

/** The three lists of 004 ch.3 重点客户管理表. */
export interface TopListPolicy {
  /** How many customers each list holds (the form has 10). */
  readonly size: number
  /**
   * The least revenue (minor units) a customer needs to enter the growth and margin lists, so a
   * customer who bought once for ¥100 at 80 % margin does not head a list of key customers.
   */
  readonly rateListMinimumRevenueMinor: number
}

/** One indicator (评估指标) of 客户关系评估表 with its weight (指标权重, whole percent). */
export interface RelationshipIndicator {
  readonly id: string
  readonly label: Label
  readonly weight: number
}

/**
 * 004 ch.3 客户关系评估表: weighted indicators scored 0–100, each shown with a level (等级), a
 * total (合计) against the standard score (标准分), and the advice 发展 / 维持 / 终止.
 */
export interface RelationshipPolicy {
  readonly indicators: ReadonlyArray<RelationshipIndicator>
  /** The lowest score (inclusive) of each level; below `fair` is `poor`. */
  readonly levelLowerBounds: { readonly excellent: number; readonly good: number; readonly fair: number }
  /** The standard score (标准分): at or above it the advice is to develop the relationship. */
  readonly developAtLeast: number
  /** At or above this (and below the standard score) maintain; below it terminate. */
  readonly maintainAtLeast: number
}

/** What one service tier of 服务分层管理 entitles a customer to. */
export interface ServiceEntitlement {
  /** A named officer (专人服务) looks after the customer. */
  readonly dedicatedOfficer: boolean
  /** Days between planned revisits (回访); key-account revisit schedules use this. */
  readonly revisitIntervalDays: number
  /** Hours within which a request gets its first answer. */
  readonly firstResponseHours: number
  /** How many visits a year a manager makes in person (0 for none). */
  readonly managerVisitsPerYear: number
}

/** 服务分层管理 (001 ch.4 §3): which tier each grade gets, and what each tier entitles. */
export interface ServiceTierPolicy {
  readonly tierOfGrade: { readonly [G in CustomerGrade]: ServiceTier }
  readonly entitlements: { readonly [T in ServiceTier]: ServiceEntitlement }
}

/** 客户关系维护流程 (004 ch.3 §25): who approves the customer service plan and when it is reviewed. */
export interface MaintenancePolicy {
  /** Who approves the 客户服务方案 (⑥ 审核审批: the 客户服务部经理). */
  readonly planApprover: Role
  /** Days after approval that the plan's execution is reviewed (⑨ 改进). */
  readonly reviewAfterDays: number
}

/**
 * Everything grading needs, as validated data with a version (DESIGN rule 6). A grading run
 * records the version it ran under.
 */
export interface GradingPolicy {
  readonly version: string
  /** The currency of the facts graded and of the amounts in this policy. */
  readonly currency: string
  readonly abc: AbcPolicy
  readonly salesBands: SalesBandPolicy
  readonly composite: CompositePolicy
  readonly topLists: TopListPolicy
  readonly relationship: RelationshipPolicy
  readonly serviceTiers: ServiceTierPolicy
  readonly maintenance: MaintenancePolicy
}

/**
 * The handbooks' values where they give them, tixi's choices where they do not:
 * - ABC: A up to 80 %, B up to 95 % of cumulative revenue (the Pareto rule the issue names;
 *   the handbooks give no numbers), crossing customer stays below the line.
 * - A–E bands: 90 / 80 / 70 / 60 % (004 ch.3 客户分级表), measured as percentile rank of sales,
 *   because every company has its sales while few know their customers' total purchases.
 * - Composite (客户开发评定表 names the factors only): growth 30 %, credit 40 %, margin 30 %;
 *   growth scores 0 at −20 % and 100 at +30 %; gross-margin rate 0 at 0 % and 100 at 30 %; a new
 *   customer's growth scores 50 (neutral); an unscored customer's credit scores 50; AAA from 85,
 *   AA from 70, A from 55, B below.
 * - 重点客户管理表: lists of 10 (the form's rows); no minimum revenue.
 * - 客户关系评估表 (the form leaves the indicators blank): sales contribution 25 %, profit
 *   contribution 20 %, credit and payment 20 %, loyalty and cooperation years 15 %, growth
 *   potential 10 %, communication and cooperation 10 %; levels 优 ≥ 85, 良 ≥ 70, 中 ≥ 55;
 *   standard score 80 (develop), maintain from 60, terminate below.
 * - 服务分层: AAA strategic, AA key, A standard, B basic; revisits every 30 / 60 / 90 / 180 days,
 *   first response within 2 / 4 / 8 / 24 hours, a dedicated officer for strategic and key
 *   customers, manager visits 4 / 2 / 0 / 0 a year.
 * - 客户关系维护流程: the service plan approved by the manager, its execution reviewed after 90
 *   days (a quarter).
 */
export const defaultGradingPolicy: GradingPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  abc: { basis: "revenue", classAUpToPercent: 80, classBUpToPercent: 95, crossing: "lower" },
  salesBands: { measure: "percentileRank", lowerBoundsPercent: { A: 90, B: 80, C: 70, D: 60 } },
  composite: {
    weights: { growth: 30, credit: 40, margin: 30 },
    growth: { zeroAtPercent: -20, fullAtPercent: 30 },
    margin: { zeroAtPercent: 0, fullAtPercent: 30 },
    newCustomerGrowthScore: 50,
    unscoredCreditScore: 50,
    gradeLowerBounds: { AAA: 85, AA: 70, A: 55 },
  },
  topLists: { size: 10, rateListMinimumRevenueMinor: 0 },
  relationship: {
    indicators: [
      { id: "salesContribution", label: label("销售贡献", "Sales contribution"), weight: 25 },
      { id: "profitContribution", label: label("利润贡献", "Profit contribution"), weight: 20 },
      { id: "creditStanding", label: label("信用与回款", "Credit and payment"), weight: 20 },
      { id: "loyalty", label: label("合作年限与忠诚度", "Loyalty and years of business"), weight: 15 },
      { id: "growthPotential", label: label("发展潜力", "Growth potential"), weight: 10 },
      { id: "cooperation", label: label("沟通配合", "Communication and cooperation"), weight: 10 },
    ],
    levelLowerBounds: { excellent: 85, good: 70, fair: 55 },
    developAtLeast: 80,
    maintainAtLeast: 60,
  },
  serviceTiers: {
    tierOfGrade: { AAA: "strategic", AA: "key", A: "standard", B: "basic" },
    entitlements: {
      strategic: {
        dedicatedOfficer: true,
        revisitIntervalDays: 30,
        firstResponseHours: 2,
        managerVisitsPerYear: 4,
      },
      key: {
        dedicatedOfficer: true,
        revisitIntervalDays: 60,
        firstResponseHours: 4,
        managerVisitsPerYear: 2,
      },
      standard: {
        dedicatedOfficer: false,
        revisitIntervalDays: 90,
        firstResponseHours: 8,
        managerVisitsPerYear: 0,
      },
      basic: {
        dedicatedOfficer: false,
        revisitIntervalDays: 180,
        firstResponseHours: 24,
        managerVisitsPerYear: 0,
      },
    },
  },
  maintenance: { planApprover: "manager", reviewAfterDays: 90 },
}

const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6
const percentSchema = z.number().min(0).max(100).refine(twoDecimals, "at most 2 decimals")
const scoreSchema = z.number().min(0).max(100)
const weightSchema = z.number().int("must be a whole percent").min(0).max(100)
const rateScaleSchema = z.strictObject({
  zeroAtPercent: z.number().finite(),
  fullAtPercent: z.number().finite(),
})
const entitlementSchema = z.strictObject({
  dedicatedOfficer: z.boolean(),
  revisitIntervalDays: z.number().int().min(1).max(3660),
  firstResponseHours: z
    .number()
    .min(0)
    .max(24 * 30),
  managerVisitsPerYear: z.number().int().min(0).max(365),
})

const policySchema = z.strictObject({
  version: z.string().min(1),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
  abc: z.strictObject({
    basis: GradingBasis.schema,
    classAUpToPercent: percentSchema.refine((value) => value > 0, "must be above 0"),
    classBUpToPercent: percentSchema,
    crossing: z.enum(["lower", "upper"]),
  }),
  salesBands: z.strictObject({
    measure: BandMeasure.schema,
    lowerBoundsPercent: z.strictObject({
      A: percentSchema,
      B: percentSchema,
      C: percentSchema,
      D: percentSchema,
    }),
  }),
  composite: z.strictObject({
    weights: z.strictObject({ growth: weightSchema, credit: weightSchema, margin: weightSchema }),
    growth: rateScaleSchema,
    margin: rateScaleSchema,
    newCustomerGrowthScore: scoreSchema,
    unscoredCreditScore: scoreSchema,
    gradeLowerBounds: z.strictObject({ AAA: scoreSchema, AA: scoreSchema, A: scoreSchema }),
  }),
  topLists: z.strictObject({
    size: z.number().int().min(1).max(1000),
    rateListMinimumRevenueMinor: z.number().int().min(0).refine(Number.isSafeInteger, "too large"),
  }),
  relationship: z.strictObject({
    indicators: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "must be a name of letters and digits"),
          label: labelSchema,
          weight: weightSchema,
        }),
      )
      .min(1),
    levelLowerBounds: z.strictObject({ excellent: scoreSchema, good: scoreSchema, fair: scoreSchema }),
    developAtLeast: scoreSchema,
    maintainAtLeast: scoreSchema,
  }),
  serviceTiers: z.strictObject({
    tierOfGrade: z.strictObject({
      AAA: ServiceTier.schema,
      AA: ServiceTier.schema,
      A: ServiceTier.schema,
      B: ServiceTier.schema,
    }),
    entitlements: z.strictObject({
      strategic: entitlementSchema,
      key: entitlementSchema,
      standard: entitlementSchema,
      basic: entitlementSchema,
    }),
  }),
  maintenance: z.strictObject({
    planApprover: Role.schema,
    reviewAfterDays: z.number().int().min(1).max(730),
  }),
})

function descending(
  issues: Array<ValidationIssue>,
  path: ReadonlyArray<string>,
  values: ReadonlyArray<readonly [string, number]>,
  strict: boolean,
): void {
  for (let index = 1; index < values.length; index++) {
    const [name, value] = values[index]!
    const [previousName, previous] = values[index - 1]!
    if (strict ? value >= previous : value > previous) {
      issues.push({
        path: [...path, name],
        message: `must be ${strict ? "below" : "at most"} ${previousName} (${previous})`,
        code: "rule",
      })
    }
  }
}

/**
 * Validates a grading policy: every share, score and weight within range, cut-offs and bounds in
 * order (a B bound above the A bound is a typo), weights that add up to 100, indicator ids that
 * are unique, and rate scales that are not flat.
 */
export function parseGradingPolicy(input: unknown): Result.Result<GradingPolicy, ValidationError> {
  const parsed = policySchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("policy.grading", parsed.error.issues))
  const policy = parsed.data
  const issues: Array<ValidationIssue> = []
  if (policy.abc.classBUpToPercent < policy.abc.classAUpToPercent) {
    issues.push({
      path: ["abc", "classBUpToPercent"],
      message: "must not be below classAUpToPercent",
      code: "rule",
    })
  }
  const bands = policy.salesBands.lowerBoundsPercent
  descending(
    issues,
    ["salesBands", "lowerBoundsPercent"],
    [
      ["A", bands.A],
      ["B", bands.B],
      ["C", bands.C],
      ["D", bands.D],
    ],
    true,
  )
  const weights = policy.composite.weights
  if (weights.growth + weights.credit + weights.margin !== 100) {
    issues.push({ path: ["composite", "weights"], message: "must add up to 100", code: "rule" })
  }
  for (const scale of ["growth", "margin"] as const) {
    if (policy.composite[scale].fullAtPercent <= policy.composite[scale].zeroAtPercent) {
      issues.push({
        path: ["composite", scale, "fullAtPercent"],
        message: "must be above zeroAtPercent",
        code: "rule",
      })
    }
  }
  const grades = policy.composite.gradeLowerBounds
  descending(
    issues,
    ["composite", "gradeLowerBounds"],
    [
      ["AAA", grades.AAA],
      ["AA", grades.AA],
      ["A", grades.A],
    ],
    true,
  )
  const relationship = policy.relationship
  if (relationship.indicators.reduce((total, indicator) => total + indicator.weight, 0) !== 100) {
    issues.push({ path: ["relationship", "indicators"], message: "weights must add up to 100", code: "rule" })
  }
  const seen = new Set<string>()
  relationship.indicators.forEach((indicator, index) => {
    if (seen.has(indicator.id)) {
      issues.push({
        path: ["relationship", "indicators", index, "id"],
        message: "duplicate id",
        code: "rule",
      })
    }
    seen.add(indicator.id)
  })
  const levels = relationship.levelLowerBounds
  descending(
    issues,
    ["relationship", "levelLowerBounds"],
    [
      ["excellent", levels.excellent],
      ["good", levels.good],
      ["fair", levels.fair],
    ],
    true,
  )
  if (relationship.maintainAtLeast > relationship.developAtLeast) {
    issues.push({
      path: ["relationship", "maintainAtLeast"],
      message: "must not be above developAtLeast",
      code: "rule",
    })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "policy.grading", issues }))
  return Result.succeed(policy as GradingPolicy)
}
