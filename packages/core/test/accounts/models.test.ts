import { Accounts, customerId, Grading, Money } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { distributorCustomers } from "../grading/fixtures.ts"

const policy = Accounts.defaultAccountsPolicy
const yuan = (amount: string) => Money.ofMajor(amount, "CNY")

describe("大客户筛选 (大客户评定表)", () => {
  it("selects the candidates that meet ranking, credit and every set condition", () => {
    const candidates = [
      {
        customerId: "K1",
        rank: 1,
        creditGrade: "A",
        customerGrade: "AAA",
        annualRevenue: yuan("4000000"),
        yearsOfBusiness: 6,
      },
      {
        customerId: "K2",
        rank: 2,
        creditGrade: "C",
        customerGrade: "AA",
        annualRevenue: yuan("2500000"),
        yearsOfBusiness: 3,
      },
      {
        customerId: "K3",
        rank: 150,
        creditGrade: "A",
        customerGrade: "AA",
        annualRevenue: yuan("1500000"),
        yearsOfBusiness: 2,
      },
      {
        customerId: "K4",
        rank: 3,
        creditGrade: "B",
        customerGrade: "A",
        annualRevenue: yuan("900000"),
        yearsOfBusiness: 0,
      },
    ]
    const results = Result.getOrThrow(Accounts.screenKeyAccounts(candidates, policy))
    expect(results.map((result) => result.selected)).toEqual([true, false, false, false])
    const failed = (index: number) =>
      results[index]!.checks.filter((check) => !check.passed).map((check) => check.criterion)
    expect(failed(1)).toEqual(["credit"])
    expect(failed(2)).toEqual(["ranking"])
    expect(failed(3)).toEqual(["revenue", "grade", "tenure"])
    expect(results[3]!.checks[2]!.reason["zh-CN"]).toBe("年销售额 ¥900,000.00（至少 ¥1,000,000.00）")
  })

  it("names a bad candidate's field", () => {
    const result = Accounts.screenKeyAccounts([{ customerId: "K1", rank: 0 }], policy)
    expect(Result.isFailure(result) && result.failure.issues[0]!.path).toEqual([0, "rank"])
  })
})

describe("current × potential value matrix", () => {
  it("splits at the 80th percentile of the customers on both axes (worked example)", () => {
    // Current (¥k): 900 700 500 400 300 200 150 100 50 10; sorted, the 8th of 10 (⌈0.8 × 10⌉) is 500.
    // Potential (¥k): 50 600 20 800 10 400 900 5 700 1; sorted, the 8th is 700.
    // High now: K1 900, K2 700, K3 500. High later: K9 700, K4 800, K7 900.
    // → K1, K2, K3 core (potential 50, 600, 20 below 700); K4, K7, K9 growth; the rest ordinary.
    const current = [900, 700, 500, 400, 300, 200, 150, 100, 50, 10]
    const potential = [50, 600, 20, 800, 10, 400, 900, 5, 700, 1]
    const accounts = current.map((value, index) => ({
      customerId: `K${index + 1}`,
      currentValue: yuan(String(value * 1000)),
      potentialValue: yuan(String(potential[index]! * 1000)),
    }))
    const matrix = Result.getOrThrow(Accounts.valueMatrix(accounts, policy))
    expect(matrix.currentThreshold).toEqual(yuan("500000"))
    expect(matrix.potentialThreshold).toEqual(yuan("700000"))
    expect(matrix.accounts.map((account) => account.quadrant)).toEqual([
      "core",
      "core",
      "core",
      "growth",
      "ordinary",
      "ordinary",
      "growth",
      "ordinary",
      "growth",
      "ordinary",
    ])
    const strategic = Result.getOrThrow(
      Accounts.valueMatrix(
        [{ ...accounts[0]!, potentialValue: yuan("800000") }, ...accounts.slice(1)],
        policy,
      ),
    )
    expect(strategic.accounts[0]!.quadrant).toBe("strategic")
    // K1's potential ¥800,000 moves the line to ¥800,000 (the 8th of 1, 5, 10, 20, 400, 600, 700,
    // 800, 800, 900): K1 strategic; K4 and K7 growth; K9 (700) falls to ordinary.
    expect(strategic.counts).toEqual({ strategic: 1, core: 2, growth: 2, ordinary: 5 })
  })

  it("reads potential from share of wallet", () => {
    // Buys ¥2,000,000 of the category, ¥500,000 from us at 20 % margin: (2,000,000 − 500,000) × 20 % = ¥300,000.
    expect(Accounts.potentialFromWallet(yuan("500000"), yuan("2000000"), yuan("100000"))).toEqual(
      yuan("300000"),
    )
    expect(Accounts.potentialFromWallet(yuan("500000"), yuan("400000"), yuan("100000"))).toEqual(yuan("0"))
  })
})

