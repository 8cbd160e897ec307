import { Approval, Credit, idempotencyKey } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { yuan } from "./fixtures.ts"

const hour = 3_600_000
const t0 = Date.UTC(2026, 5, 1, 3, 0)
const salesperson = { personId: staff.officer.id, role: "officer" as const }
const position = {
  customerId: "W01",
  grade: "B",
  limit: yuan("200000"),
  openReceivables: yuan("150000"),
  openOrders: yuan("40000"),
  oldestOverdueDays: 0,
  bouncedPayments: 0,
  bankruptcySigns: [],
}

function request(order: string, changes: Record<string, unknown> = {}) {
  const process = Credit.creditOverrideProcess(Credit.defaultCreditPolicy)
  const instance = drive(process, "OV-1")
  const result = instance.send({
    type: "RequestOverride",
    at: t0,
    requestId: "OV-1",
    orderNumber: "SO-2026-0601",
    requestedBy: salesperson,
    reason: "旺季备货，客户承诺月底回款",
    position: { ...position, ...changes, order: yuan(order) },
  })
  return { process, instance, result }
}

describe("credit-limit override for one order", () => {
  it("within the tolerance: released without approval, the warning recorded", () => {
    const { instance, process } = request("15000")
    expect(instance.state.status).toBe("released")
    expect(instance.state.check).toMatchObject({ status: "warning", excess: yuan("5000") })
    expect(instance.effects).toEqual([])
    expect(process.isFinished(instance.state)).toBe(true)
  })

  it("past the tolerance: approval by the post the policy names, then released", () => {
    const { instance, process } = request("60000")
    // Exposure ¥250,000, excess ¥50,000: above a supervisor's ¥20,000 override authority → manager.
    expect(instance.state.status).toBe("awaitingApproval")
    expect(instance.state.approval).toMatchObject({ decidingRole: "manager", expiresAt: t0 + 24 * hour })
    const submit = instance.effects[0]
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.key).toBe(idempotencyKey("credit.override", "OV-1", 0, "approval.submit"))
    expect(Result.isSuccess(Credit.creditOverrideForm.parse(submit.submission.values))).toBe(true)
    expect(process.deadlines(instance.state)).toEqual([
      { key: "approval-expiry", dueAt: t0 + 24 * hour, command: { type: "Expire" } },
    ])
    instance.must({ type: "DecideApproval", at: t0 + hour, approvalKey: submit.key, outcome: "approved" })
    expect(instance.state.status).toBe("approved")
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: "officer-wu" }] },
    })
  })

  it("a decision delivered again changes nothing; a contrary one for the same approval is refused", () => {
    const { instance } = request("60000")
    const key = instance.state.approval!.key
    instance.must({ type: "DecideApproval", at: t0 + hour, approvalKey: key, outcome: "approved" })
    const recorded = instance.events.length
    // DingTalk retries a push whose reply was lost; the recovery pull brings it once more.
    const again = instance.send({
      type: "DecideApproval",
      at: t0 + 2 * hour,
      approvalKey: key,
      outcome: "approved",
    })
    expect(Result.isSuccess(again) && again.success).toEqual([])
    expect(instance.events.length).toBe(recorded)
    const contrary = instance.send({
      type: "DecideApproval",
      at: t0 + 2 * hour,
      approvalKey: key,
      outcome: "rejected",
    })
    expect(Result.isFailure(contrary) && String(contrary.failure.message)).toContain(
      `approval ${key} was already approved, not rejected`,
    )
    expect(instance.state.status).toBe("approved")
  })

  it("unanswered until the expiry: lapses, the approval is withdrawn, the order stays held", () => {
    const { instance } = request("60000")
    const key = instance.state.approval!.key
    instance.must({ type: "Expire", at: t0 + 24 * hour })
    expect(instance.state.status).toBe("expired")
    expect(instance.effects.slice(1).map((effect) => effect.kind)).toEqual(["approval.withdraw", "notify"])
    expect(instance.effects[1]).toMatchObject({ submissionKey: key })
    // A decision arriving after the lapse is refused.
    const late = instance.send({
      type: "DecideApproval",
      at: t0 + 25 * hour,
      approvalKey: key,
      outcome: "approved",
    })
    expect(Result.isFailure(late)).toBe(true)
  })

  it("blocked by grade: refused with CreditLimitExceeded and nothing recorded", () => {
    const { instance, result } = request("60000", { grade: "D" })
    expect(Result.isFailure(result) && result.failure._tag).toBe("CreditLimitExceeded")
    if (Result.isFailure(result) && result.failure._tag === "CreditLimitExceeded") {
      expect(result.failure.exposureMinor).toBe(25_000_000)
      expect(result.failure.controls).toEqual(["limit"])
    }
    expect(instance.events).toEqual([])
  })

  it("an excess no post may approve is refused as not within authority", () => {
    const policy = {
      ...Credit.defaultCreditPolicy,
      authority: {
        ...Credit.defaultCreditPolicy.authority,
        limits: {
          ...Credit.defaultCreditPolicy.authority.limits,
          "credit.limitOverride": { manager: 100_000_00 },
        },
      },
    }
    const process = Credit.creditOverrideProcess(policy)
    const instance = drive(process, "OV-2")
    const result = instance.send({
      type: "RequestOverride",
      at: t0,
      requestId: "OV-2",
      orderNumber: "SO-9",
      requestedBy: salesperson,
      reason: "大单",
      position: { ...position, order: yuan("500000") },
    })
    expect(Result.isFailure(result) && result.failure._tag).toBe("NotWithinAuthority")
  })
})

