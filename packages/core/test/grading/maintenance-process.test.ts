import { Grading, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { distributorCustomers } from "./fixtures.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 0, 5, 1, 0)
const supervisor = { personId: staff.supervisor.id, role: "supervisor" as const }
const policy = Grading.defaultGradingPolicy

describe("客户关系维护管理流程", () => {
  it("collect → grade → register → plan ✓ → execute → review and improve", () => {
    const process = Grading.relationshipMaintenanceProcess(policy)
    const instance = drive(process, "RM-2026Q1")
    instance.must({
      type: "StartCycle",
      at: t0,
      cycleId: "RM-2026Q1",
      periodFrom: "2025-01-01",
      periodTo: "2025-12-31",
      owner: supervisor,
    })
    const grading = Result.getOrThrow(Grading.gradeCustomers({ customers: distributorCustomers }, policy))
    const summary = Grading.gradingSummary(grading)
    expect(summary).toMatchObject({
      customers: 10,
      grades: { AAA: 2, AA: 2, A: 2, B: 4 },
      abc: { A: 3, B: 2, C: 5 },
    })
    instance.must({ type: "RecordGrading", at: t0 + day, grading: summary })
    const tooMany = instance.send({ type: "RegisterRoster", at: t0 + day, registered: 11 })
    expect(Result.isFailure(tooMany)).toBe(true)
    instance.must({ type: "RegisterRoster", at: t0 + 2 * day, registered: 10 })
    instance.must({
      type: "SubmitServicePlan",
      at: t0 + 3 * day,
      author: supervisor,
      plan: "AAA：专人服务、每月回访；AA：每两月回访；A：季度回访；B：电话关怀",
    })
    const submit = instance.effects.find((effect) => effect.kind === "approval.submit")
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.submission.steps).toEqual([{ mode: "any", approvers: [{ role: "manager" }] }])
    expect(Result.isSuccess(Grading.servicePlanForm.parse(submit.submission.values))).toBe(true)
    expect(submit.submission.values.gradeSummary).toBe("AAA 2, AA 2, A 2, B 4")
    instance.must({
      type: "DecideApproval",
      at: t0 + 4 * day,
      approvalKey: submit.key,
      outcome: "rejected",
      comment: "补充 B 级客户的激活措施",
    })
    expect(instance.state.status).toBe("registered")
    instance.must({
      type: "SubmitServicePlan",
      at: t0 + 5 * day,
      author: supervisor,
      plan: "…增加 B 级客户激活活动",
    })
    instance.must({
      type: "DecideApproval",
      at: t0 + 6 * day,
      approvalKey: instance.state.approval!.key,
      outcome: "approved",
    })
    expect(process.deadlines(instance.state)).toEqual([
      { key: "plan-review", dueAt: t0 + 96 * day, command: { type: "RemindReview" } },
    ])
    const early = instance.send({
      type: "RecordImprovement",
      at: t0 + 7 * day,
      actor: supervisor,
      problems: "x",
      improvements: "y",
    })
    expect(Result.isFailure(early)).toBe(true)
    instance.must({ type: "RecordExecution", at: t0 + 90 * day, actor: supervisor, report: "回访完成率 92%" })
    instance.must({ type: "RemindReview", at: t0 + 96 * day })
    instance.must({
      type: "RecordImprovement",
      at: t0 + 97 * day,
      actor: supervisor,
      problems: "B 级客户响应慢",
      improvements: "B 级客户改为线上服务",
    })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(replay(process, instance.events)).toEqual(instance.state)
  })
})
