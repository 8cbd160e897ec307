import { type CivilDate, chinaMainlandCalendar, Organisation } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const {
  inductionPlan,
  placeOnQuadrant,
  trainingNeedsFromFindings,
  trainingNeedsFromQuadrant,
  trainingPlanForm,
} = Organisation

describe("training needs (培训需求)", () => {
  it("come from the quadrant's B and D people, never A or C", () => {
    const analysis = Result.getOrThrow(
      placeOnQuadrant([
        { personId: "a", ability: 90, performance: 90 },
        { personId: "b", ability: 40, performance: 90 },
        { personId: "c", ability: 90, performance: 40 },
        { personId: "d", ability: 40, performance: 40 },
      ]),
    )
    expect(trainingNeedsFromQuadrant(analysis).map((need) => [need.source, need.person])).toEqual([
      ["quadrantB", "b"],
      ["quadrantD", "d"],
    ])
  })

  it("come from quality findings, naming the standard breached and the person responsible", () => {
    const needs = trainingNeedsFromFindings([
      {
        id: "NC-3",
        description: "回访话术不规范",
        standard: "服务规范 4.2",
        severity: "minor",
        responsible: "officer-li",
      },
      { id: "NC-4", description: "登记信息缺项", standard: "登记规范 2.1", severity: "major" },
    ])
    expect(needs).toEqual([
      { source: "qualityFinding", person: "officer-li", need: "NC-3 回访话术不规范（服务规范 4.2）" },
      { source: "qualityFinding", need: "NC-4 登记信息缺项（登记规范 2.1）" },
    ])
  })
})

describe("入职培训 (002 3.4) as a plan template", () => {
  const calendar = chinaMainlandCalendar()

  it("schedules company, standards, product, systems, shadowing and assessment on working days", () => {
    // Friday 13 February 2026; Saturday 14th is a make-up working day, 15th–23rd Spring Festival.
    const plan = Result.getOrThrow(
      inductionPlan(
        {
          planNumber: "IND-2026-02",
          newStaff: ["new-chen", "new-lin"],
          startOn: "2026-02-13" as CivilDate,
          trainer: "supervisor-sun",
          trainers: { product: "product-gao" },
        },
        calendar,
      ),
    )
    expect(plan.courses.map((course) => [course.topic, course.date, course.trainer])).toEqual([
      ["companyIntroduction", "2026-02-13", "supervisor-sun"],
      ["serviceStandards", "2026-02-13", "supervisor-sun"],
      ["product", "2026-02-14", "product-gao"],
      ["systems", "2026-02-24", "supervisor-sun"],
      ["shadowing", "2026-02-25", "supervisor-sun"],
      ["assessment", "2026-02-27", "supervisor-sun"],
    ])
    expect(plan.trainees).toEqual([{ trainee: "new-chen" }, { trainee: "new-lin" }])
    expect(plan.needs.every((need) => need.source === "induction")).toBe(true)
    // The template fills a valid 培训计划表, ready for the training flow.
    expect(Result.isSuccess(trainingPlanForm.parse(plan))).toBe(true)
  })

  it("refuses an induction without new staff, with someone twice, or past the dated range, naming the field", () => {
    const none = inductionPlan(
      { planNumber: "IND-1", newStaff: [], startOn: "2026-03-02" as CivilDate, trainer: "supervisor-sun" },
      calendar,
    )
    expect(Result.isFailure(none) && none.failure.issues[0]!.path).toEqual(["newStaff"])
    const twice = inductionPlan(
      {
        planNumber: "IND-1",
        newStaff: ["new-chen", "new-chen"],
        startOn: "2026-03-02" as CivilDate,
        trainer: "t",
      },
      calendar,
    )
    expect(Result.isFailure(twice) && twice.failure.issues[0]!.path).toEqual(["newStaff"])
    // The last week tixi dates cannot hold a week's induction: refused, not half-dated.
    const late = inductionPlan(
      { planNumber: "IND-1", newStaff: ["new-chen"], startOn: "2199-12-31" as CivilDate, trainer: "t" },
      calendar,
    )
    expect(Result.isFailure(late) && late.failure.issues[0]!.path).toEqual(["startOn"])
  })
})

describe("training forms", () => {
  it("label every field in zh-CN and en", () => {
    for (const form of [
      trainingPlanForm,
      Organisation.trainingAttendanceForm,
      Organisation.trainingEvaluationForm,
    ])
      for (const [key, field] of Object.entries(form.fields)) {
        expect(field.label["zh-CN"], `${form.id}.${key}`).not.toBe("")
        expect(field.label.en, `${form.id}.${key}`).not.toBe("")
      }
  })

  it("refuse a trainee twice on 培训签到表, naming the row", () => {
    const parsed = Organisation.trainingAttendanceForm.parse({
      courseId: "C1",
      date: "2026-05-11",
      trainer: "trainer-he",
      attendance: [
        { trainee: "officer-li", mark: "present" },
        { trainee: "officer-li", mark: "late" },
      ],
    })
    expect(Result.isFailure(parsed) && parsed.failure.issues[0]!.path).toEqual(["attendance", 1, "trainee"])
  })
})
