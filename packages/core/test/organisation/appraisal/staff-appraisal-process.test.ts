import { dayMillis, idempotencyKey, Organisation, personId } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../../support/run-process.ts"

const t0 = Date.UTC(2026, 3, 1, 1, 0)
const employee = { personId: personId("officer-wu"), role: "officer" as const }
const supervisor = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const name = "organisation.staffAppraisal"

const objectives = [
  { id: "resolved", kpi: "投诉解决比例", weight: 60, target: 0.95, higherIsBetter: true },
  { id: "reopened", kpi: "复诉比例", weight: 40, target: 0.05, higherIsBetter: false },
]

const setObjectives = {
  type: "SetObjectives" as const,
  at: t0,
  appraisalId: "PA-2026Q1-wu",
  employee: employee.personId,
  post: "complaintOfficer" as const,
  period: "2026Q1",
  supervisor: supervisor.personId,
  objectives,
}

const selfAssess = (at: number, resolved = 0.95, reopened = 0.1) => ({
  type: "SelfAssess" as const,
  at,
  by: employee,
  results: [
    { objectiveId: "resolved", actual: resolved },
    { objectiveId: "reopened", actual: reopened },
  ],
  selfAssessment: "解决率达标，复诉偏高",
})

/** An appraisal whose self-assessment passed the supervisor's ✓. */
function reviewed() {
  const appraisal = drive(Organisation.staffAppraisalProcess(), "PA-2026Q1-wu")
  appraisal.must(setObjectives)
  const [assessed] = appraisal.must(selfAssess(t0 + 2 * dayMillis))
  const approvalKey = assessed!.type === "SelfAssessed" ? assessed!.approvalKey : ""
  appraisal.must({ type: "DecideApproval", at: t0 + 3 * dayMillis, approvalKey, outcome: "approved" })
  return appraisal
}

