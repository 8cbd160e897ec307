import { Result } from "effect"
import { z } from "zod"
import { CreditGrade } from "../../credit/labels/credit-grade.ts"
import { nonNegativeMoneyInputSchema } from "../../credit/schema/money-input.ts"
import { fromZodIssues, type ValidationError } from "../../errors/validation-error.ts"
import { CustomerGrade, isGradeAtLeast } from "../../grading/labels/customer-grade.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { format, type Money, ofMinor } from "../../money/money.ts"
import type { ScreeningCriterion } from "../labels/screening-criterion.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"

/** What screening reads of a candidate: its rank, credit, grade, revenue and years with the company. */
export interface ScreeningCandidate {
  readonly customerId: CustomerId
  readonly name?: string
  /** 1-based rank by the grading basis (the ABC rank). */
  readonly rank: number
  readonly creditGrade: CreditGrade
  readonly customerGrade: CustomerGrade
  readonly annualRevenue: Money
  readonly yearsOfBusiness: number
}

/** One criterion's verdict with its reason. */
export interface ScreeningCheck {
  readonly criterion: ScreeningCriterion
  readonly passed: boolean
  readonly reason: Label
}

/** A candidate screened: selected when every criterion holds (the 大客户评定表 row). */
export interface ScreeningResult {
  readonly customerId: CustomerId
  readonly name: string | undefined
  readonly selected: boolean
  readonly checks: ReadonlyArray<ScreeningCheck>
}

const candidateSchema = z.strictObject({
  customerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be a customer id"),
  name: z.string().min(1).max(200).optional(),
  rank: z.number().int().min(1),
  creditGrade: CreditGrade.schema,
  customerGrade: CustomerGrade.schema,
  annualRevenue: nonNegativeMoneyInputSchema,
  yearsOfBusiness: z.number().int().min(0).max(500),
})

const creditAtLeast = (grade: CreditGrade, minimum: CreditGrade) =>
  CreditGrade.values.indexOf(grade) <= CreditGrade.values.indexOf(minimum)

/**
 * Screens candidates for key accounts (大客户筛选, 004 ch.4 §3 大客户评定表 and 000 ch.4
 * 大客户筛选制度): the ranking, the credit grade and the set conditions (revenue, customer grade,
 * years of business), each with the figure it was judged on. A candidate is selected when all
 * hold. Bad candidates give a `ValidationError` naming the position and field.
 */
export function screenKeyAccounts(
  candidates: unknown,
  policy: AccountsPolicy,
): Result.Result<ReadonlyArray<ScreeningResult>, ValidationError> {
  const parsed = z.array(candidateSchema).safeParse(candidates)
  if (!parsed.success) return Result.fail(fromZodIssues("accounts.screening", parsed.error.issues))
  const rules = policy.screening
  const minimumRevenue = ofMinor(rules.minimumAnnualRevenueMinor, policy.currency)
  return Result.succeed(
    (parsed.data as unknown as ReadonlyArray<ScreeningCandidate>).map((candidate) => {
      const checks: Array<ScreeningCheck> = [
        {
          criterion: "ranking",
          passed: candidate.rank <= rules.maximumRank,
          reason: label(
            `排名第 ${candidate.rank}（前 ${rules.maximumRank} 名）`,
            `ranked ${candidate.rank} (top ${rules.maximumRank})`,
          ),
        },
        {
          criterion: "credit",
          passed: creditAtLeast(candidate.creditGrade, rules.minimumCreditGrade),
          reason: label(
            `信用等级 ${candidate.creditGrade}（至少 ${rules.minimumCreditGrade}）`,
            `credit grade ${candidate.creditGrade} (at least ${rules.minimumCreditGrade})`,
          ),
        },
        {
          criterion: "revenue",
          passed:
            candidate.annualRevenue.currency === policy.currency &&
            candidate.annualRevenue.minor >= rules.minimumAnnualRevenueMinor,
          reason: label(
            `年销售额 ${format(candidate.annualRevenue, "zh-CN")}（至少 ${format(minimumRevenue, "zh-CN")}）`,
            `annual revenue ${format(candidate.annualRevenue, "en")} (at least ${format(minimumRevenue, "en")})`,
          ),
        },
        {
          criterion: "grade",
          passed: isGradeAtLeast(candidate.customerGrade, rules.minimumCustomerGrade),
          reason: label(
            `客户等级 ${candidate.customerGrade}（至少 ${rules.minimumCustomerGrade}）`,
            `customer grade ${candidate.customerGrade} (at least ${rules.minimumCustomerGrade})`,
          ),
        },
        {
          criterion: "tenure",
          passed: candidate.yearsOfBusiness >= rules.minimumYearsOfBusiness,
          reason: label(
            `合作 ${candidate.yearsOfBusiness} 年（至少 ${rules.minimumYearsOfBusiness} 年）`,
            `${candidate.yearsOfBusiness} years of business (at least ${rules.minimumYearsOfBusiness})`,
          ),
        },
      ]
      return {
        customerId: candidate.customerId,
        name: candidate.name,
        selected: checks.every((check) => check.passed),
        checks,
      }
    }),
  )
}
