import { dayMillis, idempotencyKey, personId, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 5, 1, 1, 0)
const owner = personId("supervisor-sun")
const officer = personId("officer-wu")
const name = "quality.loyaltyImprovement"
const actor = { personId: owner, role: "supervisor" as const }

const proposal = (at: number) => ({
  type: "ProposePlan" as const,
  at,
  id: "LI-1",
  surveyId: "LOY-2026",
  findings: "推荐意愿偏低，老客户复购下降",
  actions: [
    { id: "A1", action: "老客户回访计划", owner: officer, dueAt: at + 20 * dayMillis },
    { id: "A2", action: "会员积分升级", owner, dueAt: at + 30 * dayMillis },
  ],
  owner,
})

/** An improvement whose first plan passed ✓ (its approval submitted with the first event). */
function implementing() {
  const improvement = drive(Quality.loyaltyImprovementProcess(), "LI-1")
  improvement.must(proposal(t0))
  const approvalKey = idempotencyKey(name, "LI-1", 0, "approval.submit")
  improvement.must({ type: "DecideApproval", at: t0 + dayMillis, approvalKey, outcome: "approved" })
  return improvement
}

describe("客户忠诚度提升工作流程 (002 6.15)", () => {
  it("① plan → 审核/审批 ✓ → ② actions done → follow-up due → ③ ◇ effective? yes → closed", () => {
    const improvement = implementing()
    expect(improvement.effects[0]).toMatchObject({
      kind: "approval.submit",
      submission: {
        formId: "quality.improvementPlan",
        steps: [{ approvers: [{ role: "manager" }] }, { approvers: [{ role: "director" }] }],
      },
    })
    expect(improvement.state.status).toBe("implementing")
    const tasks = improvement.effects.filter((effect) => effect.kind === "host.task.create")
    expect(tasks.map((task) => task.kind === "host.task.create" && task.draft.externalKey)).toEqual([
      "LI-1/plan-1/action/A1",
      "LI-1/plan-1/action/A2",
    ])
    improvement.must({
      type: "CompleteAction",
      at: t0 + 10 * dayMillis,
      actionId: "A1",
      note: "已回访 40 户",
    })
    improvement.must({
      type: "CompleteAction",
      at: t0 + 20 * dayMillis,
      actionId: "A2",
      note: "积分规则上线",
    })
    expect(improvement.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "LI-1/plan-1/action/A2",
    })
    const deadlines = Quality.loyaltyImprovementProcess().deadlines(improvement.state)
    expect(deadlines).toEqual([
      { key: "follow-up", dueAt: t0 + dayMillis + 30 * dayMillis, command: { type: "MarkFollowUpDue" } },
    ])
    improvement.must({ type: "MarkFollowUpDue", at: t0 + 31 * dayMillis })
    expect(improvement.effects.at(-1)).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "LI-1/follow-up/1" },
    })
    improvement.must({
      type: "FollowUp",
      at: t0 + 40 * dayMillis,
      summary: "NPS 提升 12 分",
      effective: true,
    })
    expect(improvement.state.status).toBe("closed")
    expect(improvement.effects.at(-2)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "LI-1/follow-up/1",
    })
    expect(improvement.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "info" } })
  })

  it("③ ◇ effective? no → back to ① → a new plan with its own tasks → ✓ approved", () => {
    const improvement = implementing()
    improvement.must({ type: "CompleteAction", at: t0 + 10 * dayMillis, actionId: "A1", note: "完成" })
    improvement.must({ type: "CompleteAction", at: t0 + 11 * dayMillis, actionId: "A2", note: "完成" })
    improvement.must({ type: "FollowUp", at: t0 + 40 * dayMillis, summary: "复购率无变化", effective: false })
    expect(improvement.state.status).toBe("drafting")
    expect(improvement.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    const [proposed] = improvement.must(proposal(t0 + 41 * dayMillis))
    const approvalKey = proposed!.type === "PlanProposed" ? proposed!.approvalKey : ""
    improvement.must({ type: "DecideApproval", at: t0 + 42 * dayMillis, approvalKey, outcome: "approved" })
    expect(improvement.state).toMatchObject({ status: "implementing", plans: 2 })
    expect(improvement.state.followUps).toHaveLength(1)
    expect(improvement.effects.at(-1)).toMatchObject({ draft: { externalKey: "LI-1/plan-2/action/A2" } })
  })

  it("① plan → ✓ rejected → back to ① with the comment; the old decision again changes nothing", () => {
    const improvement = drive(Quality.loyaltyImprovementProcess(), "LI-1")
    improvement.must(proposal(t0))
    const approvalKey = idempotencyKey(name, "LI-1", 0, "approval.submit")
    improvement.must({
      type: "DecideApproval",
      at: t0 + 1000,
      approvalKey,
      outcome: "rejected",
      comment: "措施不具体",
    })
    expect(improvement.state).toMatchObject({ status: "drafting", actions: [] })
    const notice = improvement.effects.at(-1)!
    expect(notice.kind === "notify" && notice.draft.body["zh-CN"]).toBe("LI-1：措施不具体")
    expect(
      improvement.must({ type: "DecideApproval", at: t0 + 2000, approvalKey, outcome: "rejected" }),
    ).toEqual([])
    const wrongStep = improvement.send({ type: "CompleteAction", at: t0 + 3000, actionId: "A1", note: "x" })
    expect(Result.isFailure(wrongStep) && wrongStep.failure._tag).toBe("InvalidTransition")
  })

  it("② an action past due → overdue warning once; ③ follow-up with actions open is refused", () => {
    const improvement = implementing()
    improvement.must({ type: "MarkActionOverdue", at: t0 + 21 * dayMillis, actionId: "A1" })
    expect(improvement.state.actions.find((action) => action.id === "A1")!.overdue).toBe(true)
    expect(improvement.effects.at(-1)).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    expect(improvement.must({ type: "MarkActionOverdue", at: t0 + 22 * dayMillis, actionId: "A1" })).toEqual(
      [],
    )
    const early = improvement.send({
      type: "FollowUp",
      at: t0 + 25 * dayMillis,
      summary: "x",
      effective: true,
    })
    expect(Result.isFailure(early) && early.failure._tag).toBe("PolicyRefusal")
  })

  it("① bad input: duplicate action ids and a missing owner name their field; a past due date is refused", () => {
    const improvement = drive(Quality.loyaltyImprovementProcess(), "LI-1")
    const plan = proposal(t0)
    const duplicate = improvement.send({ ...plan, actions: [plan.actions[0]!, plan.actions[0]!] })
    expect(Result.isFailure(duplicate) && duplicate.failure._tag).toBe("ValidationError")
    if (Result.isFailure(duplicate) && duplicate.failure._tag === "ValidationError")
      expect(duplicate.failure.issues[0]!.path).toEqual(["actions"])
    const { owner: _owner, ...ownerless } = plan.actions[0]!
    const missing = improvement.send({ ...plan, actions: [ownerless as (typeof plan.actions)[0]] })
    if (Result.isFailure(missing) && missing.failure._tag === "ValidationError")
      expect(missing.failure.issues[0]!.path).toEqual(["actions", 0, "owner"])
    expect(Result.isFailure(missing) && missing.failure._tag).toBe("ValidationError")
    const past = improvement.send({ ...plan, actions: [{ ...plan.actions[0]!, dueAt: t0 - 1 }] })
    expect(Result.isFailure(past) && past.failure._tag).toBe("PolicyRefusal")
  })

  it("cancel while the plan awaits ✓ → the approval withdrawn; a closed improvement cannot be cancelled", () => {
    const improvement = drive(Quality.loyaltyImprovementProcess(), "LI-1")
    improvement.must(proposal(t0))
    improvement.must({ type: "Cancel", at: t0 + 1000, actor, reason: "客户已流失" })
    expect(improvement.effects.at(-1)).toMatchObject({
      kind: "approval.withdraw",
      submissionKey: idempotencyKey(name, "LI-1", 0, "approval.submit"),
    })
    const closed = implementing()
    closed.must({ type: "CompleteAction", at: t0 + 2 * dayMillis, actionId: "A1", note: "完成" })
    closed.must({ type: "CompleteAction", at: t0 + 2 * dayMillis, actionId: "A2", note: "完成" })
    closed.must({ type: "FollowUp", at: t0 + 40 * dayMillis, summary: "见效", effective: true })
    const late = closed.send({ type: "Cancel", at: t0 + 41 * dayMillis, actor, reason: "x" })
    expect(Result.isFailure(late) && late.failure._tag).toBe("InvalidTransition")
  })
})
