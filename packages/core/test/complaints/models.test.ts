import { Complaints, Money } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { at, calendar, cny, officer, officerZheng, registration, Story } from "./fixtures.ts"

const { complaintStatistics, durationFigures, pareto, percentile } = Complaints

describe("Pareto analysis (柏拉图)", () => {
  it("sorts, accumulates and classes the vital few", () => {
    const rows = pareto([
      { key: "d", count: 6 },
      { key: "a", count: 50 },
      { key: "e", count: 4 },
      { key: "b", count: 30 },
      { key: "c", count: 10 },
      { key: "zero", count: 0 },
    ])
    expect(rows.map((row) => [row.key, row.share, row.cumulativeShare, row.class])).toEqual([
      ["a", 0.5, 0.5, "A"],
      ["b", 0.3, 0.8, "A"],
      ["c", 0.1, 0.9, "B"],
      ["d", 0.06, 0.96, "B"],
      ["e", 0.04, 1, "C"],
    ])
  })

  it("breaks ties by key so reports are stable, and handles nothing", () => {
    expect(
      pareto([
        { key: "y", count: 1 },
        { key: "x", count: 1 },
      ]).map((row) => row.key),
    ).toEqual(["x", "y"])
    expect(pareto([])).toEqual([])
  })
})

describe("duration figures", () => {
  it("gives the mean, the median and the nearest-rank 90th percentile", () => {
    expect(durationFigures([40, 10, 30, 20])).toEqual({ count: 4, mean: 25, median: 25, p90: 40, max: 40 })
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
    expect(durationFigures([])).toEqual({
      count: 0,
      mean: undefined,
      median: undefined,
      p90: undefined,
      max: undefined,
    })
  })
})

/** Four complaints of Monday 5 January 2026 whose figures are worked out by hand below. */
function fixture() {
  // 1. Accepted after 30 minutes, our fault (quality 60 %, logistics 40 %), exchanged for ¥430
  //    the next afternoon: on time (due Tuesday 13th 18:00).
  const remedied = new Story()
  remedied.do({
    type: "Register",
    at: at("2026-01-05", "09:00"),
    complaintId: "TS-1",
    actor: officer,
    registration: registration(),
  })
  remedied.do({ type: "Accept", at: at("2026-01-05", "09:30"), actor: officer })
  remedied.do({
    type: "Classify",
    at: at("2026-01-05", "09:40"),
    actor: officer,
    category: "quality",
    departmentId: "quality",
  })
  remedied.do({
    type: "RecordInvestigation",
    at: at("2026-01-05", "14:00"),
    actor: officerZheng,
    cause: "negligence",
    ownSide: true,
    responsibility: [
      { departmentId: "quality", sharePercent: 60 },
      { departmentId: "logistics", sharePercent: 40 },
    ],
    severity: "moderate",
    findings: "漏检",
  })
  remedied.do({
    type: "ProposeRemedy",
    at: at("2026-01-05", "15:00"),
    actor: officer,
    remedies: [{ kind: "exchange", amount: cny("430") }],
  })
  remedied.do({
    type: "RecordCustomerResponse",
    at: at("2026-01-05", "16:00"),
    actor: officer,
    accepted: true,
  })
  remedied.do({ type: "RecordExecution", at: at("2026-01-06", "15:00"), actor: officer })
  remedied.do({ type: "Close", at: at("2026-01-06", "16:00"), actor: officer, summary: "换货" })
  remedied.do({
    type: "RecordFollowUp",
    at: at("2026-01-08", "10:00"),
    actor: officer,
    satisfaction: 4,
    method: "phone",
  })

  // 2. Not accepted, after 2 working hours.
  const rejected = new Story()
  rejected.do({
    type: "Register",
    at: at("2026-01-05", "10:00"),
    complaintId: "TS-2",
    actor: officer,
    registration: registration({ channel: "web", type: "service", category: "attitude" }),
  })
  rejected.do({
    type: "Reject",
    at: at("2026-01-05", "13:00"),
    actor: officer,
    reason: "duplicate",
    explanation: "与 TS-1 重复",
  })

  // 3. 特急, accepted after 60 minutes, explained (not our cause) at 15:00: 5 working hours after
  //    receipt at 09:00, well within the working day.
  const explained = new Story()
  explained.do({
    type: "Register",
    at: at("2026-01-05", "09:00"),
    complaintId: "TS-3",
    actor: officer,
    registration: registration({ urgency: "critical", channel: "email", category: "deliveryDate" }),
  })
  explained.do({ type: "Accept", at: at("2026-01-05", "10:00"), actor: officer })
  explained.do({
    type: "Classify",
    at: at("2026-01-05", "10:10"),
    actor: officer,
    category: "deliveryDate",
    departmentId: "logistics",
  })
  explained.do({
    type: "RecordInvestigation",
    at: at("2026-01-05", "15:00"),
    actor: officer,
    cause: "forceMajeure",
    ownSide: false,
    severity: "minor",
    findings: "暴雪封路",
    explanation: "非己方原因",
  })

  // 4. Nobody answers: the first response (due 18:00) is breached and climbs to the manager on
  //    Tuesday 18:00; still open on Wednesday.
  const neglected = new Story()
  neglected.do({
    type: "Register",
    at: at("2026-01-05", "09:00"),
    complaintId: "TS-4",
    actor: officer,
    registration: registration(),
  })
  neglected.runTimers(at("2026-01-07", "12:00"))

  return [remedied, rejected, explained, neglected]
}

