import { Accounts, type CivilDate, Credit, Grading } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { generateCustomers } from "../src/customers.ts"
import { gradeAndScore, renderGradingCredit } from "../src/grading-credit.ts"
import { Random } from "../src/random.ts"
import { displayWidth } from "../src/text-table.ts"

const customers = generateCustomers(new Random(11), 200)
const asOf = "2026-04-04" as CivilDate
const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0)

describe("the demo's grading, credit and key accounts", () => {
  it("is deterministic: the same seed gives the same section, another seed another", () => {
    const first = JSON.stringify(gradeAndScore(customers, 11, asOf))
    expect(JSON.stringify(gradeAndScore(customers, 11, asOf))).toBe(first)
    expect(JSON.stringify(gradeAndScore(customers, 12, asOf))).not.toBe(first)
  })

  it("adds up: every customer once in the ABC classes, the grades, the tiers and the credit grades", () => {
    const report = gradeAndScore(customers, 11, asOf, new Map([[customers[0]!.id, 3]]))
    expect(sum(report.grading.abc.map((row) => row.customers))).toBe(customers.length)
    expect(sum(Object.values(report.grading.grades))).toBe(customers.length)
    expect(sum(Object.values(report.grading.serviceTiers))).toBe(customers.length)
    expect(sum(report.credit.grades.map((row) => row.customers))).toBe(customers.length)
    expect(Math.round(sum(report.grading.abc.map((row) => row.revenueSharePercent)))).toBe(100)
    // Class A holds at most 80 % of revenue (the crossing customer stays below the line).
    expect(report.grading.abc[0]!.revenueSharePercent).toBeLessThanOrEqual(80)
    // Cash customers (D) get no limit; the over-limit list is the furthest over first.
    expect(report.credit.grades.find((row) => row.grade === "D")!.totalLimit).toBe("0.00")
    const excesses = report.credit.overLimit.map((row) => Number(row.excess))
    expect(excesses).toEqual([...excesses].sort((left, right) => right - left))
    for (const row of report.credit.overLimit) {
      expect(Number(row.exposure) - Number(row.limit)).toBeCloseTo(Number(row.excess), 2)
    }
    // Every order that needed approval was approved or refused through the override decider.
    const checks = report.credit.orderChecks
    expect(report.credit.overrides.approved + report.credit.overrides.rejected).toBe(checks.approval)
    expect(report.credit.dangerCount).toBeGreaterThanOrEqual(report.credit.danger.length)
    // Key accounts meet the screening: AA or better, credit B or better.
    for (const account of report.keyAccounts.selected) {
      expect(Grading.isGradeAtLeast(account.grade, "AA")).toBe(true)
      expect(Credit.CreditGrade.values.indexOf(account.creditGrade)).toBeLessThanOrEqual(1)
      expect(Accounts.ValueQuadrant.is(account.quadrant)).toBe(true)
    }
    expect(sum(Object.values(report.keyAccounts.quadrants))).toBe(report.keyAccounts.candidates)
  })

  it("renders in both languages with the tables lined up", () => {
    const report = gradeAndScore(customers, 11, asOf)
    for (const locale of ["zh-CN", "en"] as const) {
      const text = renderGradingCredit(report, locale)
      expect(text).toContain(locale === "zh-CN" ? "重点客户管理表" : "Key customers")
      expect(text).toContain(locale === "zh-CN" ? "超出信用额度的客户" : "Customers over their limit")
      // Each table's rule and its rows have the same display width.
      const lines = text.split("\n")
      lines.forEach((line, index) => {
        if (!line.trim().startsWith("─")) return
        const heading = lines[index - 1]!
        expect(displayWidth(heading.trimEnd())).toBeLessThanOrEqual(displayWidth(line))
      })
    }
  })
})
