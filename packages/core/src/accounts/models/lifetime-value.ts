import { Result } from "effect"
import { z } from "zod"
import { moneyInputSchema } from "../../credit/schema/money-input.ts"
import { fromZodIssues, invalid, type ValidationError } from "../../errors/validation-error.ts"
import { type Money, ofMinor } from "../../money/money.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"

/** The parameters of a lifetime-value estimate; those left out come from the policy. */
export interface LifetimeValueInput {
  /** m: the gross margin the customer brings this year. */
  readonly annualMargin: Money
  /** r: the share of such customers kept from one year to the next, percent. */
  readonly retentionPercent?: number
  /** d: the yearly discount rate, percent. */
  readonly discountRatePercent?: number
  /** T: the years counted. */
  readonly horizonYears?: number
  /** g: the yearly growth of the margin, percent (may be negative). */
  readonly marginGrowthPercent?: number
  /** c: what keeping the customer costs a year (visits, service, rebates). */
  readonly annualRetentionCost?: Money
  /** AC: what winning the customer cost, subtracted once; zero for a customer already won. */
  readonly acquisitionCost?: Money
}

/** One year of the estimate. */
export interface LifetimeValueYear {
  readonly year: number
  /** r^(t−1): the chance the customer is still there. */
  readonly survival: number
  /** 1 ÷ (1 + d)^t. */
  readonly discountFactor: number
  /** The year's expected, discounted contribution, in minor units (not rounded). */
  readonly contributionMinor: number
}

/** A lifetime-value estimate with its parameters and the years it adds up. */
export interface LifetimeValue {
  readonly value: Money
  readonly retentionPercent: number
  readonly discountRatePercent: number
  readonly horizonYears: number
  readonly marginGrowthPercent: number
  readonly years: ReadonlyArray<LifetimeValueYear>
  /** The formula, for reports. */
  readonly formula: string
}

const inputSchema = z.strictObject({
  annualMargin: moneyInputSchema,
  retentionPercent: z.number().min(0).max(100).optional(),
  discountRatePercent: z.number().min(0).max(100).optional(),
  horizonYears: z.number().int().min(1).max(100).optional(),
  marginGrowthPercent: z.number().min(-100).max(100).optional(),
  annualRetentionCost: moneyInputSchema.optional(),
  acquisitionCost: moneyInputSchema.optional(),
})

/** The formula `customerLifetimeValue` computes. */
export const lifetimeValueFormula = "CLV = Σ_{t=1..T} (m·(1+g)^(t−1) − c) · r^(t−1) ÷ (1+d)^t − AC"

/**
 * Customer lifetime value (客户终生价值, 000 ch.4 §4.5.6), the discounted expected margin over
 * the horizon:
 *
 *   CLV = Σ_{t=1..T} (m·(1+g)^(t−1) − c) · r^(t−1) ÷ (1+d)^t − AC
 *
 * m this year's margin, g its yearly growth, c the yearly cost of keeping the customer, r the
 * retention rate, d the discount rate, T the horizon, AC the acquisition cost. The first year's
 * margin is certain (the customer is here now) and every margin is received at the end of its
 * year. With g = c = AC = 0 and T → ∞ it tends to m ÷ (1 + d − r) (the margin multiple of
 * Gupta & Lehmann, 2003, whose convention multiplies by r once more). An estimate: computed in
 * floating point and rounded once to minor units (half to even).
 */
export function customerLifetimeValue(
  input: unknown,
  policy: AccountsPolicy,
): Result.Result<LifetimeValue, ValidationError> {
  const parsed = inputSchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("accounts.lifetimeValue", parsed.error.issues))
  const given = parsed.data as unknown as LifetimeValueInput
  const currency = given.annualMargin.currency
  for (const key of ["annualRetentionCost", "acquisitionCost"] as const) {
    const cost = given[key]
    if (cost !== undefined && cost.currency !== currency) {
      return Result.fail(invalid("accounts.lifetimeValue", [key, "currency"], `must be ${currency}`))
    }
  }
  const retention = (given.retentionPercent ?? policy.lifetimeValue.retentionPercent) / 100
  const discount = (given.discountRatePercent ?? policy.lifetimeValue.discountRatePercent) / 100
  const horizon = given.horizonYears ?? policy.lifetimeValue.horizonYears
  const growth = (given.marginGrowthPercent ?? 0) / 100
  const margin = given.annualMargin.minor
  const cost = given.annualRetentionCost?.minor ?? 0
  const years: Array<LifetimeValueYear> = []
  let total = 0
  for (let year = 1; year <= horizon; year++) {
    const survival = retention ** (year - 1)
    const discountFactor = 1 / (1 + discount) ** year
    const contributionMinor = (margin * (1 + growth) ** (year - 1) - cost) * survival * discountFactor
    total += contributionMinor
    years.push({ year, survival, discountFactor, contributionMinor })
  }
  total -= given.acquisitionCost?.minor ?? 0
  return Result.succeed({
    value: ofMinor(roundHalfEven(total), currency),
    retentionPercent: retention * 100,
    discountRatePercent: discount * 100,
    horizonYears: horizon,
    marginGrowthPercent: growth * 100,
    years,
    formula: lifetimeValueFormula,
  })
}

function roundHalfEven(value: number): number {
  const floor = Math.floor(value)
  const fraction = value - floor
  if (fraction > 0.5) return floor + 1
  if (fraction < 0.5) return floor
  return floor % 2 === 0 ? floor : floor + 1
}
