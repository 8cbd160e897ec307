import { Accounts, idempotencyKey, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 4, 4, 1, 0)
const supervisor = { personId: staff.supervisor.id, role: "supervisor" as const }
const officer = { personId: staff.officer.id, role: "officer" as const }

function noticed() {
  const process = Accounts.keyAccountRevisitProcess(Accounts.defaultAccountsPolicy)
  const instance = drive(process, "RV-1")
  instance.must({
    type: "IssueNotice",
    at: t0,
    revisitId: "RV-1",
    customerId: "K1",
    customerName: "华东五金",
    issuedBy: supervisor,
    dueAt: t0 + 20 * day,
    purpose: "季度回访",
  })
  return { process, instance }
}

describe("大客户回访管理流程", () => {
  it("① notice → ② assign → ③–⑤ visit → ⑥ report ✓ → ⑦ archived", () => {
    const { process, instance } = noticed()
    expect(process.deadlines(instance.state)).toEqual([
      { key: "revisit-reminder", dueAt: t0 + 13 * day, command: { type: "RemindRevisit" } },
      { key: "revisit-escalation", dueAt: t0 + 27 * day, command: { type: "EscalateRevisit" } },
    ])
    instance.must({ type: "Assign", at: t0 + day, assignedBy: supervisor, officer })
    expect(instance.effects[0]).toMatchObject({
      kind: "host.task.create",
      draft: { externalKey: "RV-1/revisit", dueAt: t0 + 20 * day },
      assignee: { person: "officer-wu" },
    })
    instance.must({ type: "RemindRevisit", at: t0 + 13 * day })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: "officer-wu" }] },
    })
    instance.must({
      type: "RecordVisit",
      at: t0 + 15 * day,
      officer,
      visitedOn: "2026-05-19",
      findings: "设备运行正常，客户希望增加培训",
      qualityData: "故障响应平均 3.5 小时",
    })
    expect(process.deadlines(instance.state)).toEqual([])
    instance.must({ type: "SubmitReport", at: t0 + 16 * day, officer, followUp: "安排两次操作培训" })
    const submit = instance.effects.find((effect) => effect.kind === "approval.submit")
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.key).toBe(idempotencyKey("accounts.revisit", "RV-1", 4, "approval.submit"))
    expect(submit.submission.steps).toEqual([{ mode: "any", approvers: [{ role: "manager" }] }])
    expect(Result.isSuccess(Accounts.revisitReportForm.parse(submit.submission.values))).toBe(true)
    instance.must({
      type: "DecideApproval",
      at: t0 + 17 * day,
      approvalKey: submit.key,
      outcome: "rejected",
      comment: "补充质量数据",
    })
    expect(instance.state.status).toBe("visited")
    instance.must({ type: "SubmitReport", at: t0 + 18 * day, officer })
    instance.must({
      type: "DecideApproval",
      at: t0 + 19 * day,
      approvalKey: instance.state.approval!.key,
      outcome: "approved",
    })
    expect(instance.state.status).toBe("archived")
    expect(process.isFinished(instance.state)).toBe(true)
    // Both decisions delivered again (a retried callback, a recovery pull) change nothing.
    const events = instance.events.length
    for (const [approvalKey, outcome] of [
      [submit.key, "rejected"],
      [instance.state.decidedApprovals[1]!.key, "approved"],
    ] as const) {
      const again = instance.send({ type: "DecideApproval", at: t0 + 20 * day, approvalKey, outcome })
      expect(Result.isSuccess(again) && again.success).toEqual([])
    }
    expect(instance.events.length).toBe(events)
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("an unvisited account past its escalation day goes to the supervisor, once", () => {
    const { instance } = noticed()
    instance.must({ type: "EscalateRevisit", at: t0 + 27 * day })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { severity: "urgent", recipients: [{ role: "supervisor" }] },
    })
    expect(instance.send({ type: "EscalateRevisit", at: t0 + 28 * day })).toEqual(Result.succeed([]))
  })

  it("refuses steps out of order and a visit without an assigned officer", () => {
    const { instance } = noticed()
    const early = instance.send({
      type: "RecordVisit",
      at: t0,
      officer,
      visitedOn: "2026-05-04",
      findings: "x",
    })
    expect(Result.isFailure(early) && early.failure._tag).toBe("InvalidTransition")
    const bad = instance.send({
      type: "Assign",
      at: t0,
      assignedBy: supervisor,
      officer: { personId: "", role: "officer" } as never,
    })
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("ValidationError")
  })
})
