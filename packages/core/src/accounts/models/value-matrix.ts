import { Result } from "effect"
import { z } from "zod"
import { moneyInputSchema } from "../../credit/schema/money-input.ts"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { type Money, ofMinor, scaleMinor } from "../../money/money.ts"
import type { ValueQuadrant } from "../labels/value-quadrant.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"

/** A customer's value now and what it could add. */
export interface AccountValue {
  readonly customerId: CustomerId
  readonly name?: string
  /** Current value: the gross margin the customer brings in a year (现有价值). */
  readonly currentValue: Money
  /** Potential value: the further margin it could bring (潜在价值), e.g. `potentialFromWallet`. */
  readonly potentialValue: Money
}

/** A customer placed in the matrix. */
export interface PlacedAccount {
  readonly customerId: CustomerId
  readonly name: string | undefined
  readonly quadrant: ValueQuadrant
  readonly currentValue: Money
  readonly potentialValue: Money
}

/** The value matrix of a set of customers, with the lines that split it. */
export interface ValueMatrix {
  /** Current value from which a customer is high (the policy's percentile of the customers). */
  readonly currentThreshold: Money
  readonly potentialThreshold: Money
  readonly accounts: ReadonlyArray<PlacedAccount>
  readonly counts: { readonly [Q in ValueQuadrant]: number }
}

/**
 * The margin a customer could still bring by share of wallet: (its purchases of the category −
 * what it buys from us) × our gross-margin rate on it, rounded down; zero when we already have it
 * all or earn nothing on it.
 */
export function potentialFromWallet(revenue: Money, categoryPurchases: Money, grossMargin: Money): Money {
  const headroom = categoryPurchases.minor - revenue.minor
  if (headroom <= 0 || revenue.minor <= 0 || grossMargin.minor <= 0) return ofMinor(0, revenue.currency)
  return ofMinor(scaleMinor(headroom, grossMargin.minor, revenue.minor, "down"), revenue.currency)
}

/**
 * The value at the `percentile` of sorted values (nearest rank: the ⌈p × n⌉-th smallest), so the
 * top (100 − p) % of customers are at or above it.
 */
export function percentileValue(sortedAscending: ReadonlyArray<number>, percentile: number): number {
  if (sortedAscending.length === 0) return 0
  const rank = Math.max(1, Math.ceil((percentile / 100) * sortedAscending.length))
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1]!
}

const accountSchema = z.strictObject({
  customerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be a customer id"),
  name: z.string().min(1).max(200).optional(),
  currentValue: moneyInputSchema,
  potentialValue: moneyInputSchema,
})

/**
 * Places customers in the current × potential value matrix (000 ch.4 §4.5.7): high on an axis
 * from the policy's percentile of the customers given (nearest rank), so the split follows the
 * company's own customer base. 战略 high/high, 核心 high now, 潜力 high later, 一般 neither.
 */
export function valueMatrix(
  accounts: unknown,
  policy: AccountsPolicy,
): Result.Result<ValueMatrix, ValidationError> {
  const parsed = z.array(accountSchema).safeParse(accounts)
  if (!parsed.success) return Result.fail(fromZodIssues("accounts.valueMatrix", parsed.error.issues))
  const given = parsed.data as unknown as ReadonlyArray<AccountValue>
  const issues: Array<ValidationIssue> = []
  given.forEach((account, index) => {
    for (const key of ["currentValue", "potentialValue"] as const) {
      if (account[key].currency !== policy.currency) {
        issues.push({ path: [index, key, "currency"], message: `must be ${policy.currency}`, code: "rule" })
      }
    }
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "accounts.valueMatrix", issues }))
  const sorted = (key: "currentValue" | "potentialValue") =>
    given.map((account) => account[key].minor).sort((left, right) => left - right)
  const currentLine = percentileValue(sorted("currentValue"), policy.valueMatrix.highCurrentFromPercentile)
  const potentialLine = percentileValue(
    sorted("potentialValue"),
    policy.valueMatrix.highPotentialFromPercentile,
  )
  const counts = { strategic: 0, core: 0, growth: 0, ordinary: 0 }
  const placed = given.map((account): PlacedAccount => {
    const highNow = account.currentValue.minor >= currentLine && account.currentValue.minor > 0
    const highLater = account.potentialValue.minor >= potentialLine && account.potentialValue.minor > 0
    const quadrant: ValueQuadrant = highNow
      ? highLater
        ? "strategic"
        : "core"
      : highLater
        ? "growth"
        : "ordinary"
    counts[quadrant] += 1
    return {
      customerId: account.customerId,
      name: account.name,
      quadrant,
      currentValue: account.currentValue,
      potentialValue: account.potentialValue,
    }
  })
  return Result.succeed({
    currentThreshold: ofMinor(currentLine, policy.currency),
    potentialThreshold: ofMinor(potentialLine, policy.currency),
    accounts: placed,
    counts,
  })
}
