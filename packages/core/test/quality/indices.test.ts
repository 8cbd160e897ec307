import { Quality, ValidationError } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const { csat, nps, ces, satisfactionLevels, proportionInterval, meanInterval, npsCategoryOf } = Quality
const options = { confidence: 0.95, minimumSampleSize: 30 }
const repeat = (value: number, times: number) => new Array<number>(times).fill(value)

describe("CSAT (top-two-box)", () => {
  it("is the share of 4s and 5s on a 5-point scale, with Wilson's interval", () => {
    // 81 of 263 satisfied: the share and interval of Newcombe's (1998) first example.
    const answers = [
      ...repeat(5, 40),
      ...repeat(4, 41),
      ...repeat(3, 100),
      ...repeat(2, 50),
      ...repeat(1, 32),
    ]
    const result = csat(answers, { ...options, scale: { min: 1, max: 5 }, topBoxes: 2 })
    expect(result.csat.value).toBeCloseTo(81 / 263, 12)
    expect(result.csat.lower).toBeCloseTo(0.2553, 4)
    expect(result.csat.upper).toBeCloseTo(0.3662, 4)
    expect(result.distribution.map((point) => point.count)).toEqual([32, 50, 100, 41, 40])
    expect(result.mean.value).toBeCloseTo((5 * 40 + 4 * 41 + 300 + 100 + 32) / 263, 12)
  })

  it("flags a small sample instead of printing a confident number", () => {
    const result = csat([5, 4, 4, 2, 5, 3, 4], { ...options, scale: { min: 1, max: 5 }, topBoxes: 2 })
    expect(result.csat.value).toBeCloseTo(5 / 7, 12)
    expect(result.csat.sufficientSample).toBe(false)
  })

  it("names each answer off the scale", () => {
    try {
      csat([5, 6, 2.5], { ...options, scale: { min: 1, max: 5 }, topBoxes: 2 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        ["answers", 1],
        ["answers", 2],
      ])
    }
  })
})

describe("NPS (Reichheld 2003)", () => {
  it("promoters 9–10 minus detractors 0–6, −100 to 100", () => {
    // Reichheld's definition: 60 % promoters and 10 % detractors give an NPS of 50.
    const answers = [
      ...repeat(10, 30),
      ...repeat(9, 30),
      ...repeat(8, 20),
      ...repeat(7, 10),
      ...repeat(6, 5),
      ...repeat(0, 5),
    ]
    const result = nps(answers, options)
    expect(result.nps.value).toBeCloseTo(50, 12)
    expect([result.promoters, result.passives, result.detractors]).toEqual([60, 30, 10])
    // Var = (p + d − (p − d)²)/n = (0.7 − 0.25)/100; 50 ± 1.959964·√0.0045·100 = 50 ± 13.148.
    expect(result.nps.upper! - 50).toBeCloseTo(1.959963984540054 * Math.sqrt(0.0045) * 100, 9)
    expect(result.nps.lower).toBeCloseTo(100 - result.nps.upper!, 9)
    expect(npsCategoryOf(7)).toBe("passive")
    expect(npsCategoryOf(6)).toBe("detractor")
  })

  it("stays within −100…100 and its interval contains the score", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 400 }), (answers) => {
        const score = nps(answers, options).nps
        expect(score.value).toBeGreaterThanOrEqual(-100)
        expect(score.value).toBeLessThanOrEqual(100)
        expect(score.lower).toBeLessThanOrEqual(score.value! + 1e-9)
        expect(score.upper).toBeGreaterThanOrEqual(score.value! - 1e-9)
        expect(score.lower).toBeGreaterThanOrEqual(-100)
        expect(score.upper).toBeLessThanOrEqual(100)
      }),
    )
  })
})

describe("CES (Dixon, Freeman & Toman 2010; CES 2.0 on 1–7)", () => {
  const answers = [7, 6, 5, 5, 4, 3, 7, 6, 2, 5]
  it("summarises as the share at or above 5, or the mean, as the convention says", () => {
    const share = ces(answers, {
      ...options,
      scale: { min: 1, max: 7 },
      convention: "shareAtLeast",
      threshold: 5,
    })
    expect(share.ces.value).toBeCloseTo(0.7, 12)
    expect(share.ces).toEqual(proportionInterval(7, 10, options))
    const mean = ces(answers, { ...options, scale: { min: 1, max: 7 }, convention: "mean", threshold: 5 })
    expect(mean.ces.value).toBeCloseTo(5, 12)
    expect(mean.ces).toEqual(meanInterval(answers, options))
  })
})

describe("满意级度 (000 2.5.4)", () => {
  it("grades five levels, indexes them 0–100 and reports 满意率", () => {
    const answers = [5, 5, 4, 4, 4, 3, 3, 2, 1, 4]
    const result = satisfactionLevels(answers, { ...options, levels: 5 })
    expect(result.levels.map((level) => [level.level, level.count])).toEqual([
      ["veryDissatisfied", 1],
      ["dissatisfied", 1],
      ["neutral", 2],
      ["satisfied", 4],
      ["verySatisfied", 2],
    ])
    // Scores 0, 25, 50, 75, 100: (0 + 25 + 2·50 + 4·75 + 2·100)/10 = 62.5.
    expect(result.index.value).toBeCloseTo(62.5, 12)
    expect(result.satisfiedShare.value).toBeCloseTo(0.6, 12)
    expect(result.overallLevel).toBe("satisfied") // mean 3.5 rounds to 4
  })

  it("grades seven levels with the company's own scores", () => {
    const result = satisfactionLevels([7, 6, 5, 4], {
      ...options,
      levels: 7,
      levelScores: [-60, -40, -20, 0, 20, 40, 60],
    })
    expect(result.index.value).toBeCloseTo(30, 12)
    expect(result.satisfiedShare.value).toBe(0.75) // 较满意 and above
    expect(result.levels[4]!.level).toBe("somewhatSatisfied")
  })
})
