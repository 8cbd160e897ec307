import { type Label, label } from "../../labels/label.ts"
import { format, type Money, ofMinor, scaleMinor } from "../../money/money.ts"
import { AbcClass } from "../labels/abc-class.ts"
import type { BandMeasure } from "../labels/band-measure.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { SalesBand } from "../labels/sales-band.ts"
import { ServiceTier } from "../labels/service-tier.ts"
import type { ServiceEntitlement } from "../policy/grading-policy.ts"
import type { GradingColumns } from "../schema/grading-columns.ts"
import {
  creditFactor,
  growthRatePercent,
  growthScore,
  marginRatePercent,
  marginScore,
} from "./composite-grade.ts"
import type { GradedColumns } from "./grade-columns.ts"

/** Why a customer is in its ABC class: its rank, the value accumulated up to it, and the cut-off. */
export interface AbcExplanation {
  readonly class: AbcClass
  /** 1-based rank by the basis value, largest first. */
  readonly rank: number
  readonly value: Money
  readonly cumulative: Money
  readonly total: Money
  /**
   * Cumulative share in percent, rounded up to two decimals, so a share just over a cut-off never
   * prints as equal to it (the class is decided on the exact integers).
   */
  readonly cumulativeSharePercent: number
  /** The cut-off of the customer's class (A's or B's), undefined for C. */
  readonly cutoffPercent: number | undefined
}

/** Why a customer is in its A–E band of 客户分级表. */
export interface SalesBandExplanation {
  readonly band: SalesBand
  readonly measure: BandMeasure
  /** The measure in percent (two decimals, rounded down), undefined when unknown. */
  readonly measurePercent: number | undefined
  /** The lower bound of the band in percent, undefined for E. */
  readonly lowerBoundPercent: number | undefined
}

/** One factor of the composite: the rate it was read from, its score and its weight. */
export interface CompositeFactor {
  /** The growth or margin rate in percent, or the credit score; undefined when there was none. */
  readonly input: number | undefined
  /** The factor's score, 0–100. */
  readonly score: number
  /** The factor's weight in percent. */
  readonly weight: number
}

/** Why a customer has its AAA/AA/A/B grade: the three factors of 客户开发评定表 and the bounds. */
export interface CompositeExplanation {
  readonly grade: CustomerGrade
  readonly score: number
  readonly growth: CompositeFactor
  readonly credit: CompositeFactor
  readonly margin: CompositeFactor
  /** The grade's lower bound, undefined for B (the rest). */
  readonly lowerBound: number | undefined
  /** The next grade up and the score it needs, undefined for AAA. */
  readonly next: { readonly grade: CustomerGrade; readonly lowerBound: number } | undefined
}

/** The grading of one customer with its reasons. */
export interface GradingExplanation {
  readonly abc: AbcExplanation
  readonly salesBand: SalesBandExplanation
  readonly composite: CompositeExplanation
  readonly serviceTier: ServiceTier
  readonly entitlement: ServiceEntitlement
  /** The reasons in words, one per dimension, in both languages. */
  readonly reasons: ReadonlyArray<Label>
}

const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1)
const twoDecimals = (value: number) => value.toFixed(2)

/**
 * Explains row `row` of a graded run: recomputes the factors with the same rule functions the
 * run used and reads the rest from the columns, so the explanation always matches the grade.
 */
export function explainGrading(
  columns: GradingColumns,
  graded: GradedColumns,
  row: number,
  currency: string,
): GradingExplanation {
  const compiled = graded.policy
  const policy = compiled.policy
  const basisColumn = compiled.abcOnRevenue ? columns.revenue : columns.grossMargin
  const abcClass = AbcClass.values[graded.abc.classCode[row]!]!
  const total = graded.abc.total
  const cumulativeMinor = graded.abc.cumulative[row]!
  const cumulativeSharePercent = total > 0 ? scaleMinor(cumulativeMinor, 10_000, total, "up") / 100 : 0
  const cutoffPercent =
    abcClass === "A"
      ? policy.abc.classAUpToPercent
      : abcClass === "B"
        ? policy.abc.classBUpToPercent
        : undefined
  const abc: AbcExplanation = {
    class: abcClass,
    rank: graded.abc.rank[row]! + 1,
    value: ofMinor(basisColumn[row]!, currency),
    cumulative: ofMinor(cumulativeMinor, currency),
    total: ofMinor(total, currency),
    cumulativeSharePercent,
    cutoffPercent,
  }

  const bandCode = graded.salesBand[row]!
  const band = SalesBand.values[bandCode]!
  const measureBasisPoints = graded.bandMeasure[row]!
  const bounds = policy.salesBands.lowerBoundsPercent
  const salesBand: SalesBandExplanation = {
    band,
    measure: policy.salesBands.measure,
    measurePercent: measureBasisPoints < 0 ? undefined : measureBasisPoints / 100,
    lowerBoundPercent: band === "E" ? undefined : bounds[band],
  }

  const revenue = columns.revenue[row]!
  const previous = columns.previousRevenue[row]!
  const margin = columns.grossMargin[row]!
  const creditScore = columns.creditScore[row]!
  const weights = policy.composite.weights
  const grade = CustomerGrade.values[graded.grade[row]!]!
  const gradeBounds = policy.composite.gradeLowerBounds
  const gradeIndex = CustomerGrade.values.indexOf(grade)
  const nextGrade = gradeIndex > 0 ? CustomerGrade.values[gradeIndex - 1] : undefined
  const composite: CompositeExplanation = {
    grade,
    score: graded.compositeScore[row]!,
    growth: {
      input: growthRatePercent(revenue, previous),
      score: growthScore(revenue, previous, compiled),
      weight: weights.growth,
    },
    credit: {
      input: Number.isNaN(creditScore) ? undefined : creditScore,
      score: creditFactor(creditScore, compiled),
      weight: weights.credit,
    },
    margin: {
      input: marginRatePercent(revenue, margin),
      score: marginScore(revenue, margin, compiled),
      weight: weights.margin,
    },
    lowerBound: grade === "B" ? undefined : gradeBounds[grade],
    next:
      nextGrade === undefined || nextGrade === "B"
        ? undefined
        : { grade: nextGrade, lowerBound: gradeBounds[nextGrade] },
  }
  const serviceTier = ServiceTier.values[graded.serviceTier[row]!]!
  const entitlement = policy.serviceTiers.entitlements[serviceTier]
  return {
    abc,
    salesBand,
    composite,
    serviceTier,
    entitlement,
    reasons: [
      abcReason(abc, compiled.abcOnRevenue),
      bandReason(salesBand),
      compositeReason(composite),
      tierReason(grade, serviceTier, entitlement),
    ],
  }
}