describe("credit flows routed by the company-wide approval-chain policy", () => {
  it("an override follows the policy's credit.limitOverride chain and form", () => {
    // Exposure ¥250,000 on a ¥200,000 limit: ¥50,000 over, within the manager's ¥50,000 of
    // credit.limitOverride → manager then finance; ¥60,000 over adds the general manager.
    const process = Credit.creditOverrideProcess(Credit.defaultCreditPolicy, {
      approvalPolicy: Approval.defaultApprovalPolicy,
    })
    const small = drive(process, "OV-3")
    small.must({
      type: "RequestOverride",
      at: t0,
      requestId: "OV-3",
      orderNumber: "SO-3",
      requestedBy: salesperson,
      reason: "年底备货",
      position: { ...position, order: yuan("60000") },
    })
    const submit = small.effects[0]
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.submission.formId).toBe("approval.creditLimitOverride")
    expect(submit.submission.steps.map((step) => step.approvers)).toEqual([
      [{ role: "manager" }],
      [{ role: "finance" }],
    ])
    expect(Result.isSuccess(Approval.creditLimitOverrideRequestForm.parse(submit.submission.values))).toBe(
      true,
    )
    const large = drive(process, "OV-4")
    large.must({
      type: "RequestOverride",
      at: t0,
      requestId: "OV-4",
      orderNumber: "SO-4",
      requestedBy: salesperson,
      reason: "大单",
      position: { ...position, order: yuan("70000") },
    })
    expect(large.state.approval?.steps.map((step) => step.approvers)).toEqual([
      [{ role: "manager" }],
      [{ role: "finance" }],
      [{ role: "generalManager" }],
    ])
    expect(large.state.approval?.decidingRole).toBe("generalManager")
  })

  it("a grade change takes the policy's chain; its simpler form refuses a change of the limit alone", () => {
    const process = Credit.creditGradeChangeProcess(Credit.defaultCreditPolicy, {
      approvalPolicy: Approval.defaultApprovalPolicy,
    })
    const report = (id: string) => {
      const instance = drive(process, id)
      instance.must({
        type: "ReportAnomaly",
        at: t0,
        changeId: id,
        customerId: "W01",
        reportedBy: salesperson,
        currentGrade: "B",
        currentLimit: yuan("200000"),
        annualTrade: yuan("1200000"),
        description: "回款放缓",
      })
      return instance
    }
    const downgrade = report("GC-1")
    downgrade.must({
      type: "RecordInvestigation",
      at: t0,
      investigator: salesperson,
      cause: "资金紧张",
      serious: true,
      proposedGrade: "C",
    })
    const submit = downgrade.effects.find((effect) => effect.kind === "approval.submit")
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.submission.formId).toBe("approval.creditGradeChange")
    expect(submit.submission.values).toMatchObject({
      currentGrade: "B",
      newGrade: "C",
      notes: "赊销限额 200000.00 → 100000.00 CNY",
    })
    const limitOnly = report("GC-2").send({
      type: "RecordInvestigation",
      at: t0,
      investigator: salesperson,
      cause: "缩短额度",
      serious: true,
      proposedGrade: "B",
      proposedLimit: yuan("150000"),
    })
    expect(Result.isFailure(limitOnly) && limitOnly.failure._tag).toBe("ValidationError")
    if (Result.isFailure(limitOnly) && limitOnly.failure._tag === "ValidationError") {
      expect(limitOnly.failure.issues[0]!.path).toEqual(["newGrade"])
    }
  })
})
