import { type CivilDate, chinaMainlandCalendar, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { type CustomerExperience, ExperienceSegment } from "../src/customer-experience.ts"
import { Random } from "../src/random.ts"
import { runSatisfactionSurvey, type SatisfactionSurveyReport } from "../src/satisfaction-survey.ts"
import { renderSatisfactionSurvey } from "../src/satisfaction-survey-render.ts"
import { customerStandings, drawRound, satisfactionQuestionnaire } from "../src/survey-responses.ts"
import { displayWidth } from "../src/text-table.ts"

const calendar = chinaMainlandCalendar()
const quarter = { quarterStart: "2026-01-05" as CivilDate, quarterEnd: "2026-04-04" as CivilDate }
const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0)

/** Customers with every kind of quarter, in the proportions the 90-day run produces. */
function experiences(count: number, seed = 3): ReadonlyArray<CustomerExperience> {
  const random = new Random(seed)
  return Array.from({ length: count }, (_, index) => {
    const segment = random.weighted<ExperienceSegment>({
      noComplaint: 0.1,
      handledOnTime: 0.25,
      breached: 0.3,
      rejected: 0.3,
      litigation: 0.05,
    })
    const complaints = segment === "noComplaint" ? 0 : random.int(1, 8)
    const experience: CustomerExperience = {
      customerId: `cust-${String(index + 1).padStart(4, "0")}`,
      kind: random.chance(0.6) ? "organization" : "person",
      complaints,
      rejected:
        segment === "rejected" || (segment === "litigation" && random.chance(0.5)) ? random.int(1, 3) : 0,
      breached:
        segment === "breached" || segment === "rejected" ? random.int(segment === "breached" ? 1 : 0, 4) : 0,
      escalatedHigh: segment === "breached" ? random.int(0, 2) : 0,
      litigated: segment === "litigation" ? 1 : 0,
      reopened: complaints > 0 && random.chance(0.1) ? 1 : 0,
      refusals: complaints > 0 ? random.int(0, 2) : 0,
      open: 0,
      followUpScores: complaints > 0 ? [random.int(3, 5)] : [],
      usualChannel: complaints > 0 ? random.pick(["phone", "web", "chat", "letter"] as const) : undefined,
      segment,
    }
    return experience
  })
}

const population = experiences(320)
const run = (seed: number, of = population): SatisfactionSurveyReport =>
  runSatisfactionSurvey({ experiences: of, calendar, seed, ...quarter })