describe("complaint statistics (统计表 / 分析表 / 总结表)", () => {
  const stories = fixture()
  const statistics = complaintStatistics(
    stories.map((story) => story.events),
    { calendar, currency: "CNY", asOf: at("2026-01-07", "12:00") },
  )

  it("counts the complaints and the resolved ratio of 总结表", () => {
    expect(statistics.period).toEqual({ from: "2026-01-05", to: "2026-01-05", days: 1 })
    expect([
      statistics.total,
      statistics.accepted,
      statistics.rejected,
      statistics.resolved,
      statistics.open,
    ]).toEqual([4, 2, 1, 2, 1])
    expect(statistics.resolvedRatio).toBe(0.5)
    expect(statistics.dailyAverage).toBe(4)
    expect(statistics.qualityCount).toBe(1)
    expect(statistics.perDay).toEqual([{ date: "2026-01-05", count: 4 }])
  })

  it("breaks the complaints down by type, category, channel, urgency, cause and outcome", () => {
    const counts = <Row extends { key: string; count: number }>(rows: ReadonlyArray<Row>) =>
      Object.fromEntries(rows.filter((row) => row.count > 0).map((row) => [row.key, row.count]))
    expect(counts(statistics.byType)).toEqual({ product: 3, service: 1 })
    expect(counts(statistics.byCategory)).toEqual({
      quality: 1,
      deliveryDate: 1,
      attitude: 1,
      unclassified: 1,
    })
    expect(counts(statistics.byChannel)).toEqual({ phone: 2, web: 1, email: 1 })
    expect(counts(statistics.byUrgency)).toEqual({ critical: 1, normal: 3 })
    expect(counts(statistics.byCause)).toEqual({ negligence: 1, forceMajeure: 1, notInvestigated: 2 })
    expect(counts(statistics.byOutcome)).toEqual({ remedied: 1, explained: 1, rejected: 1, open: 1 })
    expect(counts(statistics.byRejectionReason)).toEqual({ duplicate: 1 })
    expect(statistics.byCategory.find((row) => row.key === "quality")?.loss).toEqual(cny("430"))
  })

  it("measures first responses and resolutions in working time against their deadlines", () => {
    // First responses: TS-1 30 min, TS-2 120 (10:00→13:00, the lunch hour not counted), TS-3 60.
    expect(statistics.sla.firstResponse).toEqual({
      measured: 3,
      onTime: 3,
      onTimeRatio: 1,
      breached: 1,
      workingMinutes: { count: 3, mean: 70, median: 60, p90: 120, max: 120 },
    })
    // Resolutions: TS-1 from Monday 09:00 to Tuesday 15:00 = 480 + 300; TS-3 09:00→15:00 = 300.
    expect(statistics.sla.resolution).toEqual({
      measured: 2,
      onTime: 2,
      onTimeRatio: 1,
      breached: 0,
      workingMinutes: { count: 2, mean: 540, median: 540, p90: 780, max: 780 },
    })
    expect(
      statistics.sla.byUrgency.find((row) => row.urgency === "critical")?.resolution.workingMinutes.median,
    ).toBe(300)
    expect(statistics.sla.openOverdue).toBe(1)
  })

  it("logs the escalations by rung and the highest rung per complaint", () => {
    expect(statistics.escalations.total).toBe(2)
    expect(statistics.escalations.casesEscalated).toBe(1)
    expect(statistics.escalations.byRung).toEqual([
      { level: 1, role: "supervisor", count: 1 },
      { level: 2, role: "manager", count: 1 },
    ])
    expect(statistics.escalations.byHighestLevel).toEqual([
      { level: 0, cases: 3 },
      { level: 2, cases: 1 },
    ])
  })

  it("apportions the loss to departments by their shares, and counts remedies and follow-ups", () => {
    expect(statistics.losses.total).toEqual(cny("430"))
    expect(statistics.losses.averagePerResolved).toEqual(cny("215"))
    expect(statistics.byDepartment).toEqual([
      { departmentId: "quality", cases: 1, weightedCases: 0.6, loss: cny("258") },
      { departmentId: "logistics", cases: 1, weightedCases: 0.4, loss: cny("172") },
    ])
    expect(statistics.byRemedy.find((row) => row.kind === "exchange")).toEqual({
      kind: "exchange",
      cases: 1,
      amount: cny("430"),
    })
    expect(statistics.followUp.recorded).toBe(1)
    expect(statistics.followUp.averageSatisfaction).toBe(4)
    expect(statistics.causePareto.map((row) => [row.key, row.count])).toEqual([
      ["deliveryDate/forceMajeure", 1],
      ["quality/negligence", 1],
    ])
  })

  it("fills 客户投诉统计表 and the figures of 总结表 so that both forms accept them", () => {
    const facts = Complaints.factsOfAll(
      stories.map((story) => story.events),
      calendar,
      "CNY",
    )
    const record = Complaints.statisticsRecordOf(
      facts,
      { from: "2026-01-05" as never, to: "2026-01-05" as never },
      calendar,
    )
    expect(Result.isSuccess(Complaints.statisticsForm.parse(record))).toBe(true)
    expect(record.rows?.map((row) => row.complaintNumber)).toEqual(["TS-1", "TS-3", "TS-4", "TS-2"])
    expect(record.rows?.[0]).toMatchObject({
      responsibleDepartments: "quality 60%; logistics 40%",
      handlingMethods: ["exchange"],
    })
    const summary = Complaints.summaryRecordOf(statistics)
    expect(summary).toEqual({
      from: "2026-01-05",
      to: "2026-01-05",
      complaintCount: 4,
      dailyAverage: 4,
      resolvedCount: 2,
      resolvedPercent: 50,
      qualityCount: 1,
    })
    expect(Result.isSuccess(Complaints.summaryForm.parse(summary))).toBe(true)
  })

  it("gives the periodic analysis (客户投诉分析流程 ①) the same figures from the complaints' facts", () => {
    const facts = Complaints.factsOfAll(
      stories.map((story) => story.events),
      calendar,
      "CNY",
    )
    const complaints = facts.map(Complaints.analysedComplaintOf)
    const figures = Complaints.periodAnalysisFigures(
      complaints,
      { from: "2026-01-05" as never, to: "2026-01-05" as never },
      "CNY",
    )
    expect(figures.byDepartment).toEqual(statistics.byDepartment)
    expect(figures.causePareto).toEqual(statistics.causePareto)
    expect(figures.loss).toEqual(statistics.losses.total)
    expect(Complaints.summaryRecordOf(figures)).toEqual(Complaints.summaryRecordOf(statistics))
    expect(
      complaints.every((complaint) => Complaints.analysedComplaintSchema.safeParse(complaint).success),
    ).toBe(true)
    const later = Complaints.periodAnalysisFigures(
      complaints,
      { from: "2026-01-06" as never, to: "2026-01-12" as never },
      "CNY",
    )
    expect([later.total, later.causePareto, later.byDepartment, later.period.days]).toEqual([0, [], [], 7])
  })

  it("counts only the complaints received in the period asked for", () => {
    const none = complaintStatistics(
      stories.map((story) => story.events),
      { calendar, currency: "CNY", from: "2026-01-06" as never, to: "2026-01-12" as never },
    )
    expect(none.total).toBe(0)
    expect(none.resolvedRatio).toBeUndefined()
    expect(none.perDay).toHaveLength(7)
    expect(none.losses.total).toEqual(Money.zero("CNY"))
  })
})
