import { civilDate, dayMillis, idempotencyKey, Organisation, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../../support/run-process.ts"

const t0 = Date.UTC(2026, 4, 4, 1, 0)
const owner = personId("supervisor-sun")
const trainer = { personId: personId("trainer-he"), role: "officer" as const }
const supervisor = { personId: owner, role: "supervisor" as const }
const name = "organisation.training"

const plan = {
  planNumber: "TR-2026-05",
  title: "投诉处理技巧提升",
  kind: "ongoing" as const,
  needs: [
    { source: "quadrantB" as const, person: "officer-zheng", need: "能力待提升" },
    { source: "qualityFinding" as const, need: "NC-3 回访话术不规范" },
  ],
  trainees: [{ trainee: "officer-zheng" }, { trainee: "officer-li" }],
  courses: [
    {
      id: "C1",
      topic: "serviceSkills" as const,
      title: "投诉沟通技巧",
      trainer: "trainer-he",
      date: civilDate("2026-05-11"),
      hours: 3,
    },
    {
      id: "C2",
      topic: "product" as const,
      title: "新品知识",
      trainer: "trainer-he",
      date: civilDate("2026-05-12"),
      hours: 2,
    },
  ],
  budget: { minor: 300000, currency: "CNY" },
}

const propose = (at: number, planValue = plan) => ({
  type: "ProposePlan" as const,
  at,
  planId: "TR-2026-05",
  owner,
  plan: planValue,
})

const attendance = (at: number, courseId: string, liMark: "present" | "absent" = "present") => ({
  type: "RecordAttendance" as const,
  at,
  by: trainer,
  sheet: {
    courseId,
    date: civilDate("2026-05-11"),
    trainer: "trainer-he",
    attendance: [
      { trainee: "officer-zheng", mark: "present" as const },
      { trainee: "officer-li", mark: liMark },
    ],
  },
})

/** A plan approved at ✓ whose two sessions were held, Li absent from the second. */
function sessionsDone() {
  const training = drive(Organisation.trainingManagementProcess(), "TR-2026-05")
  training.must(propose(t0))
  const approvalKey = idempotencyKey(name, "TR-2026-05", 0, "approval.submit")
  training.must({ type: "DecideApproval", at: t0 + dayMillis, approvalKey, outcome: "approved" })
  training.must(attendance(t0 + 7 * dayMillis, "C1"))
  training.must(attendance(t0 + 8 * dayMillis, "C2", "absent"))
  return training
}

describe("客户服务人员培训管理流程 (002 3.5)", () => {
  it("① plan → ✓ approved → ② attendance per course → ③ evaluation (Kirkpatrick 1–2) → ④ report", () => {
    const training = sessionsDone()
    expect(training.effects[0]).toMatchObject({
      kind: "approval.submit",
      submission: { formId: "organisation.trainingPlan", steps: [{ approvers: [{ role: "manager" }] }] },
    })
    const courseTasks = training.effects.filter((effect) => effect.kind === "host.task.create").slice(0, 2)
    expect(courseTasks.map((task) => task.kind === "host.task.create" && task.draft.externalKey)).toEqual([
      "TR-2026-05/course/C1",
      "TR-2026-05/course/C2",
    ])
    const submitted = training.effects[0]!
    const values = submitted.kind === "approval.submit" ? submitted.submission.values : {}
    expect(Result.isSuccess(Organisation.trainingPlanForm.parse(values))).toBe(true)
    expect(training.state.status).toBe("evaluating")
    expect(training.effects.at(-1)).toMatchObject({ draft: { externalKey: "TR-2026-05/evaluate" } })
    training.must({
      type: "Evaluate",
      at: t0 + 10 * dayMillis,
      by: supervisor,
      sheet: {
        courseRatings: [
          { courseId: "C1", rating: 5 },
          { courseId: "C1", rating: 4 },
          { courseId: "C2", rating: 3 },
          { courseId: "C2", rating: 4 },
        ],
        assessments: [
          { trainee: "officer-zheng", preScore: 55, postScore: 82 },
          { trainee: "officer-li", preScore: 60, postScore: 75 },
        ],
      },
    })
    const evaluation = training.state.evaluation!
    expect(evaluation.reaction).toEqual({ meanRating: 4, coursesBelowTarget: ["C2"] })
    expect(evaluation.learning).toEqual({ tested: 2, passed: 2, passRate: 1, meanGain: 21 })
    // Li passed the test but attended one session of two (50 % < 80 %): not completed.
    expect(evaluation.trainees.map((each) => [each.trainee, each.attendanceRate, each.completed])).toEqual([
      ["officer-zheng", 1, true],
      ["officer-li", 0.5, false],
    ])
    training.must({ type: "Report", at: t0 + 12 * dayMillis, by: supervisor, summary: "C2 需改进讲授方式" })
    expect(training.state.status).toBe("reported")
    const report = training.effects.at(-1)!
    expect(report.kind === "notify" && report.draft.body["zh-CN"]).toBe(
      "课程满意度 4/5，考核通过率 100%，完成 1/2。C2 需改进讲授方式",
    )
  })

  it("① plan → ✓ rejected → back to ① with the comment → proposed again → ✓ approved", () => {
    const training = drive(Organisation.trainingManagementProcess(), "TR-2026-05")
    training.must(propose(t0))
    const approvalKey = idempotencyKey(name, "TR-2026-05", 0, "approval.submit")
    training.must({
      type: "DecideApproval",
      at: t0 + 1000,
      approvalKey,
      outcome: "rejected",
      comment: "预算过高",
    })
    expect(training.state.status).toBe("drafting")
    const notice = training.effects.at(-1)!
    expect(notice.kind === "notify" && notice.draft.body["zh-CN"]).toBe("TR-2026-05：预算过高")
    const [again] = training.must(propose(t0 + 2000, { ...plan, budget: { minor: 150000, currency: "CNY" } }))
    const secondKey = again!.type === "PlanProposed" ? again!.approvalKey : ""
    expect(secondKey).not.toBe(approvalKey)
    training.must({ type: "DecideApproval", at: t0 + 3000, approvalKey: secondKey, outcome: "approved" })
    expect(training.state).toMatchObject({ status: "inSession", proposals: 2 })
  })

  it("② a sheet by someone not teaching, of an unknown course or trainee, or a course twice, is refused; ⏰ evaluation reminded once", () => {
    const training = drive(Organisation.trainingManagementProcess(), "TR-2026-05")
    training.must(propose(t0))
    training.must({
      type: "DecideApproval",
      at: t0 + dayMillis,
      approvalKey: idempotencyKey(name, "TR-2026-05", 0, "approval.submit"),
      outcome: "approved",
    })
    const byAnother = training.send({
      ...attendance(t0 + 2 * dayMillis, "C1"),
      by: { personId: personId("officer-x"), role: "officer" },
    })
    expect(Result.isFailure(byAnother) && byAnother.failure.message).toContain("trainer-he")
    const unknownCourse = training.send(attendance(t0 + 2 * dayMillis, "C9"))
    expect(Result.isFailure(unknownCourse) && unknownCourse.failure._tag).toBe("PolicyRefusal")
    const stranger = attendance(t0 + 2 * dayMillis, "C1")
    const withStranger = training.send({
      ...stranger,
      sheet: { ...stranger.sheet, attendance: [{ trainee: "visitor-x", mark: "present" }] },
    })
    expect(Result.isFailure(withStranger) && withStranger.failure.message).toContain("visitor-x")
    training.must(attendance(t0 + 2 * dayMillis, "C1"))
    const twice = training.send(attendance(t0 + 3 * dayMillis, "C1"))
    expect(Result.isFailure(twice) && twice.failure._tag).toBe("InvalidTransition")
    training.must(attendance(t0 + 3 * dayMillis, "C2"))
    expect(Organisation.trainingManagementProcess().deadlines(training.state)).toEqual([
      { key: "evaluate", dueAt: t0 + 10 * dayMillis, command: { type: "RemindEvaluation" } },
    ])
    training.must({ type: "RemindEvaluation", at: t0 + 10 * dayMillis })
    expect(training.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    expect(training.must({ type: "RemindEvaluation", at: t0 + 11 * dayMillis })).toEqual([])
    expect(Organisation.trainingManagementProcess().deadlines(training.state)).toEqual([])
  })

  it("① bad input names its field: a course id twice on 培训计划表; cancel at ✓ withdraws the approval", () => {
    const training = drive(Organisation.trainingManagementProcess(), "TR-2026-05")
    const repeated = training.send(propose(t0, { ...plan, courses: [plan.courses[0]!, plan.courses[0]!] }))
    expect(
      Result.isFailure(repeated) &&
        repeated.failure._tag === "ValidationError" &&
        repeated.failure.issues[0]!.path,
    ).toEqual(["plan", "courses", 1, "id"])
    training.must(propose(t0))
    training.must({ type: "Cancel", at: t0 + 1000, actor: supervisor, reason: "培训取消" })
    expect(training.state.status).toBe("cancelled")
    expect(training.effects.at(-1)).toMatchObject({ kind: "approval.withdraw" })
  })
})
