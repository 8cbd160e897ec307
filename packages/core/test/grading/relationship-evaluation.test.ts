import { Grading } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const policy = Grading.defaultGradingPolicy

describe("客户关系评估表", () => {
  it("weighs the indicators and advises develop / maintain / terminate", () => {
    // Sales 90×25 % = 22.5, profit 80×20 % = 16, credit 85×20 % = 17, loyalty 70×15 % = 10.5,
    // potential 60×10 % = 6, cooperation 75×10 % = 7.5 → total 79.5 < 80 (standard score),
    // ≥ 60 → maintain.
    const scores = {
      salesContribution: { score: 90, basis: "年销售额 ¥4,000,000，排名第 1" },
      profitContribution: { score: 80 },
      creditStanding: { score: 85 },
      loyalty: { score: 70 },
      growthPotential: { score: 60 },
      cooperation: { score: 75 },
    }
    const evaluation = Result.getOrThrow(Grading.evaluateRelationship(scores, policy))
    expect(evaluation.total).toBe(79.5)
    expect(evaluation.standardScore).toBe(80)
    expect(evaluation.decision).toBe("maintain")
    expect(evaluation.lines.map((line) => line.level)).toEqual([
      "excellent",
      "good",
      "excellent",
      "good",
      "fair",
      "good",
    ])
    expect(evaluation.lines[0]!.points).toBe(22.5)
    // One more point of cooperation: 7.6 → 79.6; ten more: 8.5 → 80.5 → develop.
    const better = { ...scores, cooperation: { score: 85 } }
    expect(Result.getOrThrow(Grading.evaluateRelationship(better, policy)).decision).toBe("develop")
    const poor = Object.fromEntries(Object.keys(scores).map((id) => [id, { score: 50 }]))
    expect(Result.getOrThrow(Grading.evaluateRelationship(poor, policy)).decision).toBe("terminate")
  })

  it("refuses a partial or unknown evaluation, naming the indicators", () => {
    const result = Grading.evaluateRelationship(
      { salesContribution: { score: 90 }, charm: { score: 100 }, loyalty: { score: 120 } },
      policy,
    )
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual(["loyalty.score"])
    } else expect.unreachable()
    const missing = Grading.evaluateRelationship(
      { salesContribution: { score: 90 }, charm: { score: 100 } },
      policy,
    )
    if (Result.isFailure(missing)) {
      expect(missing.failure.issues.map((issue) => issue.path.join("."))).toEqual([
        "profitContribution",
        "creditStanding",
        "loyalty",
        "growthPotential",
        "cooperation",
        "charm",
      ])
    } else expect.unreachable()
  })
})
