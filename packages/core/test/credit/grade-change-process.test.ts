import { Credit, idempotencyKey, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { yuan } from "./fixtures.ts"

const hour = 3_600_000
const t0 = Date.UTC(2026, 4, 11, 2, 0)
const officer = { personId: staff.officer.id, role: "officer" as const }
const supervisor = { personId: staff.supervisor.id, role: "supervisor" as const }

function reported() {
  const process = Credit.creditGradeChangeProcess(Credit.defaultCreditPolicy)
  const instance = drive(process, "GC-7")
  instance.must({
    type: "ReportAnomaly",
    at: t0,
    changeId: "GC-7",
    customerId: "W01",
    customerName: "华中批发",
    reportedBy: officer,
    currentGrade: "B",
    currentLimit: yuan("200000"),
    annualTrade: yuan("1200000"),
    description: "两张支票被退回，货款逾期 45 天",
    signals: ["bouncedPayments"],
  })
  return { process, instance }
}

describe("客户信用等级变更流程", () => {
  it("① anomaly → ② investigate → ③ not serious: the grade stays", () => {
    const { process, instance } = reported()
    expect(instance.effects[0]).toMatchObject({ kind: "host.task.create", assignee: { role: "supervisor" } })
    instance.must({
      type: "RecordInvestigation",
      at: t0 + hour,
      investigator: supervisor,
      cause: "银行系统故障",
      serious: false,
    })
    expect(instance.state.status).toBe("keptNotSerious")
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects).toHaveLength(1)
  })

  it("③ serious → ④ change ✓ → ⑤ registered on the customer → ⑥ customer told", () => {
    const { process, instance } = reported()
    // Down to C; the new limit defaults to C's rule: 1 month of ¥1,200,000 = ¥100,000.
    instance.must({
      type: "RecordInvestigation",
      at: t0 + 4 * hour,
      investigator: supervisor,
      cause: "资金紧张，连续退票",
      serious: true,
      proposedGrade: "C",
      measures: "改为部分预付，要求担保",
    })
    expect(instance.state.change).toEqual({
      fromGrade: "B",
      toGrade: "C",
      fromLimit: yuan("200000"),
      toLimit: yuan("100000"),
      reason: "资金紧张，连续退票",
      measures: "改为部分预付，要求担保",
    })
    // ¥100,000 is within a supervisor's credit.limit authority, but the flow chart names the manager.
    expect(instance.state.approval?.decidingRole).toBe("manager")
    const submit = instance.effects[1]
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.key).toBe(idempotencyKey("credit.grade-change", "GC-7", 1, "approval.submit"))
    expect(Result.isSuccess(Credit.creditGradeChangeForm.parse(submit.submission.values))).toBe(true)
    instance.must({ type: "DecideApproval", at: t0 + 8 * hour, approvalKey: submit.key, outcome: "approved" })
    expect(instance.effects[2]).toMatchObject({
      kind: "host.customer.update",
      customerKey: "W01",
      fields: {
        credit_grade: "C",
        credit_limit: "100000.00",
        credit_payment_method: "partialPrepayment",
        credit_guarantee_required: true,
      },
    })
    instance.must({ type: "ConfirmCustomerNotified", at: t0 + 9 * hour, actor: officer, channel: "letter" })
    expect(instance.state.status).toBe("notified")
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("raising a limit beyond the manager's authority goes to the director", () => {
    const { instance } = reported()
    instance.must({
      type: "RecordInvestigation",
      at: t0 + hour,
      investigator: supervisor,
      cause: "新增担保，财务改善",
      serious: true,
      proposedGrade: "A",
      proposedLimit: yuan("1500000"),
    })
    expect(instance.state.approval?.decidingRole).toBe("director")
  })

  it("refused approval keeps the grade; a serious anomaly without a new grade is refused", () => {
    const { instance } = reported()
    const missing = instance.send({
      type: "RecordInvestigation",
      at: t0,
      investigator: supervisor,
      cause: "x",
      serious: true,
    })
    expect(Result.isFailure(missing) && missing.failure._tag).toBe("ValidationError")
    const same = instance.send({
      type: "RecordInvestigation",
      at: t0,
      investigator: supervisor,
      cause: "x",
      serious: true,
      proposedGrade: "B",
      proposedLimit: yuan("200000"),
    })
    expect(Result.isFailure(same) && same.failure._tag).toBe("InvalidTransition")
    instance.must({
      type: "RecordInvestigation",
      at: t0,
      investigator: supervisor,
      cause: "x",
      serious: true,
      proposedGrade: "D",
    })
    instance.must({
      type: "DecideApproval",
      at: t0,
      approvalKey: instance.state.approval!.key,
      outcome: "rejected",
    })
    expect(instance.state.status).toBe("rejected")
    expect(instance.effects.at(-1)).toMatchObject({ kind: "notify" })
  })
})
