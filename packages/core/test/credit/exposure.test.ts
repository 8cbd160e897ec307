import { Credit, customerId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { yuan } from "./fixtures.ts"

const policy = Credit.defaultCreditPolicy

const position = {
  customerId: customerId("W01"),
  grade: "B" as Credit.CreditGrade,
  limit: yuan("200000"),
  openReceivables: yuan("150000"),
  openOrders: yuan("40000"),
  oldestOverdueDays: 0,
  bouncedPayments: 0,
  bankruptcySigns: [],
}

const check = (order: string, changes: Partial<typeof position> = {}) =>
  Result.getOrThrow(Credit.checkOrder({ ...position, ...changes, order: yuan(order) }, policy))

describe("exposure against the limit (资信控制)", () => {
  it("is exact to the fen at the limit and at the tolerance", () => {
    // Exposure ¥190,000, limit ¥200,000, grade B tolerance 5 % → warns up to ¥210,000.
    expect(check("10000").status).toBe("within") // exactly ¥200,000
    const justOver = check("10000.01")
    expect(justOver.status).toBe("warning")
    expect(justOver.excess).toEqual(yuan("0.01"))
    expect(justOver.tolerated).toEqual(yuan("210000"))
    expect(check("20000").status).toBe("warning") // exactly ¥210,000
    const approval = check("20000.01")
    expect(approval.status).toBe("approval")
    expect(approval.available).toEqual(yuan("-10000.01"))
    // The excess ¥10,000.01 is within a supervisor's override authority (¥20,000), but grade B
    // names the manager as the least approver.
    expect(approval.approval).toEqual({
      decidingRole: "manager",
      steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
      formId: "credit.override",
    })
  })

  it("routes large excesses up the ladder by authority", () => {
    // Excess ¥300,000: above the manager's ¥200,000, within the director's ¥1,000,000.
    expect(check("310000").approval?.decidingRole).toBe("director")
    const ladder = { ...policy, approval: { ...policy.approval, chain: "ladder" as const } }
    const result = Result.getOrThrow(Credit.checkOrder({ ...position, order: yuan("310000") }, ladder))
    expect(result.approval?.steps.map((step) => step.approvers[0])).toEqual([
      { role: "manager" },
      { role: "director" },
    ])
  })

  it("blocks, sends for approval or allows, by grade (Chinese ERPs differ; all three are possible)", () => {
    expect(check("20000.01", { grade: "D", limit: yuan("200000") }).status).toBe("blocked")
    const allowing = {
      ...policy,
      grades: policy.grades.map((terms) =>
        terms.grade === "B"
          ? { ...terms, overLimit: { ...terms.overLimit, action: "allow" as const } }
          : terms,
      ),
    }
    const allowed = Result.getOrThrow(Credit.checkOrder({ ...position, order: yuan("500000") }, allowing))
    expect(allowed.status).toBe("warning")
    expect(allowed.controls).toEqual(["limit"])
    const blocked = Credit.requireCredit(check("20000.01", { grade: "D" }))
    expect(Result.isFailure(blocked) && blocked.failure._tag).toBe("CreditLimitExceeded")
  })

  it("holds orders of customers overdue beyond the grace period", () => {
    const overdue = check("1", { oldestOverdueDays: 31 })
    expect(overdue.status).toBe("approval")
    expect(overdue.controls).toEqual(["overdue"])
    // Nothing over the limit: the whole order is the amount at stake.
    expect(overdue.approval?.decidingRole).toBe("manager")
    expect(check("1", { oldestOverdueDays: 30 }).status).toBe("within")
  })

  it("refuses bad input with paths", () => {
    const result = Credit.checkOrder({ ...position, order: { minor: -1, currency: "USD" } }, policy)
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual(["order.minor"])
    } else expect.unreachable()
  })
})

