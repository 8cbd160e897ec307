import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import type { Money } from "../../money/money.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import { civilDateSchema } from "../../time/civil-date.ts"

/**
 * What grading knows of one customer over the period graded: the sales figures of 客户销售分析表
 * and 客户销售毛利排名表 (004 ch.3 and ch.7) and the credit score from the credit module.
 */
export interface CustomerFacts {
  readonly customerId: CustomerId
  /** 客户名称, for tables and explanations. */
  readonly name?: string
  /** 业种 / 经营业种, the column 客户分级表 and 客户等级分类表 print beside the name. */
  readonly industry?: string
  /** Sales revenue (销售额) in the period. */
  readonly revenue: Money
  /** Sales revenue in the period before, for the growth rate (业务增长率); zero for a new customer. */
  readonly previousRevenue: Money
  /** Gross margin (毛利额) in the period; negative when sold below cost. */
  readonly grossMargin: Money
  /** The credit score (0–100) the credit module gave; absent when the customer was never scored. */
  readonly creditScore?: number
  /** The customer's total purchases of the category, when known (for share-of-wallet bands). */
  readonly categoryPurchases?: Money
}

/** The period graded, as a form prints it (统计期间). */
export interface GradingPeriod {
  readonly from: CivilDate
  readonly to: CivilDate
}

const moneySchema = z.strictObject({
  minor: z
    .number()
    .int("minor units must be a whole number")
    .refine(Number.isSafeInteger, "amount too large"),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
})

const factsSchema = z.strictObject({
  customerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be a customer id"),
  name: z.string().min(1).max(200).optional(),
  industry: z.string().min(1).max(200).optional(),
  revenue: moneySchema.refine((money) => money.minor >= 0, {
    message: "must not be negative",
    path: ["minor"],
  }),
  previousRevenue: moneySchema.refine((money) => money.minor >= 0, {
    message: "must not be negative",
    path: ["minor"],
  }),
  grossMargin: moneySchema,
  creditScore: z.number().finite().min(0).max(100).optional(),
  categoryPurchases: moneySchema
    .refine((money) => money.minor >= 0, { message: "must not be negative", path: ["minor"] })
    .optional(),
})

const periodSchema = z
  .strictObject({
    from: civilDateSchema,
    to: civilDateSchema,
  })
  .refine((period) => period.from <= period.to, { message: "must not end before it starts", path: ["to"] })

/**
 * Validates the customers to grade: well-formed facts, every amount in `currency`, and each
 * customer once. Paths name the customer's position and the field, e.g. `[12, "revenue", "minor"]`.
 */
export function parseCustomerFacts(
  input: unknown,
  currency: string,
): Result.Result<ReadonlyArray<CustomerFacts>, ValidationError> {
  const parsed = z.array(factsSchema).safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("grading.customers", parsed.error.issues))
  const issues: Array<ValidationIssue> = []
  const seen = new Map<string, number>()
  parsed.data.forEach((facts, index) => {
    for (const key of ["revenue", "previousRevenue", "grossMargin", "categoryPurchases"] as const) {
      const amount = facts[key]
      if (amount !== undefined && amount.currency !== currency) {
        issues.push({ path: [index, key, "currency"], message: `must be ${currency}`, code: "rule" })
      }
    }
    const first = seen.get(facts.customerId)
    if (first !== undefined) {
      issues.push({
        path: [index, "customerId"],
        message: `duplicate customer (also at ${first})`,
        code: "rule",
      })
    } else seen.set(facts.customerId, index)
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "grading.customers", issues }))
  return Result.succeed(parsed.data as unknown as ReadonlyArray<CustomerFacts>)
}

/** Validates a grading period: two real dates, the end not before the start. */
export function parseGradingPeriod(input: unknown): Result.Result<GradingPeriod, ValidationError> {
  const parsed = periodSchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("grading.period", parsed.error.issues))
  return Result.succeed(parsed.data as GradingPeriod)
}