describe("customer lifetime value", () => {
  it("discounts the expected margins (worked example)", () => {
    // m ¥100, r 80 %, d 10 %, T 3: 100/1.1 + 80/1.21 + 64/1.331 = 90.909 + 66.116 + 48.084 = ¥205.11.
    const value = Result.getOrThrow(
      Accounts.customerLifetimeValue({ annualMargin: yuan("100"), horizonYears: 3 }, policy),
    )
    expect(value.value).toEqual(yuan("205.11"))
    expect(value.years.map((year) => Math.round(year.survival * 100) / 100)).toEqual([1, 0.8, 0.64])
    expect(value.formula).toContain("r^(t−1)")
  })

  it("with growth, retention cost and acquisition cost (worked example)", () => {
    // g 10 %, c ¥10, AC ¥50: (100 − 10)/1.1 + (110 − 10)·0.8/1.21 + (121 − 10)·0.64/1.331 − 50
    // = 81.818 + 66.116 + 53.373 − 50 = ¥151.31.
    const value = Result.getOrThrow(
      Accounts.customerLifetimeValue(
        {
          annualMargin: yuan("100"),
          horizonYears: 3,
          marginGrowthPercent: 10,
          annualRetentionCost: yuan("10"),
          acquisitionCost: yuan("50"),
        },
        policy,
      ),
    )
    expect(value.value).toEqual(yuan("151.31"))
  })

  it("tends to the margin multiple m ÷ (1 + d − r) over a long horizon", () => {
    // 100 ÷ (1 + 0.1 − 0.8) = ¥333.33 (Gupta & Lehmann's r ÷ (1 + i − r) = 2.667 times m counts from the second year).
    const value = Result.getOrThrow(
      Accounts.customerLifetimeValue({ annualMargin: yuan("100"), horizonYears: 100 }, policy),
    )
    expect(value.value).toEqual(yuan("333.33"))
  })

  it("refuses mixed currencies", () => {
    const result = Accounts.customerLifetimeValue(
      { annualMargin: yuan("100"), acquisitionCost: Money.ofMajor("5", "USD") },
      policy,
    )
    expect(Result.isFailure(result) && result.failure.issues[0]!.path).toEqual([
      "acquisitionCost",
      "currency",
    ])
  })
})

describe("revisit schedule (大客户回访)", () => {
  it("dates each revisit by the tier's interval, reminds and escalates by the policy", () => {
    // AAA every 30 days, AA every 60; reminders 7 days ahead, escalation 7 days late.
    const accounts = [
      {
        customerId: customerId("K1"),
        grade: "AAA" as const,
        lastRevisit: "2026-05-01" as never,
        since: "2025-01-01" as never,
      },
      {
        customerId: customerId("K2"),
        grade: "AA" as const,
        lastRevisit: "2026-04-10" as never,
        since: "2025-01-01" as never,
      },
      {
        customerId: customerId("K3"),
        grade: "AAA" as const,
        lastRevisit: "2026-04-20" as never,
        since: "2025-01-01" as never,
      },
      {
        customerId: customerId("K4"),
        grade: "AA" as const,
        lastRevisit: undefined,
        since: "2026-05-01" as never,
      },
      {
        customerId: customerId("K5"),
        grade: "AAA" as const,
        lastRevisit: "2026-03-20" as never,
        since: "2025-01-01" as never,
      },
    ]
    const schedule = Accounts.revisitSchedule(
      accounts,
      "2026-05-27" as never,
      Grading.defaultGradingPolicy,
      policy,
    )
    // K5 due 04-19, 38 days late → escalated; K3 due 05-20, 7 late → escalated (on the day);
    // K1 due 05-31 → due soon (reminded from 05-24); K2 due 06-09 → on track; K4 due 06-30 → on track.
    expect(schedule.map((entry) => [entry.customerId, entry.dueOn, entry.status, entry.daysOverdue])).toEqual(
      [
        ["K5", "2026-04-19", "escalated", 38],
        ["K3", "2026-05-20", "escalated", 7],
        ["K1", "2026-05-31", "dueSoon", 0],
        ["K2", "2026-06-09", "onTrack", 0],
        ["K4", "2026-06-30", "onTrack", 0],
      ],
    )
    const dayBefore = Accounts.revisitSchedule(
      accounts.slice(2, 3),
      "2026-05-26" as never,
      Grading.defaultGradingPolicy,
      policy,
    )
    expect(dayBefore[0]!.status).toBe("overdue")
  })
})

