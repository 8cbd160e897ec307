import { Grading } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const policy = Grading.defaultGradingPolicy

describe("grading policy", () => {
  it("accepts the defaults", () => {
    expect(Result.getOrThrow(Grading.parseGradingPolicy(policy))).toEqual(policy)
  })

  it("names every field out of order or range", () => {
    const result = Grading.parseGradingPolicy({
      ...policy,
      abc: { ...policy.abc, classAUpToPercent: 90, classBUpToPercent: 85 },
      salesBands: { ...policy.salesBands, lowerBoundsPercent: { A: 90, B: 80, C: 85, D: 60 } },
      composite: {
        ...policy.composite,
        weights: { growth: 30, credit: 30, margin: 30 },
        margin: { zeroAtPercent: 10, fullAtPercent: 10 },
        gradeLowerBounds: { AAA: 70, AA: 70, A: 55 },
      },
      relationship: {
        ...policy.relationship,
        indicators: [
          ...policy.relationship.indicators.slice(0, 5),
          { ...policy.relationship.indicators[0]!, weight: 10 },
        ],
        maintainAtLeast: 90,
      },
    })
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual([
        "abc.classBUpToPercent",
        "salesBands.lowerBoundsPercent.C",
        "composite.weights",
        "composite.margin.fullAtPercent",
        "composite.gradeLowerBounds.AA",
        "relationship.indicators.5.id",
        "relationship.maintainAtLeast",
      ])
    }
  })

  it("rejects unknown fields, currencies and tiers with their paths", () => {
    const result = Grading.parseGradingPolicy({
      ...policy,
      currency: "XXX",
      abc: { ...policy.abc, classAUpToPercent: 80.123 },
      serviceTiers: {
        ...policy.serviceTiers,
        tierOfGrade: { ...policy.serviceTiers.tierOfGrade, AAA: "gold" },
      },
      extra: 1,
    })
    if (Result.isFailure(result)) {
      expect(result.failure.subject).toBe("policy.grading")
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual(
        expect.arrayContaining(["currency", "abc.classAUpToPercent", "serviceTiers.tierOfGrade.AAA", ""]),
      )
    } else expect.unreachable()
  })
})
