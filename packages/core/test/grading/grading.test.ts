import { Grading, Money } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { distributorCustomers } from "./fixtures.ts"

const policy = Grading.defaultGradingPolicy
const graded = () => Result.getOrThrow(Grading.gradeCustomers({ customers: distributorCustomers }, policy))
const byId = (result: Grading.GradingResult) =>
  Object.fromEntries(result.customers.map((customer) => [customer.customerId, customer]))

describe("grading: the distributor's worked example", () => {
  it("ABC on revenue, A ≤ 80 %, B ≤ 95 % (crossing customer stays below the line)", () => {
    // Ranked by revenue, cumulative of ¥10,000,000:
    // C01 4.0M 40 % A · C02 6.5M 65 % A · C03 8.0M 80 % A (exactly on the cut-off: within)
    // C04 8.8M 88 % B · C05 9.3M 93 % B · C06 9.6M 96 % C · C07 9.8M C · C08 9.9M C
    // C09 10.0M C (ties with C08, comes later in input order) · C10 ¥0, no accumulation: C.
    const customers = byId(graded())
    const classes = Object.fromEntries(Object.entries(customers).map(([id, c]) => [id, c.abc.class]))
    expect(classes).toEqual({
      C01: "A",
      C02: "A",
      C03: "A",
      C04: "B",
      C05: "B",
      C06: "C",
      C07: "C",
      C08: "C",
      C09: "C",
      C10: "C",
    })
    expect(customers.C03!.abc.cumulativeSharePercent).toBe(80)
    expect(customers.C03!.abc.rank).toBe(3)
    expect(customers.C08!.abc.rank).toBe(8)
    expect(customers.C09!.abc.rank).toBe(9)
    expect(customers.C04!.abc.cumulative).toEqual(Money.ofMajor("8800000", "CNY"))
    expect(customers.C03!.reasons[0]!.en).toBe(
      "A (vital few): revenue CN¥1,500,000.00 ranks 3, cumulative share 80.00% (≤ 80%)",
    )
  })

  it("ABC with the crossing customer joining the upper class", () => {
    // Upper crossing tests the share before the customer: C04 starts at 80 % (not below 80 %): B;
    // C06 starts at 93 % < 95 %: B; C07 starts at 96 %: C.
    const upper = { ...policy, abc: { ...policy.abc, crossing: "upper" as const } }
    const result = Result.getOrThrow(Grading.gradeCustomers({ customers: distributorCustomers }, upper))
    expect(result.customers.map((c) => c.abc.class).join("")).toBe("AAABBBCCCC")
  })

  it("A–E bands of 客户分级表 by percentile rank of sales", () => {
    // Share of the 10 customers whose sales are at most the customer's:
    // C01 10/10 = 100 % A · C02 90 % A · C03 80 % B · C04 70 % C · C05 60 % D · C06 50 % E
    // C07 40 % E · C08 and C09 (both ¥100,000, with C10 below) 30 % E · C10 10 % E.
    const result = graded()
    expect(result.customers.map((c) => c.salesBand.band).join("")).toBe("AABCDEEEEE")
    expect(result.customers.map((c) => c.salesBand.measurePercent)).toEqual([
      100, 90, 80, 70, 60, 50, 40, 30, 30, 10,
    ])
    expect(result.summary.salesBands).toEqual({ A: 2, B: 1, C: 1, D: 1, E: 5 })
  })

  it("AAA/AA/A/B from the weighted composite of 客户开发评定表", () => {
    // Weights growth 30, credit 40, margin 30. Growth scores 0 at −20 %, 100 at +30 %;
    // margin 0 at 0 %, 100 at 30 %.
    // C01: growth 25 % → 90, margin 25 % → 83.33, credit 90 → 27 + 36 + 25 = 88.0 → AAA
    // C02: growth 0 % → 40, margin 20 % → 66.67, credit 80 → 12 + 32 + 20 = 64.0 → A
    // C03: growth 50 % → 100, margin 30 % → 100, credit 70 → 30 + 28 + 30 = 88.0 → AAA
    // C04: growth −20 % → 0, margin 10 % → 33.33, credit 60 → 0 + 24 + 10 = 34.0 → B
    // C05: new customer → 50, margin 20 % → 66.67, unscored → 50 → 15 + 20 + 20 = 55.0 → A (on the bound)
    // C06: growth 20 % → 80, margin 20 % → 66.67, credit 85 → 24 + 34 + 20 = 78.0 → AA
    // C07: growth −50 % → 0, margin 5 % → 16.67, credit 40 → 0 + 16 + 5 = 21.0 → B
    // C08: growth 0 % → 40, margin 30 % → 100, credit 75 → 12 + 30 + 30 = 72.0 → AA
    // C09: growth 100 % → 100, margin −5 % → 0, credit 55 → 30 + 22 + 0 = 52.0 → B
    // C10: growth −100 % → 0, no revenue → margin 0, credit 30 → 12.0 → B
    const result = graded()
    expect(result.customers.map((c) => c.composite.score)).toEqual([88, 64, 88, 34, 55, 78, 21, 72, 52, 12])
    expect(result.customers.map((c) => c.composite.grade)).toEqual([
      "AAA",
      "A",
      "AAA",
      "B",
      "A",
      "AA",
      "B",
      "AA",
      "B",
      "B",
    ])
    const c05 = byId(result).C05!
    expect(c05.composite.growth.input).toBeUndefined()
    expect(c05.composite.credit.input).toBeUndefined()
    expect(c05.composite.lowerBound).toBe(55)
    expect(c05.composite.next).toEqual({ grade: "AA", lowerBound: 70 })
    expect(c05.reasons[2]!["zh-CN"]).toBe(
      "A 级：综合得分 55.0 = 增长 50.0×30% + 信用 50.0×40% + 利润 66.7×30%（≥ 55）",
    )
    expect(result.summary.grades).toEqual({ AAA: 2, AA: 2, A: 2, B: 4 })
  })

  it("service tiers follow the grade (服务分层)", () => {
    const result = graded()
    expect(result.customers.map((c) => c.serviceTier)).toEqual([
      "strategic",
      "standard",
      "strategic",
      "basic",
      "standard",
      "key",
      "basic",
      "key",
      "basic",
      "basic",
    ])
    expect(byId(result).C01!.entitlement.revisitIntervalDays).toBe(30)
    expect(Grading.serviceTierOf("AA", policy).tier).toBe("key")
  })

  it("the three lists of 重点客户管理表", () => {
    // Sales: every customer with revenue, largest first (C10 sold nothing).
    // Growth: C09 100 %, C03 50 %, C01 25 %, C06 20 %, C02 0 %, C08 0 % (tie: input order),
    //   C04 −20 %, C07 −50 %, C10 −100 %; C05 is new, without a growth rate.
    // Margin: C03 30 %, C08 30 %, C01 25 %, C02 20 %, C05 20 %, C06 20 %, C04 10 %, C07 5 %, C09 −5 %.
    const result = graded()
    expect(result.topLists.sales.map((entry) => entry.customerId)).toEqual([
      "C01",
      "C02",
      "C03",
      "C04",
      "C05",
      "C06",
      "C07",
      "C08",
      "C09",
    ])
    expect(result.topLists.growth.map((entry) => entry.customerId)).toEqual([
      "C09",
      "C03",
      "C01",
      "C06",
      "C02",
      "C08",
      "C04",
      "C07",
      "C10",
    ])
    expect(result.topLists.growth[0]!.ratePercent).toBe(100)
    expect(result.topLists.margin.map((entry) => entry.customerId)).toEqual([
      "C03",
      "C08",
      "C01",
      "C02",
      "C05",
      "C06",
      "C04",
      "C07",
      "C09",
    ])
    const three = {
      ...policy,
      topLists: { size: 3, rateListMinimumRevenueMinor: Money.ofMajor("200000", "CNY").minor },
    }
    const small = Result.getOrThrow(Grading.gradeCustomers({ customers: distributorCustomers }, three))
    expect(small.topLists.sales.map((entry) => entry.position)).toEqual([1, 2, 3])
    // C09 (¥100,000) falls below the minimum revenue for the rate lists.
    expect(small.topLists.growth.map((entry) => entry.customerId)).toEqual(["C03", "C01", "C06"])
    expect(small.topLists.margin.map((entry) => entry.customerId)).toEqual(["C03", "C01", "C02"])
  })

  it("sums each ABC class exactly", () => {
    // A: C01–C03 = ¥8,000,000; B: C04, C05 = ¥1,300,000; C: the rest = ¥700,000.
    expect(graded().summary.abc).toEqual({
      A: { customers: 3, value: Money.ofMajor("8000000", "CNY") },
      B: { customers: 2, value: Money.ofMajor("1300000", "CNY") },
      C: { customers: 5, value: Money.ofMajor("700000", "CNY") },
    })
  })

  it("ABC on gross margin lets negative margins fall to C without accumulating", () => {
    // Margins: C01 1,000,000 · C02 500,000 · C03 450,000 · C05 100,000 · C04 80,000 · C06 60,000
    // · C08 30,000 · C07 10,000 · C09 −5,000 · C10 0; positive total 2,230,000.
    // Cumulative: C01 44.8 % A · C02 67.3 % A · C03 87.4 % B · C05 91.9 % B · C04 95.5 % C …
    const onMargin = { ...policy, abc: { ...policy.abc, basis: "grossMargin" as const } }
    const result = Result.getOrThrow(Grading.gradeCustomers({ customers: distributorCustomers }, onMargin))
    expect(result.customers.map((c) => c.abc.class).join("")).toBe("AABCBCCCCC")
    expect(byId(result).C09!.reasons[0]!.en).toContain("does not accumulate")
  })

  it("share-of-wallet bands read the customer's category purchases", () => {
    // C01 bought ¥5,000,000 in the category, ¥4,000,000 from us: 80 % → band B.
    // C02 has no purchases recorded → unknown → E.
    const wallet = { ...policy, salesBands: { ...policy.salesBands, measure: "shareOfWallet" as const } }
    const customers = distributorCustomers.map((facts, index) =>
      index === 0 ? { ...facts, categoryPurchases: Money.ofMajor("5000000", "CNY") } : facts,
    )
    const result = Result.getOrThrow(Grading.gradeCustomers({ customers }, wallet))
    expect(result.customers[0]!.salesBand).toMatchObject({
      band: "B",
      measurePercent: 80,
      lowerBoundPercent: 80,
    })
    expect(result.customers[1]!.salesBand).toMatchObject({ band: "E", measurePercent: undefined })
  })
})

