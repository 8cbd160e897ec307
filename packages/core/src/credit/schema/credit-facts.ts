import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { CustomerId } from "../../ids/ids.ts"
import type { Money } from "../../money/money.ts"
import { AssessmentAnswer } from "../labels/assessment-answer.ts"
import { BankruptcySign } from "../labels/bankruptcy-sign.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { nonNegativeMoneyInputSchema as nonNegativeMoney } from "./money-input.ts"

/**
 * An answer to one item of the scorecard: a judgement on the scale of 客户信用调查表
 * (很好 … 很差, or 不详) or a score 0–100 in whole points.
 */
export type ScorecardAnswer = AssessmentAnswer | number

/**
 * What the credit module knows of one customer: the investigation's answers, the purchases the
 * limit is measured on, what the customer owes and has on order, its payment record and the
 * bankruptcy signs staff recorded, and the grade and limit currently granted, if any.
 */
export interface CreditFacts {
  readonly customerId: CustomerId
  readonly name?: string
  /** Answers by scorecard item id (`company.finance.3`, `character`); absent items are unanswered. */
  readonly answers: Readonly<Record<string, ScorecardAnswer>>
  /** Purchases over the last twelve months, the base of the limit rule. */
  readonly annualRevenue: Money
  /** Open receivables (未收账款), invoiced and not yet paid. */
  readonly openReceivables: Money
  /** Open orders (未发货订单) not yet invoiced. */
  readonly openOrders: Money
  /** Days the oldest overdue receivable is past due; 0 when nothing is overdue (see `ageReceivables`). */
  readonly oldestOverdueDays: number
  /** Payments that bounced (退票) in the period the policy watches. */
  readonly bouncedPayments: number
  /** Signs of bankruptcy staff recorded (危险客户统计表 破产征兆). */
  readonly bankruptcySigns: ReadonlyArray<BankruptcySign>
  /** The grade granted by the last approved evaluation, when there was one. */
  readonly grantedGrade?: CreditGrade
  /** The limit granted by the last approved evaluation, when there was one. */
  readonly grantedLimit?: Money
}

const answerSchema = z.union([
  AssessmentAnswer.schema,
  z.number().int("must be a whole score").min(0, "at least 0").max(100, "at most 100"),
])

const factsSchema = z.strictObject({
  customerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be a customer id"),
  name: z.string().min(1).max(200).optional(),
  answers: z.record(z.string(), answerSchema),
  annualRevenue: nonNegativeMoney,
  openReceivables: nonNegativeMoney,
  openOrders: nonNegativeMoney,
  oldestOverdueDays: z.number().int().min(0).max(36_500),
  bouncedPayments: z.number().int().min(0).max(100_000),
  bankruptcySigns: z
    .array(BankruptcySign.schema)
    .refine((signs) => new Set(signs).size === signs.length, "each sign at most once"),
  grantedGrade: CreditGrade.schema.optional(),
  grantedLimit: nonNegativeMoney.optional(),
})

/**
 * Validates one customer's credit facts: amounts in `currency`, answers only for items of the
 * scorecard (`leafIds`), whole days and counts. Paths name the field, e.g. `["answers", "capital"]`.
 */
export function parseCreditFacts(
  input: unknown,
  currency: string,
  leafIds: ReadonlyArray<string>,
): Result.Result<CreditFacts, ValidationError> {
  const parsed = factsSchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues("credit.facts", parsed.error.issues))
  const facts = parsed.data
  const issues: Array<ValidationIssue> = []
  for (const key of ["annualRevenue", "openReceivables", "openOrders", "grantedLimit"] as const) {
    const amount = facts[key]
    if (amount !== undefined && amount.currency !== currency) {
      issues.push({ path: [key, "currency"], message: `must be ${currency}`, code: "rule" })
    }
  }
  const known = new Set(leafIds)
  for (const id of Object.keys(facts.answers)) {
    if (!known.has(id))
      issues.push({ path: ["answers", id], message: "is not an item of the scorecard", code: "rule" })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "credit.facts", issues }))
  return Result.succeed(facts as unknown as CreditFacts)
}
