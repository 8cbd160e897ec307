import { type CivilDate, Complaints } from "@tixi/core"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { companyOrganisation } from "../src/company.ts"
import { renderReport } from "../src/render.ts"
import { buildReport, type SimulationReport } from "../src/report.ts"
import { type SimulationOptions, simulate } from "../src/simulation.ts"

// Three weeks around 春节 with fewer customers, so the test runs in seconds.
const small: SimulationOptions = {
  seed: 7,
  start: "2026-02-09" as CivilDate,
  days: 21,
  customers: 60,
  complaintsPerDay: 12,
}

describe("the survey round and the call-centre day in the demo's report", () => {
  let report: SimulationReport
  beforeAll(async () => {
    report = buildReport(await Effect.runPromise(simulate(small)))
  }, 120_000)

  it("surveys the simulated customers, each once, after the simulated period", () => {
    const survey = report.satisfaction
    expect(survey.customers).toBe(report.population.customers)
    expect(survey.bySegment.reduce((total, row) => total + row.customers, 0)).toBe(
      report.population.customers,
    )
    expect(survey.steps[0]!.at.slice(0, 10) > report.period.to).toBe(true)
    expect(survey.status).toBe("closed")
    // Customers whose complaints were all rejected are in the "not accepted" segment or worse.
    const rejectedSegments = survey.bySegment
      .filter((row) => row.segment === "rejected" || row.segment === "litigation")
      .reduce((total, row) => total + row.customers, 0)
    expect(rejectedSegments).toBeGreaterThan(0)
    expect(rejectedSegments).toBeLessThanOrEqual(report.summary.rejected + report.summary.litigations)
  })

  it("plans the hotline's next working day from the simulated complaints", () => {
    const day = report.callCentre
    const byPhone = report.breakdowns.byChannel.find((row) => row.key === "phone")?.count ?? 0
    expect(day.history.phoneComplaints).toBe(byPhone)
    expect(day.history.to).toBe(report.period.to)
    expect(day.date > report.period.to).toBe(true)
    expect(day.intervals.every((row) => row.scheduled >= row.required)).toBe(true)
  })

  it("writes both sections into the JSON and the terminal report", () => {
    const json = JSON.parse(JSON.stringify(report)) as SimulationReport
    expect(json.satisfaction.responses).toBe(report.satisfaction.responses)
    expect(json.callCentre.intervals).toHaveLength(96)
    for (const locale of ["zh-CN", "en"] as const) {
      const text = renderReport(report, locale, 1, "out.json")
      expect(text).toContain(locale === "zh-CN" ? "客户满意度调查" : "Customer satisfaction survey")
      expect(text).toContain(locale === "zh-CN" ? "呼叫中心的一天" : "A day at the call centre")
    }
  })

  it("shows the organisation, a refused claim, one complaint as three readers see it, and the audit trail", () => {
    const section = report.organisationAccess
    // Every person with a post appears as a holder once, under the post that holds theirs after merges.
    const holders = section.chart.flatMap((row) => row.holders)
    expect(new Set(holders).size).toBe(holders.length)
    expect(section.chart.find((row) => row.post === "complaintOfficer")?.holders).toContain("officer-wu")
    expect(section.chart.some((row) => row.post === "qualityOfficer")).toBe(false)
    expect(section.refusedClaim).toMatchObject({ claimed: "director", refusal: "PostNotHeld" })
    // The officer and finance read the natural person's telephone; the CRM's 内部 audience does not.
    const [officer, finance, crm] = section.views
    expect(officer!.masked).toEqual([])
    expect(finance!.masked).toEqual([])
    expect(crm!.masked.map((masked) => masked.field).sort()).toEqual(["address", "phone"])
    expect(crm!.shown).toBe(officer!.shown - 2)
    // The refused claim is in the trail, and so are the two reads.
    expect(section.audit.byOutcome.refused).toBeGreaterThanOrEqual(1)
    expect(section.audit.byPost.find((row) => row.post === "financeManager")?.entries).toBeGreaterThanOrEqual(
      1,
    )
    expect(section.audit.entries).toBe(
      section.audit.byOutcome.accepted + section.audit.byOutcome.refused + section.audit.byOutcome.failed,
    )
    // The complaint flow decided under the same chart the section shows (its version is in the policy's).
    expect(report.policy.version).toBe(
      `${Complaints.defaultComplaintPolicy.version}+${companyOrganisation.version}`,
    )
    const text = renderReport(report, "en", 1, "out.json")
    expect(text).toContain("Organisation and access")
    expect(text).toContain("PostNotHeld")
  })
})