describe("grading: bad input", () => {
  it("names the customer and the field", () => {
    const customers = [
      distributorCustomers[0],
      { ...distributorCustomers[1], revenue: { minor: -1, currency: "CNY" } },
      { ...distributorCustomers[2], grossMargin: Money.ofMajor("1", "USD") },
      { ...distributorCustomers[3], customerId: "C01" },
    ]
    const result = Grading.gradeCustomers({ customers }, policy)
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path)).toEqual([[1, "revenue", "minor"]])
    }
    const second = Grading.gradeCustomers({ customers: customers.filter((_, index) => index !== 1) }, policy)
    if (Result.isFailure(second)) {
      expect(second.failure.issues.map((issue) => issue.path)).toEqual([
        [1, "grossMargin", "currency"],
        [2, "customerId"],
      ])
    } else expect.unreachable()
  })

  it("rejects columns of the wrong length or with fractional money", () => {
    const result = Grading.gradeColumns(
      {
        count: 2,
        revenue: new Float64Array([1.5, 2]),
        previousRevenue: new Float64Array([0]),
        grossMargin: new Float64Array([0, 0]),
        creditScore: new Float64Array([Number.NaN, 101]),
      },
      policy,
    )
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path)).toEqual([
        ["revenue", 0],
        ["previousRevenue"],
        ["creditScore", 1],
      ])
    } else expect.unreachable()
  })

  it("asks for category purchases when the bands measure share of wallet", () => {
    const wallet = { ...policy, salesBands: { ...policy.salesBands, measure: "shareOfWallet" as const } }
    const columns = Grading.columnsOfFacts(distributorCustomers)
    const { categoryPurchases: _, ...withoutPurchases } = columns
    const result = Grading.gradeColumns(withoutPurchases, wallet)
    expect(Result.isFailure(result) && result.failure.issues[0]!.path).toEqual(["categoryPurchases"])
  })
})