function abcReason(abc: AbcExplanation, onRevenue: boolean): Label {
  const basis = onRevenue ? label("销售额", "revenue") : label("毛利额", "gross margin")
  const className = AbcClass.labels[abc.class]
  if (abc.value.minor <= 0) {
    return label(
      `${className["zh-CN"]}：本期${basis["zh-CN"]}为 ${format(abc.value, "zh-CN")}，不参与累计`,
      `${className.en}: ${basis.en} of ${format(abc.value, "en")} in the period does not accumulate`,
    )
  }
  const share = twoDecimals(abc.cumulativeSharePercent)
  const rule =
    abc.cutoffPercent === undefined
      ? label("超过 B 类界限", "beyond the B cut-off")
      : label(`≤ ${abc.cutoffPercent}%`, `≤ ${abc.cutoffPercent}%`)
  return label(
    `${className["zh-CN"]}：${basis["zh-CN"]} ${format(abc.value, "zh-CN")} 排名第 ${abc.rank}，累计占比 ${share}%（${rule["zh-CN"]}）`,
    `${className.en}: ${basis.en} ${format(abc.value, "en")} ranks ${abc.rank}, cumulative share ${share}% (${rule.en})`,
  )
}

function bandReason(band: SalesBandExplanation): Label {
  const bandName = SalesBand.labels[band.band]
  const measure =
    band.measure === "percentileRank"
      ? label("销售额不低于其的客户占比", "share of customers with sales at most this customer's")
      : label("本公司占其采购额比例", "share of its purchases bought from us")
  if (band.measurePercent === undefined) {
    return label(`${bandName["zh-CN"]}：${measure["zh-CN"]}未知`, `${bandName.en}: ${measure.en} is unknown`)
  }
  const bound =
    band.lowerBoundPercent === undefined
      ? label("低于 D 级下限", "below band D")
      : label(`≥ ${band.lowerBoundPercent}%`, `≥ ${band.lowerBoundPercent}%`)
  const value = twoDecimals(band.measurePercent)
  return label(
    `${bandName["zh-CN"]}：${measure["zh-CN"]} ${value}%（${bound["zh-CN"]}）`,
    `${bandName.en}: ${measure.en} ${value}% (${bound.en})`,
  )
}

function compositeReason(composite: CompositeExplanation): Label {
  const gradeName = CustomerGrade.labels[composite.grade]
  const parts = (growth: string, credit: string, margin: string) =>
    `${growth} ${oneDecimal(composite.growth.score)}×${composite.growth.weight}% + ${credit} ${oneDecimal(composite.credit.score)}×${composite.credit.weight}% + ${margin} ${oneDecimal(composite.margin.score)}×${composite.margin.weight}%`
  const bound =
    composite.lowerBound === undefined
      ? label(`低于 A 级下限`, `below grade A`)
      : label(`≥ ${composite.lowerBound}`, `≥ ${composite.lowerBound}`)
  return label(
    `${gradeName["zh-CN"]}：综合得分 ${oneDecimal(composite.score)} = ${parts("增长", "信用", "利润")}（${bound["zh-CN"]}）`,
    `${gradeName.en}: composite ${oneDecimal(composite.score)} = ${parts("growth", "credit", "margin")} (${bound.en})`,
  )
}

function tierReason(grade: CustomerGrade, tier: ServiceTier, entitlement: ServiceEntitlement): Label {
  const tierName = ServiceTier.labels[tier]
  const gradeName = CustomerGrade.labels[grade]
  return label(
    `${tierName["zh-CN"]}：${gradeName["zh-CN"]}客户，每 ${entitlement.revisitIntervalDays} 天回访，${entitlement.firstResponseHours} 小时内响应${entitlement.dedicatedOfficer ? "，专人服务" : ""}`,
    `${tierName.en}: grade ${gradeName.en}, revisited every ${entitlement.revisitIntervalDays} days, answered within ${entitlement.firstResponseHours} h${entitlement.dedicatedOfficer ? ", with a dedicated officer" : ""}`,
  )
}
