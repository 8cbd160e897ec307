import { Money } from "@tixi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

describe("Money", () => {
  it("parses major amounts exactly, with thousands separators and signs", () => {
    expect(Money.ofMajor("1,234.56", "CNY")).toEqual({ minor: 123456, currency: "CNY" })
    expect(Money.ofMajor("-0.1", "CNY")).toEqual({ minor: -10, currency: "CNY" })
    expect(Money.ofMajor("1500", "JPY")).toEqual({ minor: 1500, currency: "JPY" })
    expect(Money.parseMajor("0.1", "JPY")).toBeUndefined()
    expect(Money.parseMajor("1.234", "CNY")).toBeUndefined()
    expect(Money.parseMajor("12,34.00", "CNY")).toBeUndefined()
    expect(Money.parseMajor("abc", "CNY")).toBeUndefined()
    expect(Money.parseMajor("1.00", "XXX")).toBeUndefined()
  })

  it("writes amounts back as exact decimals", () => {
    expect(Money.toMajorString(Money.ofMinor(5, "CNY"))).toBe("0.05")
    expect(Money.toMajorString(Money.ofMinor(-123456, "CNY"))).toBe("-1234.56")
    expect(Money.toMajorString(Money.ofMinor(1234, "KWD"))).toBe("1.234")
  })

  it("round-trips every safe amount through its decimal text", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
        const money = Money.ofMinor(minor, "CNY")
        expect(Money.ofMajor(Money.toMajorString(money), "CNY")).toEqual(money)
      }),
    )
  })

  it("refuses to combine currencies and to leave the safe integer range", () => {
    expect(() => Money.add(Money.ofMinor(1, "CNY"), Money.ofMinor(1, "USD"))).toThrow(Money.CurrencyMismatch)
    expect(() => Money.add(Money.ofMinor(Number.MAX_SAFE_INTEGER, "CNY"), Money.ofMinor(1, "CNY"))).toThrow(
      RangeError,
    )
  })

  it("scales with banker's rounding by default and the chosen rounding otherwise", () => {
    const amount = Money.ofMinor(25, "CNY")
    expect(Money.scale(amount, 1, 10).minor).toBe(2) // 2.5 → 2 (even)
    expect(Money.scale(Money.ofMinor(35, "CNY"), 1, 10).minor).toBe(4) // 3.5 → 4 (even)
    expect(Money.scale(amount, 1, 10, "halfUp").minor).toBe(3)
    expect(Money.scale(amount, 1, 10, "down").minor).toBe(2)
    expect(Money.scale(Money.ofMinor(21, "CNY"), 1, 10, "up").minor).toBe(3)
    expect(Money.scale(Money.ofMinor(-25, "CNY"), 1, 10, "halfUp").minor).toBe(-3)
    // 15 % of ¥1,234.57 = ¥185.1855 → ¥185.19
    expect(Money.scale(Money.ofMajor("1234.57", "CNY"), 1500, 10_000).minor).toBe(18519)
  })

  it("allocates so that the parts always add up to the whole", () => {
    expect(Money.allocate(Money.ofMinor(100, "CNY"), [1, 1, 1]).map((m) => m.minor)).toEqual([34, 33, 33])
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        (minor, weights) => {
          const parts = Money.allocate(Money.ofMinor(minor, "CNY"), weights)
          expect(parts.reduce((total, part) => total + part.minor, 0)).toBe(minor)
          parts.forEach((part, index) => {
            if (weights[index] === 0) expect(part.minor).toBe(0)
          })
        },
      ),
    )
  })

  it("formats in both locales without touching floating point", () => {
    expect(Money.format(Money.ofMajor("1234.5", "CNY"), "zh-CN")).toBe("¥1,234.50")
    expect(Money.format(Money.ofMajor("1234.5", "CNY"), "en")).toBe("CN¥1,234.50")
    expect(Money.format(Money.ofMinor(9007199254740991, "CNY"), "en")).toBe("CN¥90,071,992,547,409.91")
  })
})

describe("scaleMinor", () => {
  it("agrees with exact BigInt arithmetic on the fast path and beyond it", () => {
    const rounding = fc.constantFrom("halfEven", "halfUp", "down", "up") as never
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        rounding,
        (minor: number, numerator: number, denominator: number, negate: boolean, mode: Money.Rounding) => {
          const divisor = negate ? -denominator : denominator
          const product = BigInt(minor) * BigInt(numerator)
          let quotient = product / BigInt(divisor)
          const remainder = product % BigInt(divisor)
          if (remainder !== 0n) {
            const negative = product < 0n !== divisor < 0
            const twice = (remainder < 0n ? -remainder : remainder) * 2n
            const absolute = BigInt(Math.abs(divisor))
            const away =
              mode === "up" ||
              (mode === "halfUp" && twice >= absolute) ||
              (mode === "halfEven" && (twice > absolute || (twice === absolute && quotient % 2n !== 0n)))
            if (away) quotient += negative ? -1n : 1n
          }
          if (quotient > BigInt(Number.MAX_SAFE_INTEGER) || quotient < -BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(() => Money.scaleMinor(minor, numerator, divisor, mode)).toThrow(RangeError)
          } else {
            expect(Money.scaleMinor(minor, numerator, divisor, mode)).toBe(Number(quotient))
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