describe("the demo's satisfaction survey round", () => {
  const report = run(5)

  it("is deterministic: the same seed gives the same round, another seed another", () => {
    expect(JSON.stringify(run(5))).toBe(JSON.stringify(report))
    expect(JSON.stringify(run(6))).not.toBe(JSON.stringify(report))
  })

  it("goes through the survey cycle: plan sent back, approved, sent, closed by its timer, evaluated, improved, followed up", () => {
    const events = report.steps.map((step) => step.event)
    expect(events.slice(0, 9)).toEqual([
      "PlanDrafted",
      "PlanSubmitted",
      "PlanRejected",
      "PlanDrafted",
      "PlanSubmitted",
      "PlanApproved",
      "SurveySent",
      "CollectionClosed",
      "Evaluated",
    ])
    expect(events.slice(9, 11)).toEqual(["ImprovementPlanSubmitted", "ImprovementPlanApproved"])
    expect(events.at(-1)).toBe("FollowedUp")
    expect(report.status).toBe("closed")
    // The fieldwork timer closes the collection the policy's fourteen days after sending.
    const sent = report.steps.find((step) => step.event === "SurveySent")!.at
    const closed = report.steps.find((step) => step.event === "CollectionClosed")!.at
    expect(closed).toBe(
      `${calendar.dateOf(calendar.instantAt(sent.slice(0, 10) as CivilDate, "09:00") + 14 * 86_400_000)} 09:00`,
    )
    // Every step happens after the quarter, on the calendar's working days for the office steps.
    for (const step of report.steps) expect(step.at.slice(0, 10) > quarter.quarterEnd).toBe(true)
    // Two plan submissions and the improvement plan went to approval.
    expect(report.effects["approval.submit"]).toBe(3)
    expect(report.effects["host.task.create"]).toBe(report.improvementPlan.actions.length + 1)
  })

  it("adds up: invitations, responses, segments and every index's counts", () => {
    expect(report.invited).toBe(population.length)
    expect(report.responses).toBeGreaterThan(100)
    expect(report.responses).toBeLessThanOrEqual(report.invited)
    expect(report.responseRate).toBeCloseTo(report.responses / report.invited, 12)
    expect(report.respondentsByKind.organization + report.respondentsByKind.person).toBe(report.responses)
    expect(sum(report.bySegment.map((row) => row.customers))).toBe(population.length)
    expect(sum(report.bySegment.map((row) => row.respondents))).toBe(report.responses)
    expect(sum(report.csat.distribution.map((row) => row.count))).toBe(report.responses)
    expect(report.nps.promoters + report.nps.passives + report.nps.detractors).toBe(report.responses)
    expect(report.ces.ces.sampleSize).toBe(report.responses)
    expect(report.servqual.respondents).toBe(report.responses)
    for (const feature of report.kano) expect(sum(Object.values(feature.counts))).toBe(report.responses)
    expect(sum(Object.values(report.channels))).toBe(report.responses)
    // Only customers who complained answer the complaint-handling question.
    const complained = report.bySegment
      .filter((row) => row.segment !== "noComplaint")
      .reduce((total, row) => total + row.respondents, 0)
    expect(report.complaintHandling.index.sampleSize).toBe(complained)
    // The RATER weights are the respondents' own points, normalised.
    expect(sum(report.rater.dimensions.map((row) => row.weight))).toBeCloseTo(1, 12)
    expect(report.rater.weighting).toBe("respondents")
  })

  it("answers as the quarter treated each customer: rejected and breached complaints score lower", () => {
    const mean = (segment: ExperienceSegment) =>
      report.bySegment.find((row) => row.segment === segment)!.mean.value!
    expect(mean("handledOnTime")).toBeGreaterThan(mean("breached"))
    expect(mean("handledOnTime")).toBeGreaterThan(mean("rejected"))
    expect(mean("noComplaint")).toBeGreaterThan(mean("litigation"))
    // Breached deadlines hurt responsiveness most; the previous round, without the backlog, saw it higher.
    const responsiveness = report.previousRound.items.find(
      (item) => item.itemId === "perception.responsiveness",
    )!
    expect(responsiveness.currentMean!).toBeLessThan(responsiveness.previousMean!)
    const tangibles = report.servqual.dimensions.find((row) => row.dimension === "tangibles")!
    const reliability = report.servqual.dimensions.find((row) => row.dimension === "reliability")!
    expect(reliability.gap.value!).toBeLessThan(tangibles.gap.value!)
  })

  it("flags small segments as indicative and keeps changes within the noise not significant", () => {
    for (const row of report.bySegment)
      expect(row.csat.sufficientSample).toBe(
        row.respondents >= Quality.defaultQualityPolicy.indices.minimumSampleSize,
      )
    expect(report.bySegment.some((row) => !row.csat.sufficientSample)).toBe(true)
    const previous = report.previousRound
    expect(
      previous.improved + previous.declined + previous.notSignificant + previous.insufficientSample,
    ).toBe(previous.items.length)
    for (const item of previous.items) {
      const { lower, upper, verdict } = item.change
      if (verdict === "notSignificant") expect(lower! <= 0 && upper! >= 0).toBe(true)
      if (verdict === "lower") expect(upper!).toBeLessThan(0)
    }
  })

  it("derives the improvement plan from the evaluation and tracks each action to the follow-up", () => {
    const plan = report.improvementPlan
    expect(plan.actions.length).toBeGreaterThan(0)
    expect(
      plan.actions.some((action) => action.action["zh-CN"].includes(`${report.nps.detractors} 位贬损者`)),
    ).toBe(report.nps.detractors > 0)
    for (const action of plan.actions) {
      expect(action.completedOn).toBeDefined()
      expect(action.overdue).toBe(action.completedOn! > action.dueOn)
      expect(action.ownerName).not.toBe(action.owner)
    }
    expect(report.followUp.effective).toBe(plan.actions.every((action) => !action.overdue))
  })

  it("evaluates a small round anyway, marked below the minimum, every figure indicative", () => {
    const small = run(5, population.slice(0, 40))
    expect(small.responses).toBeLessThan(Quality.defaultQualityPolicy.survey.minimumResponses)
    expect(small.belowMinimum).toBe(true)
    expect(small.csat.csat.sufficientSample).toBe(false)
    for (const item of small.previousRound.items) expect(item.change.verdict).toBe("insufficientSample")
    expect(small.status).toBe("closed")
  })

  it("draws answers every questionnaire accepts, with importance points adding up to 100", () => {
    const definition = satisfactionQuestionnaire("test")
    const random = new Random(9)
    const drawn = drawRound(random, definition, population, customerStandings(random, population.length), {
      surveyVersion: "test",
      fieldworkStart: 0,
      fieldworkEnd: 14 * 86_400_000,
      breachWeight: 1,
    })
    for (const { response } of drawn) {
      expect(Result.isSuccess(Quality.parseSurveyResponse(definition, response))).toBe(true)
      const importance = response.answers.importance as Record<string, number> | undefined
      if (importance) expect(sum(Object.values(importance))).toBe(100)
      expect(response.submittedAt).toBeGreaterThanOrEqual(0)
      expect(response.submittedAt).toBeLessThan(14 * 86_400_000)
    }
  })

  it("renders in both languages with the tables lined up", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const text = renderSatisfactionSurvey(report, locale)
      expect(text).toContain(locale === "zh-CN" ? "SERVQUAL 差距" : "SERVQUAL gaps")
      expect(text).toContain(ExperienceSegment.label("litigation", locale))
      const lines = text.split("\n")
      lines.forEach((line, index) => {
        if (!line.trim().startsWith("─")) return
        expect(displayWidth(lines[index - 1]!.trimEnd())).toBeLessThanOrEqual(displayWidth(line))
      })
    }
  })
})