describe("大客户专员考核表", () => {
  const previous = Result.getOrThrow(
    Grading.gradeCustomers({ customers: distributorCustomers }, Grading.defaultGradingPolicy),
  )
  // A year later: C06 (AA) sold nothing (orders all moved away) → churned; C02 (A) grows into AA;
  // K-NEW is a new AA+ account signed this year with ¥3,000,000 of orders.
  const nextYear = distributorCustomers.map((facts) => {
    if (facts.customerId === "C06")
      return { ...facts, previousRevenue: facts.revenue, revenue: yuan("0"), grossMargin: yuan("0") }
    if (facts.customerId === "C02")
      return {
        ...facts,
        previousRevenue: facts.revenue,
        revenue: yuan("3250000"),
        grossMargin: yuan("812500"),
        creditScore: 85,
      }
    return { ...facts, previousRevenue: facts.revenue }
  })
  const won = {
    customerId: customerId("K-NEW"),
    name: "新签大客户",
    revenue: yuan("3000000"),
    previousRevenue: yuan("0"),
    grossMargin: yuan("900000"),
    creditScore: 95,
  }
  const current = Result.getOrThrow(
    Grading.gradeCustomers({ customers: [...nextYear, won] }, Grading.defaultGradingPolicy),
  )

  it("scores each goal from the two gradings and the period's records (worked example)", () => {
    // AA+ at the start among the officer's accounts C01 (AAA), C03 (AAA), C06 (AA), C08 (AA): 4.
    // C06 churned → 25 % ≥ 10 % → churn score 0.
    // C02: growth 30 % → 100, margin 25 % → 83.3, credit 85 → 30 + 34 + 25 = 89 → AAA: 1 upgrade → 1/5 → 20.
    // K-NEW signed, new customer: growth 50, margin 30 % → 100, credit 95 → 15 + 38 + 30 = 83 → AA.
    //   Signed 1 of 5 → 20; its orders ¥3,000,000 of ¥4,000,000 → 75.
    // Plan 90 → 90. Offices: 华东 5 (≤ 7 → 100), 华南 10 (→ 100 × (14 − 10)/(14 − 7) = 57.1) → mean 78.6.
    // Total = 90×10 % + 0×30 % + 20×20 % + 75×10 % + 20×20 % + 78.57×10 % = 9 + 0 + 4 + 7.5 + 4 + 7.86 = 32.4.
    const card = Result.getOrThrow(
      Accounts.scoreOfficer(
        {
          accounts: ["C01", "C02", "C03", "C06", "C08", "K-NEW"].map(customerId),
          previous,
          current,
          maintenancePlanScore: 90,
          targetsIdentified: 8,
          contractsSigned: [customerId("K-NEW")],
          complaintsByOffice: { 华东: 5, 华南: 10 },
        },
        policy,
      ),
    )
    expect(card.churned).toEqual(["C06"])
    expect(card.upgraded).toEqual(["C02"])
    expect(card.kpis.map((line) => [line.kpi, line.actual, line.score])).toEqual([
      ["maintenancePlan", 90, 90],
      ["keyAccountChurn", 25, 0],
      ["newKeyAccounts", 1, 20],
      ["newKeyAccountOrders", 300_000_000, 75],
      ["upgrades", 1, 20],
      ["officeComplaints", 10, 78.6],
    ])
    expect(card.total).toBe(32.4)
    expect(card.kpis[2]!.detail["zh-CN"]).toBe("确定目标大客户 8 个，签订合同 1 个")
  })

  it("gives full marks when the handbook's targets are met", () => {
    const goal = policy.officerKpis.find((kpi) => kpi.kpi === "officeComplaints")!
    expect(Accounts.kpiScore(goal, 7)).toBe(100)
    expect(Accounts.kpiScore(goal, 14)).toBe(0)
    const churn = policy.officerKpis.find((kpi) => kpi.kpi === "keyAccountChurn")!
    expect(Accounts.kpiScore(churn, 0)).toBe(100)
    expect(Accounts.kpiScore(churn, 5)).toBe(50)
  })
})

