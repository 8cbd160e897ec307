import { Quality, type ValidationError } from "@tixi/core"
import { describe, expect, it } from "vitest"

const { servqual, raterIndex, servqualDimensionOfItem, raterOrder } = Quality
type Respondent = Quality.ServqualRespondent
const options = { confidence: 0.95, minimumSampleSize: 2, scale: { min: 1, max: 7 } }

/** A respondent expecting `expectation` everywhere and perceiving `perceived(item)`. */
const respondent = (
  id: string,
  expectation: number,
  perceived: (item: number) => number,
  allocation?: Respondent["allocation"],
): Respondent => ({
  respondentId: id,
  answers: Array.from({ length: 22 }, (_, index) => ({
    item: index + 1,
    expectation,
    perception: perceived(index + 1),
  })),
  ...(allocation ? { allocation } : {}),
})

describe("SERVQUAL (Parasuraman, Zeithaml & Berry 1988)", () => {
  it("assigns the 22 items to the five dimensions: 1–4, 5–9, 10–13, 14–17, 18–22", () => {
    const counts = new Map<string, number>()
    for (let item = 1; item <= 22; item++)
      counts.set(servqualDimensionOfItem(item), (counts.get(servqualDimensionOfItem(item)) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual({
      tangibles: 4,
      reliability: 5,
      responsiveness: 4,
      assurance: 4,
      empathy: 5,
    })
    expect(() => servqualDimensionOfItem(23)).toThrow(RangeError)
  })

  it("computes gaps P − E per item, per dimension, unweighted and weighted by each respondent's allocation", () => {
    // Respondent A: expects 6, perceives 4 on reliability (5–9) and 6 elsewhere → reliability gap −2.
    // Respondent B: expects 7, perceives 6 everywhere → every gap −1.
    const a = respondent("a", 6, (item) => (item >= 5 && item <= 9 ? 4 : 6), {
      tangibles: 10,
      reliability: 40,
      responsiveness: 20,
      assurance: 20,
      empathy: 10,
    })
    const b = respondent("b", 7, () => 6, {
      tangibles: 20,
      reliability: 20,
      responsiveness: 20,
      assurance: 20,
      empathy: 20,
    })
    const result = servqual([a, b], options)
    const reliability = result.dimensions.find((row) => row.dimension === "reliability")!
    expect(reliability.gap.value).toBeCloseTo(-1.5, 12)
    expect(reliability.importance).toBeCloseTo(30, 12)
    expect(result.dimensions.find((row) => row.dimension === "tangibles")!.gap.value).toBeCloseTo(-0.5, 12)
    expect(result.items[4]).toMatchObject({
      item: 5,
      dimension: "reliability",
      expectation: 6.5,
      perception: 5,
    })
    // Unweighted: A's dimensions average (0 −2 + 0 + 0 + 0)/5 = −0.4, B's −1 → −0.7.
    expect(result.unweighted.value).toBeCloseTo(-0.7, 12)
    // Weighted: A: 0.4 × −2 = −0.8; B: −1 → −0.9.
    expect(result.weighted!.value).toBeCloseTo(-0.9, 12)
  })

  it("says a gap is significant only when its interval excludes 0", () => {
    const shortfall = Array.from({ length: 40 }, (_, index) =>
      respondent(`r${index}`, 6, () => 4 + (index % 2)),
    )
    const result = servqual(shortfall, { ...options, minimumSampleSize: 30 })
    expect(result.unweighted.verdict).toBe("lower")
    const mixed = Array.from({ length: 40 }, (_, index) =>
      respondent(`m${index}`, 5, () => (index % 2 === 0 ? 4 : 6)),
    )
    expect(servqual(mixed, { ...options, minimumSampleSize: 30 }).unweighted.verdict).toBe("notSignificant")
    expect(servqual(shortfall.slice(0, 5), { ...options, minimumSampleSize: 30 }).unweighted.verdict).toBe(
      "insufficientSample",
    )
  })

  it("names every bad answer", () => {
    const bad: Respondent = {
      respondentId: "x",
      answers: [
        { item: 1, expectation: 8, perception: 4 },
        { item: 1, expectation: 5, perception: 4 },
      ],
      allocation: { tangibles: 50, reliability: 40, responsiveness: 0, assurance: 0, empathy: 0 },
    }
    try {
      servqual([bad], options)
      expect.unreachable()
    } catch (error) {
      const paths = (error as ValidationError).issues.map((issue) => issue.path.join("."))
      expect(paths).toEqual([
        "respondents.0.answers.0.expectation",
        "respondents.0.answers.1.item",
        "respondents.0.allocation",
      ])
    }
  })
})

describe("RATER index (000 10.5.6)", () => {
  it("weights the five dimensions by importance in the order reliability, assurance, tangibles, empathy, responsiveness", () => {
    expect(raterOrder).toEqual(["reliability", "assurance", "tangibles", "empathy", "responsiveness"])
    // Perceives 7 on reliability, 4 elsewhere; fixed weights reliability 60, the others 10 each.
    const one = respondent("a", 6, (item) => (item >= 5 && item <= 9 ? 7 : 4))
    const result = raterIndex([one, { ...one, respondentId: "b" }], {
      ...options,
      weights: { reliability: 60, assurance: 10, tangibles: 10, empathy: 10, responsiveness: 10 },
    })
    // Normalised perception: 7 → 100, 4 → 50 → index 0.6·100 + 0.4·50 = 80.
    expect(result.index.value).toBeCloseTo(80, 12)
    // Gap: 0.6·(+1) + 0.4·(−2) = −0.2.
    expect(result.gapIndex.value).toBeCloseTo(-0.2, 12)
    expect(result.weighting).toBe("fixed")
    expect(result.dimensions.map((row) => row.dimension)).toEqual(raterOrder)
    expect(result.priority).toBeDefined()
    expect(result.priority).not.toBe("reliability")
  })

  it("uses the respondents' own allocation when no weights are fixed, equal weights when nobody allocated", () => {
    const allocated = respondent("a", 5, () => 5, {
      tangibles: 0,
      reliability: 100,
      responsiveness: 0,
      assurance: 0,
      empathy: 0,
    })
    const result = raterIndex([allocated], options)
    expect(result.weighting).toBe("respondents")
    expect(result.dimensions.find((row) => row.dimension === "reliability")!.weight).toBe(1)
    expect(raterIndex([respondent("b", 5, () => 5)], options).weighting).toBe("equal")
  })
})
