import type { CompiledGradingPolicy } from "./compiled-grading-policy.ts"

/** Grade codes in the columns: the index in `CustomerGrade.values` (AAA 0 … B 3). */
export const gradeCodes = { AAA: 0, AA: 1, A: 2, B: 3 } as const

const clampScore = (score: number): number => Math.max(0, Math.min(100, score))

/** The sales growth rate in percent, (revenue − previous) ÷ previous × 100; undefined without a previous period. */
export function growthRatePercent(revenueMinor: number, previousMinor: number): number | undefined {
  return previousMinor > 0 ? ((revenueMinor - previousMinor) / previousMinor) * 100 : undefined
}

/** The gross-margin rate in percent, margin ÷ revenue × 100; undefined without revenue. */
export function marginRatePercent(revenueMinor: number, grossMarginMinor: number): number | undefined {
  return revenueMinor > 0 ? (grossMarginMinor / revenueMinor) * 100 : undefined
}

/**
 * The growth score (业务增长率 of 客户开发评定表), 0–100: linear between the policy's rate that
 * scores 0 and the rate that scores 100. A new customer (no previous revenue, some revenue now)
 * gets the policy's neutral score; a customer with no revenue in either period scores 0.
 */
export function growthScore(
  revenueMinor: number,
  previousMinor: number,
  compiled: CompiledGradingPolicy,
): number {
  if (previousMinor > 0) {
    const rate = ((revenueMinor - previousMinor) / previousMinor) * 100
    return clampScore(((rate - compiled.growthZeroPercent) / compiled.growthSpanPercent) * 100)
  }
  return revenueMinor > 0 ? compiled.newCustomerGrowthScore : 0
}

/** The margin score (利润率 of 客户开发评定表), 0–100, linear like growth; 0 without revenue. */
export function marginScore(
  revenueMinor: number,
  grossMarginMinor: number,
  compiled: CompiledGradingPolicy,
): number {
  if (!(revenueMinor > 0)) return 0
  const rate = (grossMarginMinor / revenueMinor) * 100
  return clampScore(((rate - compiled.marginZeroPercent) / compiled.marginSpanPercent) * 100)
}

/** The credit factor (信用度 of 客户开发评定表): the credit score, or the policy's score for the unscored (NaN). */
export function creditFactor(creditScore: number, compiled: CompiledGradingPolicy): number {
  return Number.isNaN(creditScore) ? compiled.unscoredCreditScore : clampScore(creditScore)
}

/**
 * The composite score (综合评价), rounded to one decimal:
 * (w_growth × growth + w_credit × credit + w_margin × margin) ÷ 100, weights in whole percent.
 * It never falls when any factor rises, since the weights are not negative.
 */
export function compositeScore(
  growth: number,
  credit: number,
  margin: number,
  compiled: CompiledGradingPolicy,
): number {
  const raw =
    (compiled.weightGrowth * growth + compiled.weightCredit * credit + compiled.weightMargin * margin) / 100
  return Math.round(raw * 10) / 10
}

/** The grade of a composite score: the first grade whose lower bound it reaches (AAA, AA, A), else B. */
export function gradeCodeOfScore(score: number, compiled: CompiledGradingPolicy): number {
  const bounds = compiled.gradeLowerBounds
  if (score >= bounds[0]) return gradeCodes.AAA
  if (score >= bounds[1]) return gradeCodes.AA
  if (score >= bounds[2]) return gradeCodes.A
  return gradeCodes.B
}