describe("satisfaction survey gap analysis (大客户问卷调查表)", () => {
  it("compares with the previous survey by question, group and overall", () => {
    const previous = {
      impression: 4,
      knowsOffer: 3,
      serviceSatisfaction: 4,
      productStable: 4,
      faultResponse: 4,
      solutions: 3,
      managerKnowsYou: 4,
      managerRapport: 5,
    }
    const current = {
      impression: 4.5,
      knowsOffer: 3,
      serviceSatisfaction: 3,
      productStable: 4,
      faultResponse: 2.5,
      solutions: 4,
      managerKnowsYou: 4,
      managerRapport: 5,
      managerAdvice: 3,
    }
    const gap = Result.getOrThrow(Accounts.satisfactionGap({ previous, current }, policy))
    const byId = Object.fromEntries(gap.items.map((line) => [line.item.id, line]))
    expect(byId.impression).toMatchObject({ gap: 0.5, trend: "improved" })
    expect(byId.faultResponse).toMatchObject({ gap: -1.5, trend: "declined" })
    expect(byId.managerAdvice).toMatchObject({ previous: undefined, trend: "new" })
    // Declines worst first: 故障响应 −1.5, then 服务满意 −1.
    expect(gap.declines.map((item) => item.id)).toEqual(["faultResponse", "serviceSatisfaction"])
    expect(gap.improvements.map((item) => item.id)).toEqual(["solutions", "impression"])
    // 公司: previous (4 + 3 + 4)/3 = 3.67, current (4.5 + 3 + 3)/3 = 3.5, gap −0.17 → steady.
    // 产品和服务: (4 + 4 + 3)/3 = 3.67 → (4 + 2.5 + 4)/3 = 3.5 → steady.
    // 人员: over the two answered both times: 4.5 → 4.5; the current mean counts the new item: 4.
    expect(
      gap.groups.map((group) => [group.group, group.previous, group.current, group.gap, group.trend]),
    ).toEqual([
      ["company", 3.67, 3.5, -0.17, "steady"],
      ["productsAndServices", 3.67, 3.5, -0.17, "steady"],
      ["staff", 4.5, 4, 0, "steady"],
    ])
  })

  it("refuses unknown questions and scores off the scale", () => {
    const result = Accounts.satisfactionGap({ current: { impression: 6, mood: 3 } }, policy)
    expect(Result.isFailure(result) && result.failure.issues[0]!.path).toEqual(["current", "impression"])
    const unknown = Accounts.satisfactionGap({ current: { mood: 3 } }, policy)
    expect(Result.isFailure(unknown) && unknown.failure.issues[0]!.path).toEqual(["current", "mood"])
  })
})

describe("screening candidates from a grading run", () => {
  it("takes rank, grade and revenue from the run and leaves out customers never credit-evaluated", () => {
    const grading = Result.getOrThrow(
      Grading.gradeCustomers({ customers: distributorCustomers }, Grading.defaultGradingPolicy),
    )
    const candidates = Accounts.screeningCandidates(
      grading,
      new Map([
        ["C01", "A"],
        ["C03", "B"],
        ["C06", "A"],
      ] as const),
      new Map([
        ["C01", 8],
        ["C03", 3],
      ]),
    )
    expect(
      candidates.map((candidate) => [candidate.customerId, candidate.rank, candidate.customerGrade]),
    ).toEqual([
      ["C01", 1, "AAA"],
      ["C03", 3, "AAA"],
      ["C06", 6, "AA"],
    ])
    const screened = Result.getOrThrow(Accounts.screenKeyAccounts(candidates, policy))
    // C06: AA and credit A, but ¥300,000 < ¥1,000,000 and no years on record.
    expect(screened.map((result) => result.selected)).toEqual([true, true, false])
  })
})
