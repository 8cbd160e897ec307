import { Accounts, civilDate, idempotencyKey, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 0, 5, 1, 0)
const supervisor = { personId: staff.supervisor.id, role: "supervisor" as const }
const officer = { personId: staff.officer.id, role: "officer" as const }
const plan = {
  accounts: [
    { customer: "K1", officer: staff.officer.id },
    { customer: "K2", officer: staff.officer.id },
  ],
  periodFrom: civilDate("2026-01-05"),
  periodTo: civilDate("2026-06-30"),
  objectives: "保持 AA 以上客户零流失",
  measures: [
    { measure: "salesIncentives" as const, content: "年度返利分档" },
    { measure: "consultativeSelling" as const, content: "季度经营诊断" },
  ],
}
const summary = { accountsKept: 2, accountsLost: 0, results: "两家客户均续约" }

function submitted() {
  const process = Accounts.keyAccountMaintenanceProcess(Accounts.defaultAccountsPolicy)
  const instance = drive(process, "KM-1")
  instance.must({
    type: "SubmitPlan",
    at: t0,
    cycleId: "KM-1",
    supervisor,
    plan,
    summaryDueAt: t0 + 176 * day,
  })
  const submit = instance.effects.at(-1)
  if (submit?.kind !== "approval.submit") throw new Error("no approval")
  return { process, instance, submit }
}

function approved() {
  const run = submitted()
  run.instance.must({
    type: "DecideApproval",
    at: t0 + day,
    approvalKey: run.submit.key,
    outcome: "approved",
    decidedBy: staff.manager.id,
  })
  return run
}

const refusalOf = (result: Result.Result<unknown, { readonly message: string }>) =>
  Result.isFailure(result) ? result.failure.message : "accepted"

