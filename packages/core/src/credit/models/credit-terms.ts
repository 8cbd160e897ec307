import { scaleMinor } from "../../money/money.ts"
import type { CompiledCreditPolicy } from "./compiled-credit-policy.ts"

/**
 * The grade code of a score (A 0 … D 3): the first grade whose minimum score it reaches. A
 * customer whose scorecard is insufficient (NaN) gets the lowest grade: no credit without an
 * investigation. A higher score never gives a lower grade.
 */
export function creditGradeCode(score: number, compiled: CompiledCreditPolicy): number {
  if (Number.isNaN(score)) return compiled.lowestGrade
  const minimum = compiled.minimumScore
  for (let grade = 0; grade < compiled.lowestGrade; grade++) if (score >= minimum[grade]!) return grade
  return compiled.lowestGrade
}

/**
 * The credit limit of a grade for a customer, in minor units: ⌊annual revenue × months ÷ 12⌋
 * (months of the customer's purchases), kept between the grade's floor and ceiling. Exact in
 * integer money (`scaleMinor`).
 */
export function creditLimitMinor(
  annualRevenueMinor: number,
  gradeCode: number,
  compiled: CompiledCreditPolicy,
): number {
  const months = compiled.limitMonthsHundredths[gradeCode]!
  const byRevenue = months === 0 ? 0 : scaleMinor(annualRevenueMinor, months, 1200, "down")
  const floor = compiled.limitMinimumMinor[gradeCode]!
  const ceiling = compiled.limitMaximumMinor[gradeCode]!
  return Math.max(floor, Math.min(ceiling, byRevenue))
}
