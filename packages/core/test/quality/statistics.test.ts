import { Quality } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const {
  logGamma,
  normalQuantile,
  studentTQuantile,
  proportionInterval,
  differenceOfProportions,
  differenceOfMeans,
  meanInterval,
  describeEstimate,
  compare,
} = Quality
const options = { confidence: 0.95, minimumSampleSize: 30 }

describe("special functions and quantiles", () => {
  it("log-gamma matches exact values", () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13)
    expect(Math.exp(logGamma(10))).toBeCloseTo(362_880, 6)
    expect(logGamma(1)).toBeCloseTo(0, 14)
  })

  it("normal quantiles match the standard table (z.975 = 1.959964, z.95 = 1.644854)", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12)
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12)
    expect(normalQuantile(0.005)).toBeCloseTo(-2.5758293035489, 10)
  })

  it("Student t quantiles match the printed table of any statistics text (t.975)", () => {
    const table: ReadonlyArray<[number, number]> = [
      [1, 12.706],
      [2, 4.303],
      [5, 2.571],
      [10, 2.228],
      [29, 2.045],
      [30, 2.042],
      [120, 1.98],
    ]
    for (const [degrees, value] of table) expect(studentTQuantile(0.975, degrees)).toBeCloseTo(value, 3)
  })
})

describe("Wilson intervals for proportions", () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17:857–872, the Wilson score method (no continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("Newcombe 1998: %i/%i → %f – %f", (successes, trials, lower, upper) => {
    const estimate = proportionInterval(successes, trials, options)
    expect(estimate.lower).toBeCloseTo(lower, 4)
    expect(estimate.upper).toBeCloseTo(upper, 4)
    expect(estimate.method).toBe("wilson")
  })

  it("always stays within [0, 1] and contains the observed share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0.8, 0.9, 0.95, 0.99),
        (trials, share, confidence) => {
          const successes = Math.round(share * trials)
          const estimate = proportionInterval(successes, trials, { confidence, minimumSampleSize: 30 })
          expect(estimate.lower).toBeGreaterThanOrEqual(0)
          expect(estimate.upper).toBeLessThanOrEqual(1)
          expect(estimate.lower).toBeLessThanOrEqual(estimate.value! + 1e-12)
          expect(estimate.upper).toBeGreaterThanOrEqual(estimate.value! - 1e-12)
          expect(estimate.sufficientSample).toBe(trials >= 30)
        },
      ),
    )
  })
})

describe("differences", () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Statistics in Medicine 17:873–890, method 10 (hybrid score).
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
  ])("Newcombe 1998: %i/%i − %i/%i → %f – %f", (a, m, b, n, lower, upper) => {
    const estimate = differenceOfProportions(
      { successes: a, trials: m },
      { successes: b, trials: n },
      options,
    )
    expect(estimate.lower).toBeCloseTo(lower, 4)
    expect(estimate.upper).toBeCloseTo(upper, 4)
  })

  it("Welch's interval of two means, by hand", () => {
    // current 3, 4, 4, 5 (mean 4, s² = 2/3); previous 2, 3, 3, 4 (mean 3, s² = 2/3): SE = √(2·(2/3)/4),
    // equal variances and sizes give df = 6, and the interval is 1 ± t(0.975, 6)·SE = 1 ± 2.4469·0.5774.
    const estimate = differenceOfMeans([3, 4, 4, 5], [2, 3, 3, 4], { confidence: 0.95, minimumSampleSize: 2 })
    expect(estimate.value).toBe(1)
    expect(estimate.upper! - 1).toBeCloseTo(2.446912 * Math.sqrt(1 / 3), 5)
    expect(compare(estimate).verdict).toBe("notSignificant")
  })

  it("a mean of one answer has an infinite interval and is never significant", () => {
    const estimate = meanInterval([4], options)
    expect(estimate.upper).toBeNull()
    expect(compare(estimate).verdict).toBe("insufficientSample")
  })
})

describe("printing an estimate", () => {
  it("never prints a bare number", () => {
    expect(describeEstimate(proportionInterval(81, 263, options), { locale: "en", unit: "share" })).toBe(
      "30.8 % (95 % CI 25.5 % – 36.6 %; n = 263)",
    )
    expect(describeEstimate(proportionInterval(7, 9, options), { locale: "zh-CN", unit: "share" })).toContain(
      "样本不足，仅供参考",
    )
    const noise = Array.from({ length: 40 }, (_, index) => ((index % 9) - 4) / 10)
    expect(
      describeEstimate(compare(meanInterval(noise, options)), { locale: "en", unit: "score", decimals: 2 }),
    ).toContain("Not significant")
  })
})