describe("客户服务人员业绩考核流程 (002 3.6)", () => {
  it("① objectives → ② self-assessment → ③ 主管审核 ✓ → ④ result with improvement plan → ⑤ follow-up → archived", () => {
    const appraisal = reviewed()
    expect(appraisal.effects[0]).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "PA-2026Q1-wu/self-assessment/1" },
    })
    expect(appraisal.effects[2]).toMatchObject({
      kind: "approval.submit",
      submission: {
        formId: "organisation.appraisal",
        steps: [{ approvers: [{ person: "supervisor-sun" }] }],
        values: { post: "complaintOfficer", totalScore: 80 },
      },
    })
    // What the supervisor approves on the host is a valid 绩效考核表.
    const submitted = appraisal.effects[2]!
    const values = submitted.kind === "approval.submit" ? submitted.submission.values : {}
    expect(Result.isSuccess(Organisation.appraisalForm.parse(values))).toBe(true)
    expect(appraisal.state.status).toBe("concluding")
    appraisal.must({
      type: "Conclude",
      at: t0 + 4 * dayMillis,
      by: supervisor,
      abilityScore: 65,
      improvementPlan: "复诉案件复盘，每周一次",
    })
    // (60×100 + 40×50) ÷ 100 = 80: good; below the 70/70 cut-offs on ability only: B, train
    expect(appraisal.state.result).toMatchObject({ score: 80, grade: "good", quadrant: "B", action: "train" })
    expect(appraisal.state.status).toBe("followingUp")
    const deadlines = Organisation.staffAppraisalProcess().deadlines(appraisal.state)
    expect(deadlines).toEqual([
      { key: "follow-up", dueAt: t0 + 34 * dayMillis, command: { type: "MarkFollowUpDue" } },
    ])
    appraisal.must({ type: "MarkFollowUpDue", at: t0 + 34 * dayMillis })
    expect(appraisal.effects.at(-1)).toMatchObject({ draft: { externalKey: "PA-2026Q1-wu/follow-up" } })
    appraisal.must({
      type: "FollowUp",
      at: t0 + 35 * dayMillis,
      by: supervisor,
      summary: "复诉降至 4%",
      improved: true,
    })
    expect(appraisal.state).toMatchObject({ status: "archived", followUp: { improved: true } })
    expect(appraisal.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "PA-2026Q1-wu/follow-up",
    })
  })

  it("④ ◇ quadrant A → archived at once, no improvement plan asked", () => {
    const appraisal = drive(Organisation.staffAppraisalProcess(), "PA-2026Q1-wu")
    appraisal.must(setObjectives)
    const [assessed] = appraisal.must(selfAssess(t0 + dayMillis, 0.95, 0.05))
    const approvalKey = assessed!.type === "SelfAssessed" ? assessed!.approvalKey : ""
    appraisal.must({ type: "DecideApproval", at: t0 + 2 * dayMillis, approvalKey, outcome: "approved" })
    appraisal.must({ type: "Conclude", at: t0 + 3 * dayMillis, by: supervisor, abilityScore: 90 })
    expect(appraisal.state).toMatchObject({
      status: "archived",
      result: { score: 100, grade: "excellent", quadrant: "A" },
    })
    expect(Organisation.staffAppraisalProcess().deadlines(appraisal.state)).toEqual([])
  })

  it("④ ◇ not in A without an improvement plan → refused, as is another supervisor; the team's medians move the lines", () => {
    const appraisal = reviewed()
    const bare = appraisal.send({
      type: "Conclude",
      at: t0 + 4 * dayMillis,
      by: supervisor,
      abilityScore: 65,
    })
    expect(Result.isFailure(bare) && bare.failure._tag).toBe("PolicyRefusal")
    const byAnother = appraisal.send({
      type: "Conclude",
      at: t0 + 4 * dayMillis,
      by: { personId: personId("supervisor-zhou"), role: "supervisor" },
      abilityScore: 90,
    })
    expect(Result.isFailure(byAnother) && byAnother.failure.message).toContain("supervisor-sun")
    appraisal.must({
      type: "Conclude",
      at: t0 + 4 * dayMillis,
      by: supervisor,
      abilityScore: 65,
      quadrantLines: { ability: 60, performance: 85 },
      improvementPlan: "激励方案",
    })
    expect(appraisal.state.result).toMatchObject({ quadrant: "C", action: "motivate" })
  })

  it("③ ✓ rejected → back to ② with the comment and a new task; resubmitted → ✓ again", () => {
    const appraisal = drive(Organisation.staffAppraisalProcess(), "PA-2026Q1-wu")
    appraisal.must(setObjectives)
    appraisal.must(selfAssess(t0 + dayMillis))
    const approvalKey = idempotencyKey(name, "PA-2026Q1-wu", 1, "approval.submit")
    appraisal.must({
      type: "DecideApproval",
      at: t0 + 2 * dayMillis,
      approvalKey,
      outcome: "rejected",
      comment: "复诉率数据有误",
    })
    expect(appraisal.state.status).toBe("selfAssessing")
    const [notice, task] = appraisal.effects.slice(-2)
    expect(notice!.kind === "notify" && notice!.draft.body["zh-CN"]).toBe("PA-2026Q1-wu：复诉率数据有误")
    expect(task).toMatchObject({ draft: { externalKey: "PA-2026Q1-wu/self-assessment/2" } })
    expect(
      appraisal.must({ type: "DecideApproval", at: t0 + 2 * dayMillis, approvalKey, outcome: "rejected" }),
    ).toEqual([])
    const [again] = appraisal.must(selfAssess(t0 + 3 * dayMillis, 0.95, 0.05))
    expect(again!.type === "SelfAssessed" && again!.approvalKey).not.toBe(approvalKey)
    expect(appraisal.effects.at(-2)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "PA-2026Q1-wu/self-assessment/2",
    })
  })

  it("③ ✓ the employee's own supervisor first, then the approvers a large company adds", () => {
    const policy = { ...Organisation.defaultAppraisalPolicy, furtherApprovers: ["manager" as const] }
    const appraisal = drive(Organisation.staffAppraisalProcess(policy), "PA-2026Q1-wu")
    appraisal.must(setObjectives)
    appraisal.must(selfAssess(t0 + dayMillis))
    expect(appraisal.effects.at(-1)).toMatchObject({
      kind: "approval.submit",
      submission: {
        steps: [{ approvers: [{ person: "supervisor-sun" }] }, { approvers: [{ role: "manager" }] }],
      },
    })
  })

  it("② self-assessment by someone else, or missing a KPI, is refused; the overdue reminder is sent once", () => {
    const appraisal = drive(Organisation.staffAppraisalProcess(), "PA-2026Q1-wu")
    appraisal.must(setObjectives)
    const other = appraisal.send({ ...selfAssess(t0 + dayMillis), by: supervisor })
    expect(Result.isFailure(other) && other.failure._tag).toBe("PolicyRefusal")
    const partial = appraisal.send({
      ...selfAssess(t0 + dayMillis),
      results: [{ objectiveId: "resolved", actual: 1 }],
    })
    expect(Result.isFailure(partial) && partial.failure.message).toContain("missing: reopened")
    expect(Organisation.staffAppraisalProcess().deadlines(appraisal.state)).toEqual([
      { key: "self-assessment", dueAt: t0 + 7 * dayMillis, command: { type: "RemindSelfAssessment" } },
    ])
    appraisal.must({ type: "RemindSelfAssessment", at: t0 + 7 * dayMillis })
    expect(appraisal.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    expect(appraisal.must({ type: "RemindSelfAssessment", at: t0 + 8 * dayMillis })).toEqual([])
  })

  it("① bad input names its field: weights not adding up to 100, a KPI twice; cancel while in ③ withdraws the approval", () => {
    const appraisal = drive(Organisation.staffAppraisalProcess(), "PA-2026Q1-wu")
    const heavy = appraisal.send({
      ...setObjectives,
      objectives: [{ ...objectives[0]!, weight: 70 }, objectives[1]!],
    })
    expect(
      Result.isFailure(heavy) && heavy.failure._tag === "ValidationError" && heavy.failure.issues[0]!.path,
    ).toEqual(["objectives"])
    const twice = appraisal.send({
      ...setObjectives,
      objectives: [objectives[0]!, { ...objectives[1]!, id: "resolved" }],
    })
    expect(
      Result.isFailure(twice) && twice.failure._tag === "ValidationError" && twice.failure.issues[0]!.path,
    ).toEqual(["objectives", 1, "id"])
    appraisal.must(setObjectives)
    appraisal.must(selfAssess(t0 + dayMillis))
    appraisal.must({ type: "Cancel", at: t0 + 2 * dayMillis, actor: supervisor, reason: "员工离职" })
    expect(appraisal.state.status).toBe("cancelled")
    expect(appraisal.effects.at(-1)).toMatchObject({ kind: "approval.withdraw" })
  })
})

describe("绩效考核表", () => {
  it("has zh-CN and en labels and refuses KPI weights that do not add up to 100", () => {
    const form = Organisation.appraisalForm
    for (const field of Object.values(form.fields))
      expect(field.label.en.length * field.label["zh-CN"].length).toBeGreaterThan(0)
    const parsed = form.parse({
      appraisalNumber: "PA-1",
      employee: "officer-wu",
      post: "complaintOfficer",
      period: "2026Q1",
      objectives: [{ id: "a", kpi: "解决率", weight: 50, target: 0.9, higherIsBetter: true }],
    })
    expect(Result.isFailure(parsed) && parsed.failure.issues[0]!.path).toEqual(["objectives"])
  })
})
