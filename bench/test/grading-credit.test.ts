import { Credit, Grading } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { generateCustomerBase, plainSortAndAccumulate, seededRandom } from "../grading-credit-data.ts"

describe("the grading-credit benchmark's data and floor", () => {
  it("generates the same customers from the same seed", () => {
    const first = generateCustomerBase(2_000, 5)
    const second = generateCustomerBase(2_000, 5)
    expect(first.grading.revenue).toEqual(second.grading.revenue)
    expect(first.credit.answers).toEqual(second.credit.answers)
    expect(generateCustomerBase(2_000, 5, 7).grading.revenue).not.toEqual(first.grading.revenue)
    expect(seededRandom(1)()).toBe(seededRandom(1)())
  })

  it("is data tixi accepts, and the floor classifies it as tixi does where no values tie", () => {
    const base = generateCustomerBase(5_000, 74)
    const credit = Result.getOrThrow(Credit.assessCreditColumns(base.credit, Credit.defaultCreditPolicy))
    const graded = Result.getOrThrow(
      Grading.gradeColumns({ ...base.grading, creditScore: credit.score }, Grading.defaultGradingPolicy),
    )
    const floor = plainSortAndAccumulate(base.grading.revenue)
    const counts = new Map<number, number>()
    for (const value of base.grading.revenue) counts.set(value, (counts.get(value) ?? 0) + 1)
    let compared = 0
    base.grading.revenue.forEach((value, row) => {
      if (value > 0 && counts.get(value) === 1) {
        expect(floor[row]).toBe(graded.abc.classCode[row])
        compared++
      }
    })
    expect(compared).toBeGreaterThan(4_000)
  })
})
