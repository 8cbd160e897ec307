import { type Accounts, CallCenter, type CivilDate, Organisation, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { at, calendar, officer, officerZheng, registration, Story } from "../../complaints/fixtures.ts"
import { drive } from "../../support/run-process.ts"

const {
  complaintOfficerPerformance,
  keyAccountOfficerPerformance,
  agentPerformance,
  placeOnQuadrant,
  appraisalFromPerformance,
  wholePercentWeights,
} = Organisation

/** Officer Wu settles TS-1 on time with a follow-up of 3 of 5; TS-2 goes to Zheng and stays open. */
function quarter() {
  const settled = new Story()
  settled.do({
    type: "Register",
    at: at("2026-01-05", "09:00"),
    complaintId: "TS-1",
    actor: officer,
    registration: registration(),
  })
  settled.do({ type: "Accept", at: at("2026-01-05", "09:30"), actor: officer })
  settled.do({
    type: "Classify",
    at: at("2026-01-05", "09:40"),
    actor: officer,
    category: "quality",
    departmentId: "quality",
  })
  settled.do({
    type: "RecordInvestigation",
    at: at("2026-01-05", "14:00"),
    actor: officer,
    cause: "negligence",
    ownSide: true,
    responsibility: [{ departmentId: "quality", sharePercent: 100 }],
    severity: "moderate",
    findings: "漏检",
  })
  settled.do({
    type: "ProposeRemedy",
    at: at("2026-01-05", "15:00"),
    actor: officer,
    remedies: [{ kind: "exchange", amount: { minor: 43000, currency: "CNY" } }],
  })
  settled.do({
    type: "RecordCustomerResponse",
    at: at("2026-01-05", "16:00"),
    actor: officer,
    accepted: true,
  })
  settled.do({ type: "RecordExecution", at: at("2026-01-06", "15:00"), actor: officer })
  settled.do({ type: "Close", at: at("2026-01-06", "16:00"), actor: officer, summary: "换货" })
  settled.do({
    type: "RecordFollowUp",
    at: at("2026-01-08", "10:00"),
    actor: officer,
    satisfaction: 3,
    method: "phone",
  })

  const open = new Story()
  open.do({
    type: "Register",
    at: at("2026-01-05", "10:00"),
    complaintId: "TS-2",
    actor: officer,
    registration: registration(),
  })
  open.do({ type: "Accept", at: at("2026-01-05", "10:30"), actor: officer })
  open.do({
    type: "AssignHandler",
    at: at("2026-01-05", "11:00"),
    actor: officer,
    handler: officerZheng.personId,
  })

  const rejected = new Story()
  rejected.do({
    type: "Register",
    at: at("2026-01-05", "11:00"),
    complaintId: "TS-3",
    actor: officer,
    registration: registration(),
  })
  rejected.do({
    type: "Reject",
    at: at("2026-01-05", "12:00"),
    actor: officer,
    reason: "duplicate",
    explanation: "重复投诉",
  })
  return [settled.events, open.events, rejected.events]
}

describe("complaint officers' performance from complaint statistics", () => {
  const options = {
    calendar,
    currency: "CNY",
    from: "2026-01-01" as CivilDate,
    to: "2026-03-31" as CivilDate,
  }

  it("scores each officer on the complaints they ended with; a rejected complaint is nobody's workload", () => {
    const [wu, zheng] = complaintOfficerPerformance(quarter(), options)
    expect(wu!.personId).toBe("officer-wu")
    expect(wu!.statistics.total).toBe(1)
    // resolved, responded and resolved on time, satisfaction 3 of 4 (75), none reopened:
    // (30×100 + 20×100 + 20×100 + 20×75 + 10×100) ÷ 100
    expect(wu!.lines.map((line) => [line.id, line.actual, line.score])).toEqual([
      ["resolvedRatio", 1, 100],
      ["firstResponseOnTime", 1, 100],
      ["resolutionOnTime", 1, 100],
      ["satisfaction", 3, 75],
      ["reopenedRatio", 0, 100],
    ])
    expect(wu!.score).toBe(95)
    // Zheng's complaint is open: nothing resolved, no resolution or follow-up to measure,
    // so those weights fall away: (30×0 + 20×100 + 10×100) ÷ 60
    expect(zheng!.lines.map((line) => line.id)).toEqual([
      "resolvedRatio",
      "firstResponseOnTime",
      "reopenedRatio",
    ])
    expect(zheng!.score).toBe(50)
    expect(zheng!.post).toBe("complaintOfficer")
  })

  it("a quarter's appraisal of the complaint officers lands on the quadrant", () => {
    const performances = complaintOfficerPerformance(quarter(), options)
    const ability: Record<string, number> = { "officer-wu": 60, "officer-zheng": 85 }
    const analysis = Result.getOrThrow(
      placeOnQuadrant(
        performances.map((each) => ({
          personId: each.personId,
          post: each.post,
          ability: ability[each.personId]!,
          performance: each.score,
        })),
        { ...Organisation.defaultAppraisalPolicy, quadrantLines: "cutOffs" },
      ),
    )
    expect(analysis.placements.map((each) => [each.personId, each.quadrant])).toEqual([
      ["officer-wu", "B"],
      ["officer-zheng", "C"],
    ])
  })

  it("feeds the staff appraisal: ① the post's KPIs, ② the recorded figures, ④ the same score", () => {
    const [, zheng] = complaintOfficerPerformance(quarter(), options)
    const { objectives, results } = appraisalFromPerformance(zheng!)
    // 30 : 20 : 10 as whole percents
    expect(objectives.map((objective) => [objective.id, objective.weight])).toEqual([
      ["resolvedRatio", 50],
      ["firstResponseOnTime", 33],
      ["reopenedRatio", 17],
    ])
    const appraisal = drive(Organisation.staffAppraisalProcess(), "PA-zheng")
    const t0 = Date.UTC(2026, 3, 1)
    appraisal.must({
      type: "SetObjectives",
      at: t0,
      appraisalId: "PA-zheng",
      employee: officerZheng.personId,
      post: "complaintOfficer",
      period: "2026Q1",
      supervisor: personId("supervisor-sun"),
      objectives,
    })
    const [assessed] = appraisal.must({
      type: "SelfAssess",
      at: t0 + 1,
      by: officerZheng,
      results,
      selfAssessment: "见统计",
    })
    const approvalKey = assessed!.type === "SelfAssessed" ? assessed!.approvalKey : ""
    appraisal.must({ type: "DecideApproval", at: t0 + 2, approvalKey, outcome: "approved" })
    appraisal.must({
      type: "Conclude",
      at: t0 + 3,
      by: { personId: personId("supervisor-sun"), role: "supervisor" },
      abilityScore: 80,
      improvementPlan: "每周复盘未结投诉",
    })
    expect(appraisal.state.result).toMatchObject({
      score: zheng!.score,
      grade: "unsatisfactory",
      quadrant: "C",
    })
  })

  it("whole-percent weights add up to 100 and keep the proportions", () => {
    expect(wholePercentWeights([30, 20, 10])).toEqual([50, 33, 17])
    expect(wholePercentWeights([1, 1, 1])).toEqual([34, 33, 33])
    expect(wholePercentWeights([60, 40])).toEqual([60, 40])
  })

  it("a period with none of an officer's complaints leaves them out", () => {
    expect(
      complaintOfficerPerformance(quarter(), {
        ...options,
        from: "2026-04-01" as CivilDate,
        to: "2026-06-30" as CivilDate,
      }),
    ).toEqual([])
  })
})

describe("key-account officers and agents from the scorecards tixi already keeps", () => {
  it("takes 大客户专员考核表's total and goals as they are", () => {
    const scorecard: Accounts.OfficerScorecard = {
      kpis: [
        {
          kpi: "keyAccountChurn",
          weight: 60,
          target: 0,
          actual: 5,
          score: 50,
          points: 30,
          detail: { "zh-CN": "", en: "" },
        },
        {
          kpi: "upgrades",
          weight: 40,
          target: 4,
          actual: 4,
          score: 100,
          points: 40,
          detail: { "zh-CN": "", en: "" },
        },
      ],
      total: 70,
      churned: [],
      upgraded: [],
    }
    const performance = keyAccountOfficerPerformance("ka-li", scorecard)
    expect(performance).toMatchObject({ personId: "ka-li", post: "keyAccountOfficer", score: 70 })
    expect(performance.lines.map((line) => [line.id, line.higherIsBetter, line.kpi.en])).toEqual([
      ["keyAccountChurn", false, "Churn of AA-and-above accounts"],
      ["upgrades", true, "Ordinary customers raised to key accounts"],
    ])
  })

  it("takes the agent evaluation's overall score, held below the pass band after a critical error", () => {
    const monitored = (percent: number, criticalErrors: Array<string> = []) => ({
      callId: `c-${percent}`,
      agentId: "agent-1",
      evaluatorId: "lead",
      earned: percent,
      possible: 100,
      percent,
      passed: percent >= 80,
      criticalErrors,
      sections: [],
    })
    const input = {
      agentId: "agent-1",
      monitoring: [monitored(90), monitored(80)],
      measures: [
        {
          id: "fcr",
          name: { "zh-CN": "一次解决率", en: "FCR" },
          actual: 0.6,
          target: 0.8,
          higherIsBetter: true,
          weight: 1,
        },
      ],
      ratingBands: { excellent: 90, good: 80, satisfactory: 70 },
    }
    const evaluation = CallCenter.evaluateAgent(input)
    const performance = agentPerformance(input, evaluation)
    // 0.6 × 85 + 0.4 × 75
    expect(performance.score).toBe(81)
    expect(performance.lines.map((line) => [line.id, line.weight, line.score])).toEqual([
      ["monitoring", 60, 85],
      ["fcr", 40, 75],
    ])
    const failed = { ...input, monitoring: [monitored(95), monitored(95, ["rude"])] }
    expect(agentPerformance(failed, CallCenter.evaluateAgent(failed)).score).toBe(69.9)
  })
})