describe("大客户关系维护流程", () => {
  it("① plan ✓ 审批 → ②–⑧ measures and contacts → ◇ all done? yes → ⑨ summary ✓ 审核 → closed", () => {
    const { process, instance, submit } = approved()
    expect(submit.key).toBe(idempotencyKey("accounts.maintenance", "KM-1", 0, "approval.submit"))
    expect(submit.submission).toMatchObject({
      formId: "accounts.maintenance-plan",
      steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
      originator: { person: staff.supervisor.id },
    })
    expect(Result.isSuccess(Accounts.maintenancePlanForm.parse(submit.submission.values))).toBe(true)
    expect(instance.state.status).toBe("implementing")
    // ② one task per account for its officer, due with the summary
    expect(instance.effects.filter((effect) => effect.kind === "host.task.create")).toMatchObject([
      {
        draft: { externalKey: "KM-1/maintain/K1", dueAt: t0 + 176 * day },
        assignee: { person: staff.officer.id },
      },
      { draft: { externalKey: "KM-1/maintain/K2" } },
    ])

    instance.must({
      type: "RecordMeasure",
      at: t0 + 10 * day,
      actor: supervisor,
      measure: "salesIncentives",
      report: "返利政策已发布",
    })
    instance.must({
      type: "LogContact",
      at: t0 + 12 * day,
      officer,
      customerId: "K1",
      kind: "visit",
      summary: "走访采购部",
    })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.activity.log",
      draft: { kind: "visit", customerKey: "K1", occurredAt: t0 + 12 * day },
    })
    // ◇ not every measure is carried out: the summary waits, naming what is missing
    expect(
      refusalOf(instance.send({ type: "SubmitSummary", at: t0 + 20 * day, author: supervisor, summary })),
    ).toContain("measures not yet carried out: consultativeSelling")
    instance.must({
      type: "RecordMeasure",
      at: t0 + 30 * day,
      actor: officer,
      measure: "consultativeSelling",
      report: "完成两次诊断",
    })
    instance.must({ type: "SubmitSummary", at: t0 + 170 * day, author: supervisor, summary })
    const review = instance.effects.at(-1)
    if (review?.kind !== "approval.submit") throw new Error("no review")
    expect(review.submission.formId).toBe("accounts.maintenance-summary")
    instance.must({
      type: "DecideApproval",
      at: t0 + 171 * day,
      approvalKey: review.key,
      outcome: "approved",
      decidedBy: staff.manager.id,
    })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.slice(-2)).toMatchObject([
      { kind: "host.task.complete", taskKey: "KM-1/maintain/K1" },
      { kind: "host.task.complete", taskKey: "KM-1/maintain/K2" },
    ])
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("① plan ✓ returned → ① resubmitted under a new key → ✓ approved; the old decision again changes nothing", () => {
    const { instance, submit } = submitted()
    instance.must({
      type: "DecideApproval",
      at: t0 + day,
      approvalKey: submit.key,
      outcome: "rejected",
      decidedBy: staff.manager.id,
      comment: "补充预算",
    })
    expect(instance.state.status).toBe("planReturned")
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: staff.supervisor.id }] },
    })
    expect(
      refusalOf(
        instance.send({
          type: "SubmitPlan",
          at: t0 + 2 * day,
          cycleId: "KM-2",
          supervisor,
          plan,
          summaryDueAt: t0 + 176 * day,
        }),
      ),
    ).toContain("KM-1")
    instance.must({
      type: "SubmitPlan",
      at: t0 + 2 * day,
      cycleId: "KM-1",
      supervisor,
      plan: { ...plan, budget: { minor: 5_000_000, currency: "CNY" } },
      summaryDueAt: t0 + 176 * day,
    })
    const again = instance.effects.at(-1)
    if (again?.kind !== "approval.submit") throw new Error("no approval")
    expect(again.key).toBe(idempotencyKey("accounts.maintenance", "KM-1", 2, "approval.submit"))
    expect(
      instance.send({
        type: "DecideApproval",
        at: t0 + 3 * day,
        approvalKey: submit.key,
        outcome: "rejected",
        decidedBy: staff.manager.id,
      }),
    ).toEqual(Result.succeed([]))
    instance.must({
      type: "DecideApproval",
      at: t0 + 3 * day,
      approvalKey: again.key,
      outcome: "approved",
      decidedBy: staff.manager.id,
    })
    expect(instance.state).toMatchObject({ status: "implementing", returns: 1, approvedBy: staff.manager.id })
  })

  it("refuses a step out of turn, a measure the plan lacks, another customer, and bad input by field", () => {
    const { instance } = submitted()
    expect(
      refusalOf(
        instance.send({
          type: "RecordMeasure",
          at: t0 + day,
          actor: officer,
          measure: "salesIncentives",
          report: "x",
        }),
      ),
    ).toContain("once the plan is approved")
    const process = Accounts.keyAccountMaintenanceProcess(Accounts.defaultAccountsPolicy)
    const reversed = process.decide(process.initialState, {
      type: "SubmitPlan",
      at: t0,
      cycleId: "KM-9",
      supervisor,
      plan: { ...plan, periodTo: civilDate("2025-12-31"), measures: [plan.measures[0]!, plan.measures[0]!] },
      summaryDueAt: t0 + day,
    })
    expect(
      Result.isFailure(reversed) &&
        reversed.failure._tag === "ValidationError" &&
        reversed.failure.issues.map((issue) => issue.path.join(".")),
    ).toEqual(["plan.periodTo", "plan.measures.1.measure"])
    const later = approved().instance
    expect(
      refusalOf(
        later.send({
          type: "RecordMeasure",
          at: t0 + 2 * day,
          actor: officer,
          measure: "strategicAlliance",
          report: "x",
        }),
      ),
    ).toContain("does not include strategicAlliance")
    expect(
      refusalOf(
        later.send({
          type: "LogContact",
          at: t0 + 2 * day,
          officer,
          customerId: "K9",
          kind: "call",
          summary: "x",
        }),
      ),
    ).toContain("K9 is not one of the plan's accounts")
    const badKind = later.send({
      type: "LogContact",
      at: t0 + 2 * day,
      officer,
      customerId: "K1",
      kind: "fax",
      summary: "x",
    } as never)
    expect(
      Result.isFailure(badKind) &&
        badKind.failure._tag === "ValidationError" &&
        badKind.failure.issues[0]!.path,
    ).toEqual(["kind"])
  })

  it("timers: a quiet account reminds the officers, a contact restarts the clock; the summary is reminded, then escalated", () => {
    const { process, instance } = approved()
    const policy = Accounts.defaultAccountsPolicy.maintenance
    expect(process.deadlines(instance.state)).toEqual([
      {
        key: "contact",
        dueAt: t0 + day + policy.contactIntervalDays * day,
        command: { type: "RemindContact" },
      },
      { key: "summary:remind", dueAt: t0 + 169 * day, command: { type: "RemindSummary" } },
      { key: "summary:escalate", dueAt: t0 + 183 * day, command: { type: "EscalateSummary" } },
    ])
    instance.must({
      type: "LogContact",
      at: t0 + 20 * day,
      officer,
      customerId: "K2",
      kind: "call",
      summary: "电话回访",
    })
    expect(process.deadlines(instance.state)[0]).toEqual({
      key: "contact",
      dueAt: t0 + 50 * day,
      command: { type: "RemindContact" },
    })
    instance.must({ type: "RemindContact", at: t0 + 50 * day })
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: staff.officer.id }] },
    })
    expect(process.deadlines(instance.state).map((deadline) => deadline.key)).toEqual([
      "summary:remind",
      "summary:escalate",
    ])
    instance.must({ type: "RemindSummary", at: t0 + 169 * day })
    instance.must({ type: "EscalateSummary", at: t0 + 183 * day })
    expect(instance.must({ type: "EscalateSummary", at: t0 + 184 * day })).toEqual([])
    const escalation = instance.effects.at(-1)
    expect(escalation).toMatchObject({
      kind: "notify",
      draft: { severity: "warning", recipients: [{ role: "manager" }, { person: staff.supervisor.id }] },
    })
    if (escalation?.kind === "notify")
      expect(escalation.draft.body.en).toContain("salesIncentives, consultativeSelling")
    expect(process.deadlines(instance.state)).toEqual([])
  })

  it("✓ 审批 goes to the post the policy names, recorded with the plan so replay keeps it", () => {
    const policy = {
      ...Accounts.defaultAccountsPolicy,
      maintenance: { ...Accounts.defaultAccountsPolicy.maintenance, planApprover: "director" as const },
    }
    const process = Accounts.keyAccountMaintenanceProcess(policy)
    const instance = drive(process, "KM-5")
    instance.must({
      type: "SubmitPlan",
      at: t0,
      cycleId: "KM-5",
      supervisor,
      plan,
      summaryDueAt: t0 + 176 * day,
    })
    expect(instance.events[0]).toMatchObject({ approver: "director" })
    expect(instance.effects[0]).toMatchObject({
      submission: { steps: [{ mode: "any", approvers: [{ role: "director" }] }] },
    })
  })

  it("cancelled while the plan waits for 审批: the approval is withdrawn; a closed cycle cannot be cancelled", () => {
    const { process, instance, submit } = submitted()
    instance.must({ type: "Cancel", at: t0 + day, actor: supervisor, reason: "客户合并" })
    expect(instance.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: submit.key })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(
      refusalOf(instance.send({ type: "Cancel", at: t0 + 2 * day, actor: supervisor, reason: "again" })),
    ).toContain("only an open")
  })
})
