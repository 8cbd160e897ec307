import { Money, Quality, type ValidationError } from "@tixi/core"
import { describe, expect, it } from "vitest"

const { loyaltyIndicators, gapAnalysis } = Quality
const options = { confidence: 0.95, minimumSampleSize: 30 }

describe("loyalty indicators (000 2.5.7) and the loyalty–satisfaction model (2.5.8)", () => {
  const yuan = (amount: string) => Money.ofMajor(amount, "CNY")
  const records: ReadonlyArray<Quality.CustomerLoyaltyRecord> = [
    {
      customerId: "a",
      customerAtStart: true,
      customerAtEnd: true,
      purchases: 5,
      spendWithUs: yuan("800"),
      categorySpend: yuan("1000"),
      recommendScore: 10,
      satisfaction: 5,
    },
    {
      customerId: "b",
      customerAtStart: true,
      customerAtEnd: true,
      purchases: 1,
      spendWithUs: yuan("200"),
      categorySpend: yuan("1000"),
      recommendScore: 6,
      satisfaction: 4,
    },
    {
      customerId: "c",
      customerAtStart: true,
      customerAtEnd: false,
      purchases: 0,
      recommendScore: 2,
      satisfaction: 1,
    },
    {
      customerId: "d",
      customerAtStart: true,
      customerAtEnd: true,
      purchases: 3,
      spendWithUs: yuan("500"),
      categorySpend: yuan("500"),
      recommendScore: 9,
      satisfaction: 2,
    },
    { customerId: "e", customerAtStart: false, customerAtEnd: true, purchases: 1 },
  ]

  it("measures retention, repeat purchases, share of wallet, NPS and the four segments", () => {
    const result = loyaltyIndicators(records, {
      ...options,
      satisfactionScale: { min: 1, max: 5 },
      satisfiedFrom: 4,
      loyalFrom: 9,
    })
    expect(result.retentionRate.value).toBe(0.75)
    expect(result.repeatPurchaseRate.value).toBe(0.5) // a and d of the four who bought
    expect(result.shareOfWallet.value).toBeCloseTo((0.8 + 0.2 + 1) / 3, 12)
    expect(result.nps!.nps.value).toBeCloseTo(0, 12) // promoters a, d; detractors b, c
    expect(result.segments).toEqual({ loyalist: 1, mercenary: 1, hostage: 1, defector: 1 })
    expect(result.retentionRate.sufficientSample).toBe(false)
  })

  it("refuses spend in different currencies, naming the record", () => {
    const mixed = [{ ...records[0]!, categorySpend: Money.ofMajor("1000", "USD") }]
    try {
      loyaltyIndicators(mixed, {
        ...options,
        satisfactionScale: { min: 1, max: 5 },
        satisfiedFrom: 4,
        loyalFrom: 9,
      })
      expect.unreachable()
    } catch (error) {
      expect((error as ValidationError).issues[0]!.path).toEqual(["records", 0, "categorySpend"])
    }
  })
})

describe("previous-vs-current gap analysis (大客户问卷调查表 差异分析)", () => {
  const round = (mean: number, spread: number, count: number) =>
    Array.from({ length: count }, (_, index) => mean + ((index % 5) - 2) * spread)

  it("calls a change an improvement or a decline only when its interval excludes zero", () => {
    const analysis = gapAnalysis(
      [
        { itemId: "responseSpeed", previous: round(3, 0.5, 40), current: round(4, 0.5, 40) },
        { itemId: "solutions", previous: round(4, 1, 40), current: round(3.9, 1, 40) },
        { itemId: "staff", previous: round(4, 0.2, 40), current: round(3.5, 0.2, 40) },
        { itemId: "image", previous: [4, 5, 3], current: [5, 5, 4] },
      ],
      options,
    )
    const verdict = (itemId: string) => analysis.items.find((item) => item.itemId === itemId)!.change.verdict
    expect(verdict("responseSpeed")).toBe("higher")
    expect(verdict("solutions")).toBe("notSignificant")
    expect(verdict("staff")).toBe("lower")
    expect(verdict("image")).toBe("insufficientSample")
    expect(analysis.items[0]!.itemId).toBe("staff") // largest decline first
    expect([
      analysis.improved,
      analysis.declined,
      analysis.notSignificant,
      analysis.insufficientSample,
    ]).toEqual([1, 1, 1, 1])
  })

  it("uses the paired t interval when the same respondents answered twice", () => {
    const pairs = Array.from({ length: 30 }, (_, index) => ({
      previous: 3 + (index % 3),
      current: 3.2 + (index % 3),
    }))
    const [item] = gapAnalysis([{ itemId: "overall", pairs }], options).items
    expect(item!.change.method).toBe("pairedT")
    expect(item!.change.value).toBeCloseTo(0.2, 12)
    // Every pair moved by exactly 0.2: the paired interval is that point, a clear improvement.
    expect(item!.change.verdict).toBe("higher")
  })
})
