import { CallCenter, ValidationError } from "@tixi/core"
import { describe, expect, it } from "vitest"

const { calibrate, defaultScorecard, evaluateAgent, scoreMonitoringSheet } = CallCenter

const allItems = defaultScorecard.sections.flatMap((section) => section.items)
const fullMarks = allItems.map((item) => ({ itemId: item.id, points: item.points }))
const sheet = (
  evaluatorId: string,
  changes: Record<string, number | "n/a"> = {},
  criticalErrors: Array<string> = [],
) => ({
  callId: "call-1",
  agentId: "agent-1",
  evaluatorId,
  lines: fullMarks.map((line) => {
    const change = changes[line.itemId]
    return change === undefined
      ? line
      : change === "n/a"
        ? { itemId: line.itemId, notApplicable: true }
        : { itemId: line.itemId, points: change }
  }),
  criticalErrors,
})

describe("quality monitoring scorecard (呼叫业务质量监控表)", () => {
  it("the default scorecard is worth 100 points and passes at 80", () => {
    expect(allItems.reduce((sum, item) => sum + item.points, 0)).toBe(100)
    expect(defaultScorecard.passPercent).toBe(80)
  })

  it("scores a call over the lines that applied", () => {
    const score = scoreMonitoringSheet(
      defaultScorecard,
      sheet("qa-1", { promisedAnswerTime: "n/a", accurateAnswer: 9, patience: 6 }),
    )
    // 100 − 5 (not applicable) = 95 possible; lost 6 + 4 = 10 → 85 / 95.
    expect(score.possible).toBe(95)
    expect(score.earned).toBe(85)
    expect(score.percent).toBeCloseTo((100 * 85) / 95, 12)
    expect(score.passed).toBe(true)
    expect(score.sections.find((section) => section.sectionId === "resolution")!.possible).toBe(15)
  })

  it("fails the call outright on a critical error", () => {
    const score = scoreMonitoringSheet(defaultScorecard, sheet("qa-1", {}, ["confidentialityBreach"]))
    expect(score.percent).toBe(0)
    expect(score.passed).toBe(false)
  })

  it("names lines left unscored, over-scored or unknown", () => {
    const bad = {
      ...sheet("qa-1", { patience: 11 }),
      lines: [...sheet("qa-1", { patience: 11 }).lines.slice(1), { itemId: "mystery", points: 1 }],
    }
    try {
      scoreMonitoringSheet(defaultScorecard, bad)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      const messages = (error as ValidationError).issues.map((issue) => issue.message)
      expect(messages.some((message) => message.includes("answeredInThreeRings"))).toBe(true)
      expect(messages.some((message) => message.includes("between 0 and 10"))).toBe(true)
      expect(messages.some((message) => message.includes("not a line"))).toBe(true)
    }
  })
})

describe("calibration (呼叫业务质量校准表)", () => {
  it("compares each evaluator with the calibration lead and lists the lines they disagree on", () => {
    const result = calibrate(
      defaultScorecard,
      [
        sheet("lead"),
        sheet("qa-1", { accurateAnswer: 12 }),
        sheet("qa-2", { accurateAnswer: 5, patience: 4 }),
      ],
      { tolerancePoints: 5, referenceEvaluatorId: "lead" },
    )
    expect(result.referencePercent).toBe(100)
    expect(
      result.evaluators.map((evaluator) => [
        evaluator.evaluatorId,
        evaluator.deviation,
        evaluator.withinTolerance,
      ]),
    ).toEqual([
      ["lead", 0, true],
      ["qa-1", -3, true],
      ["qa-2", -16, false],
    ])
    expect(result.calibrated).toBe(false)
    expect(result.spread).toBe(16)
    expect(result.disagreements.map((line) => line.itemId)).toEqual(["patience", "accurateAnswer"])
  })

  it("uses the mean when no lead is named, and needs agreement on critical errors", () => {
    const result = calibrate(
      defaultScorecard,
      [sheet("qa-1"), sheet("qa-2", {}, ["forbiddenLanguage"]), sheet("qa-3")],
      { tolerancePoints: 100 },
    )
    expect(result.referencePercent).toBeCloseTo(200 / 3, 9)
    expect(
      result.evaluators.find((evaluator) => evaluator.evaluatorId === "qa-2")!.agreesOnCriticalErrors,
    ).toBe(false)
    expect(result.calibrated).toBe(false)
  })

  it("refuses sheets of different calls", () => {
    expect(() =>
      calibrate(defaultScorecard, [sheet("a"), { ...sheet("b"), callId: "other" }], { tolerancePoints: 5 }),
    ).toThrow(ValidationError)
  })
})

describe("agent evaluation (呼叫业务质量评估表)", () => {
  const bands = { excellent: 90, good: 80, satisfactory: 70 }
  const monitored = [
    scoreMonitoringSheet(defaultScorecard, sheet("qa-1")),
    scoreMonitoringSheet(defaultScorecard, sheet("qa-1", { accurateAnswer: 5 })),
  ]

  it("combines monitoring and measures into a rating", () => {
    const evaluation = evaluateAgent({
      agentId: "agent-1",
      monitoring: monitored,
      measures: [
        {
          id: "aht",
          name: { "zh-CN": "平均处理时长", en: "AHT" },
          actual: 300,
          target: 240,
          higherIsBetter: false,
          weight: 1,
        },
        {
          id: "fcr",
          name: { "zh-CN": "一次解决率", en: "FCR" },
          actual: 0.8,
          target: 0.8,
          higherIsBetter: true,
          weight: 1,
        },
      ],
      ratingBands: bands,
    })
    expect(evaluation.monitoringPercent).toBe(95)
    expect(evaluation.measureScores).toEqual([
      { id: "aht", score: 80 },
      { id: "fcr", score: 100 },
    ])
    expect(evaluation.overall).toBeCloseTo(0.6 * 95 + 0.4 * 90, 12)
    expect(evaluation.rating).toBe("excellent")
    expect(evaluation.passRate).toBe(1)
  })

  it("a critical error caps the rating at unsatisfactory", () => {
    const evaluation = evaluateAgent({
      agentId: "agent-1",
      monitoring: [
        ...monitored,
        scoreMonitoringSheet(defaultScorecard, sheet("qa-1", {}, ["unauthorisedPromise"])),
      ],
      measures: [],
      ratingBands: bands,
    })
    expect(evaluation.rating).toBe("unsatisfactory")
  })
})
