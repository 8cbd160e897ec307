import { Grading, Money } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { distributorCustomers } from "./fixtures.ts"

const policy = Grading.defaultGradingPolicy

describe("re-grading reports who moved", () => {
  it("lists the moves by dimension and direction, the new and the gone", () => {
    const before = Result.getOrThrow(Grading.gradeCustomers({ customers: distributorCustomers }, policy))
    // Next year: C07 triples its sales with a good margin; C02's credit collapses; C10 is gone; C11 is new.
    const next = distributorCustomers
      .filter((facts) => facts.customerId !== "C10")
      .map((facts) => {
        if (facts.customerId === "C07")
          return {
            ...facts,
            previousRevenue: facts.revenue,
            revenue: Money.ofMajor("600000", "CNY"),
            grossMargin: Money.ofMajor("150000", "CNY"),
            creditScore: 80,
          }
        if (facts.customerId === "C02") return { ...facts, previousRevenue: facts.revenue, creditScore: 20 }
        return { ...facts, previousRevenue: facts.revenue }
      })
    const added = { ...distributorCustomers[4]!, customerId: "C11" as never, name: "新客户" }
    const after = Result.getOrThrow(Grading.gradeCustomers({ customers: [...next, added] }, policy))
    const report = Grading.regrade(before, after)
    expect(report.entered).toEqual(["C11"])
    expect(report.left).toEqual(["C10"])
    // C07: growth +200 % → 100, margin 25 % → 83.3, credit 80 → 30 + 32 + 25 = 87.0 → AAA (was B).
    const c07 = report.moves.filter((move) => move.customerId === "C07" && move.dimension === "grade")
    expect(c07).toMatchObject([{ from: "B", to: "AAA", direction: "up" }])
    // C02: growth 0 % → 40, margin 66.7, credit 20 → 12 + 8 + 20 = 40.0 → B (was A).
    const c02 = report.moves.filter((move) => move.customerId === "C02" && move.dimension === "grade")
    expect(c02).toMatchObject([{ from: "A", to: "B", direction: "down" }])
    expect(c02[0]!.reason.en).toBe("customer grade A → B (downgraded)")
    expect(report.moves.every((move) => move.from !== move.to)).toBe(true)
  })

  it("counts transitions between two columnar gradings", () => {
    const transitions = Grading.codeTransitions(
      Uint8Array.from([0, 1, 2, 3, 3]),
      Uint8Array.from([0, 2, 1, 3, 0]),
      4,
    )
    expect(Array.from(transitions.upgraded)).toEqual([2, 4])
    expect(Array.from(transitions.downgraded)).toEqual([1])
    expect(transitions.matrix[1 * 4 + 2]).toBe(1)
    expect(transitions.matrix[3 * 4 + 3]).toBe(1)
    expect(() => Grading.codeTransitions(new Uint8Array(1), new Uint8Array(2), 4)).toThrow(RangeError)
  })
})
