import { type CivilDate, Complaints, Organisation } from "@tixi/core"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { officers } from "../src/company.ts"
import { appraiseOfficers, renderOfficerAppraisal } from "../src/officer-appraisal.ts"
import { type SimulationOptions, type SimulationOutcome, simulate } from "../src/simulation.ts"

// Three weeks with fewer customers, so the test runs in seconds.
const small: SimulationOptions = {
  seed: 7,
  start: "2026-03-02" as CivilDate,
  days: 21,
  customers: 60,
  complaintsPerDay: 12,
}
const to = "2026-03-22" as CivilDate

describe("the demo's quarter appraisal of the complaint officers", () => {
  let outcome: SimulationOutcome
  const appraise = (seed: number) =>
    appraiseOfficers({
      logs: outcome.logs.map((log) => log.events),
      calendar: outcome.calendar,
      currency: outcome.policy.currency,
      from: small.start,
      to,
      asOf: outcome.endAt,
      seed,
    })
  beforeAll(async () => {
    outcome = await Effect.runPromise(simulate(small))
  }, 120_000)

  it("places every officer of the desk once, scored from the complaints they handled", () => {
    const report = appraise(small.seed)
    expect(report.officers.map((officer) => officer.personId).sort()).toEqual(
      officers.map((officer) => officer.id as string).sort(),
    )
    expect(report.distribution.reduce((sum, row) => sum + row.count, 0)).toBe(officers.length)
    // Each officer's complaints are the accepted complaints they ended with, all of them counted.
    const accepted = Complaints.complaintStatistics(
      outcome.logs.map((log) => log.events),
      { calendar: outcome.calendar, currency: outcome.policy.currency, from: small.start, to },
    ).accepted
    expect(report.officers.reduce((sum, officer) => sum + officer.complaints, 0)).toBe(accepted)
    // The lines are the team's medians: at least half of the desk on or above each.
    const high = report.officers.filter((officer) => officer.performance >= report.lines.performance)
    expect(high.length * 2).toBeGreaterThanOrEqual(officers.length)
    const needs = report.officers.filter((officer) => officer.quadrant === "B" || officer.quadrant === "D")
    expect(report.trainingNeeds).toBe(needs.length)
    for (const officer of report.officers)
      expect(officer.action).toBe(
        { A: "retain", B: "train", C: "motivate", D: "trainAssessOrRelease" }[officer.quadrant],
      )
  })

  it("is reproducible from the seed and renders in both languages", () => {
    const report = appraise(small.seed)
    expect(JSON.stringify(appraise(small.seed))).toBe(JSON.stringify(report))
    expect(appraise(small.seed + 1).officers.map((officer) => officer.ability)).not.toEqual(
      report.officers.map((officer) => officer.ability),
    )
    expect(renderOfficerAppraisal(report, "zh-CN")).toContain("能力与绩效的 4 个象限")
    const english = renderOfficerAppraisal(report, "en")
    expect(english).toContain("ability × performance")
    expect(english).toContain(Organisation.QuadrantAction.label(report.officers[0]!.action, "en"))
  })
})
