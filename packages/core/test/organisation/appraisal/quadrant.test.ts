import { Organisation } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const { placeOnQuadrant, defaultAppraisalPolicy, scoreObjectives, attainmentScore, gradeOf } = Organisation

const team = [
  { personId: "wu", ability: 90, performance: 88 },
  { personId: "zheng", ability: 55, performance: 91 },
  { personId: "wang", ability: 80, performance: 60 },
  { personId: "li", ability: 40, performance: 45 },
  { personId: "zhao", ability: 70, performance: 75 },
]

describe("能力与绩效的 4 个象限 (001 图1-1)", () => {
  it("splits the team at its medians: A retain, B train, C motivate, D train, assess or let go", () => {
    const analysis = Result.getOrThrow(placeOnQuadrant(team))
    // medians: ability 70 (40 55 70 80 90), performance 75 (45 60 75 88 91)
    expect(analysis.lines).toEqual({ basis: "teamMedian", ability: 70, performance: 75 })
    expect(analysis.placements.map((each) => [each.personId, each.quadrant, each.action])).toEqual([
      ["wu", "A", "retain"],
      ["zheng", "B", "train"],
      ["wang", "C", "motivate"],
      ["li", "D", "trainAssessOrRelease"],
      ["zhao", "A", "retain"],
    ])
    expect(analysis.distribution.map((row) => [row.quadrant, row.count, row.share])).toEqual([
      ["A", 2, 0.4],
      ["B", 1, 0.2],
      ["C", 1, 0.2],
      ["D", 1, 0.2],
    ])
    expect(analysis.distribution[0]!.personIds).toEqual(["wu", "zhao"])
  })

  it("uses the company's cut-offs when the policy says so, whatever the team's spread", () => {
    const policy = {
      ...defaultAppraisalPolicy,
      quadrantLines: "cutOffs" as const,
      cutOffs: { ability: 85, performance: 85 },
    }
    const analysis = Result.getOrThrow(placeOnQuadrant(team, policy))
    expect(analysis.lines).toEqual({ basis: "cutOffs", ability: 85, performance: 85 })
    expect(analysis.placements.map((each) => each.quadrant)).toEqual(["A", "B", "D", "D", "D"])
    expect(analysis.distribution.find((row) => row.quadrant === "C")!.count).toBe(0)
  })

  it("refuses bad appraisal data naming the field: a score above 100, a person twice, nobody", () => {
    const high = placeOnQuadrant([{ personId: "wu", ability: 101, performance: 50 }])
    expect(Result.isFailure(high) && high.failure.issues[0]!.path).toEqual([0, "ability"])
    const twice = placeOnQuadrant([team[0]!, team[0]!])
    expect(Result.isFailure(twice) && twice.failure.issues[0]!.path).toEqual([1, "personId"])
    const nobody = placeOnQuadrant([])
    expect(Result.isFailure(nobody) && nobody.failure.subject).toBe("organisation.appraisedPeople")
  })
})

describe("KPI scoring of 绩效考核表", () => {
  it("scores more-is-better by share of target (capped) and less-is-better by target ÷ actual", () => {
    expect(attainmentScore(10, 8, true)).toBe(80)
    expect(attainmentScore(10, 12, true)).toBe(100)
    expect(attainmentScore(0.05, 0.04, false)).toBe(100)
    expect(attainmentScore(0.05, 0.1, false)).toBe(50)
  })

  it("weights the lines, renormalising over those given, and grades by the bands", () => {
    const scored = scoreObjectives([
      { weight: 60, target: 100, higherIsBetter: true, actual: 90 },
      { weight: 20, target: 2, higherIsBetter: false, actual: 4 },
    ])
    expect(scored.lines.map((line) => line.score)).toEqual([90, 50])
    expect(scored.total).toBe(80) // (90×60 + 50×20) ÷ 80
    const bands = defaultAppraisalPolicy.gradeBands
    expect([95, 80, 79.9, 59].map((score) => gradeOf(score, bands))).toEqual([
      "excellent",
      "good",
      "satisfactory",
      "unsatisfactory",
    ])
  })

  it("validates a company policy: falling bands and KPI weights adding up to 100", () => {
    const bad = Organisation.parseAppraisalPolicy({
      ...defaultAppraisalPolicy,
      gradeBands: { excellent: 80, good: 90, satisfactory: 60 },
      complaintOfficerObjectives: [{ kpi: "resolvedRatio", weight: 50, target: 0.9 }],
    })
    expect(Result.isFailure(bad) && bad.failure.issues.map((issue) => issue.path)).toEqual([
      ["gradeBands"],
      ["complaintOfficerObjectives"],
    ])
    expect(Result.isSuccess(Organisation.parseAppraisalPolicy(defaultAppraisalPolicy))).toBe(true)
  })
})
