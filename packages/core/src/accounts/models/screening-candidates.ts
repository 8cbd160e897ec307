import type { CreditGrade } from "../../credit/labels/credit-grade.ts"
import type { GradingResult } from "../../grading/models/grade-customers.ts"
import type { ScreeningCandidate } from "./screening.ts"

/**
 * Screening candidates from a grading run (rank by the grading basis, the AAA–B grade, the
 * period's revenue), the credit grades in force and the years of business, for
 * `screenKeyAccounts`. Customers without a credit grade are
 * left out: no customer becomes a key account without a credit evaluation.
 */
export function screeningCandidates(
  grading: GradingResult,
  creditGrades: ReadonlyMap<string, CreditGrade>,
  yearsOfBusiness: ReadonlyMap<string, number>,
): ReadonlyArray<ScreeningCandidate> {
  return grading.customers.flatMap((customer) => {
    const creditGrade = creditGrades.get(customer.customerId)
    if (creditGrade === undefined) return []
    return [
      {
        customerId: customer.customerId,
        ...(customer.name === undefined ? {} : { name: customer.name }),
        rank: customer.abc.rank,
        creditGrade,
        customerGrade: customer.composite.grade,
        annualRevenue: customer.revenue,
        yearsOfBusiness: yearsOfBusiness.get(customer.customerId) ?? 0,
      },
    ]
  })
}