describe("overdue ageing (账龄)", () => {
  it("ages receivables into the policy's buckets (worked example)", () => {
    // As of 2026-03-31: due 04-10 not due ¥10,000; 03-15 16 days ¥20,000; 02-10 49 days ¥30,000;
    // 2025-12-01 120 days ¥5,000; 2025-08-01 242 days ¥1,000.
    const ageing = Credit.ageReceivables(
      [
        { amount: yuan("10000"), dueDate: "2026-04-10" as never },
        { amount: yuan("20000"), dueDate: "2026-03-15" as never },
        { amount: yuan("30000"), dueDate: "2026-02-10" as never },
        { amount: yuan("5000"), dueDate: "2025-12-01" as never },
        { amount: yuan("1000"), dueDate: "2025-08-01" as never },
      ],
      "2026-03-31" as never,
      policy,
    )
    expect(ageing.buckets.map((bucket) => [bucket.label.en, bucket.amount.minor])).toEqual([
      ["Not yet due", 1_000_000],
      ["1–30 days overdue", 2_000_000],
      ["31–60 days overdue", 3_000_000],
      ["61–90 days overdue", 0],
      ["91–180 days overdue", 500_000],
      ["Over 180 days overdue", 100_000],
    ])
    expect(ageing.total).toEqual(yuan("66000"))
    expect(ageing.overdue).toEqual(yuan("56000"))
    expect(ageing.oldestOverdueDays).toBe(242)
  })

  it("ages many customers' receivables in columns with the same buckets", () => {
    const asOf = "2026-03-31" as never
    const day = (date: string) => Number(new Date(`${date}T00:00:00Z`).getTime() / 86_400_000)
    const columns = Credit.ageReceivableColumns(
      {
        customer: Uint32Array.from([0, 1, 1, 0]),
        amountMinor: Float64Array.from([100, 200, 300, 400]),
        dueDay: Int32Array.from([day("2026-03-15"), day("2026-04-10"), day("2025-08-01"), day("2026-03-20")]),
      },
      asOf,
      2,
      policy,
    )
    expect(columns.buckets).toBe(6)
    expect(Array.from(columns.bucketMinor)).toEqual([0, 500, 0, 0, 0, 0, 200, 0, 0, 0, 0, 300])
    expect(Array.from(columns.oldestOverdueDays)).toEqual([16, 242])
  })
})

describe("customer lists from a columnar assessment", () => {
  it("finds the danger, excellent and over-limit customers", () => {
    const fiveC = { ...policy, scoring: { ...policy.scoring, model: "fiveC" as const } }
    // Rows: 0 excellent (A, within); 1 A but over its limit; 2 bounced payment; 3 B, within.
    const assessed = Result.getOrThrow(
      Credit.assessCreditColumns(
        {
          count: 4,
          answers: Uint8Array.from([
            90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 70, 70, 70, 70, 70,
          ]),
          annualRevenue: Float64Array.from([120_000_000, 120_000_000, 120_000_000, 120_000_000]),
          openReceivables: Float64Array.from([1_000_000, 40_000_000, 0, 0]),
          openOrders: Float64Array.from([0, 0, 0, 0]),
          oldestOverdueDays: Int32Array.from([0, 0, 0, 0]),
          bouncedPayments: Uint32Array.from([0, 0, 1, 0]),
          bankruptcySigns: Uint8Array.from([0, 0, 0, 0]),
        },
        fiveC,
      ),
    )
    // A: 3 months of ¥1,200,000 = ¥300,000; row 1 owes ¥400,000: ¥100,000 over.
    expect(Array.from(assessed.limit)).toEqual([30_000_000, 30_000_000, 30_000_000, 20_000_000])
    expect(Credit.dangerCustomerRows(assessed)).toEqual([{ row: 2, signals: ["bouncedPayments"] }])
    expect(Credit.excellentCustomerRows(assessed)).toEqual([0])
    expect(Credit.overLimitRows(assessed)).toEqual([1])
  })
})
