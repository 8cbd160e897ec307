import { Accounts, idempotencyKey, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { expectDeclaredFields } from "./declared-fields.ts"

const day = 86_400_000
const t0 = Date.UTC(2026, 0, 5, 1, 0)
const supervisor = { personId: staff.supervisor.id, role: "supervisor" as const }
const officer = { personId: staff.officer.id, role: "officer" as const }
const yuan = (major: number) => ({ minor: major * 100, currency: "CNY" })
const candidate = (customerId: string, rank: number, creditGrade: string, revenue: number) => ({
  customerId,
  rank,
  creditGrade,
  customerGrade: "AA",
  annualRevenue: yuan(revenue),
  yearsOfBusiness: 3,
})
const candidates = [
  candidate("K1", 3, "A", 2_000_000),
  candidate("K2", 8, "D", 3_000_000),
  candidate("K3", 5, "B", 1_500_000),
]

const refusalOf = (result: Result.Result<unknown, { readonly message: string }>) =>
  Result.isFailure(result) ? result.failure.message : "accepted"

function opened() {
  const process = Accounts.keyAccountScreeningProcess(Accounts.defaultAccountsPolicy)
  const instance = drive(process, "SC-1")
  instance.must({ type: "SetCriteria", at: t0, screeningId: "SC-1", supervisor, scope: "2025 年度" })
  return { process, instance }
}

describe("大客户筛选流程", () => {
  it("① criteria → ② candidates scored → ◇ qualifies? yes → ✓ 大客户评定表 → ③ key-account records", () => {
    const { process, instance } = opened()
    expect(instance.state.criteria).toEqual(Accounts.defaultAccountsPolicy.screening)
    instance.must({ type: "ScoreCandidates", at: t0 + day, officer, candidates })
    // K2's credit grade D is below B: it does not qualify.
    expect(instance.state.status).toBe("awaitingApproval")
    expect(instance.state.qualified.map((account) => account.candidate.customerId)).toEqual(["K1", "K3"])
    const submit = instance.effects.at(-1)
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.key).toBe(idempotencyKey("accounts.screening", "SC-1", 1, "approval.submit"))
    expect(submit.submission).toMatchObject({
      formId: "accounts.key-account-assessment",
      steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
    })
    expect(
      Result.getOrThrow(Accounts.keyAccountAssessmentForm.parse(submit.submission.values)).rows,
    ).toMatchObject([
      { customer: "K1", rank: 3, creditGrade: "A" },
      { customer: "K3", rank: 5, creditGrade: "B" },
    ])
    instance.must({
      type: "DecideApproval",
      at: t0 + 2 * day,
      approvalKey: submit.key,
      outcome: "approved",
      decidedBy: staff.manager.id,
      comment: "同意，重点维护",
    })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.slice(-4)).toMatchObject([
      {
        kind: "host.customer.update",
        customerKey: "K1",
        fields: { key_account: true, key_account_since: t0 + 2 * day },
      },
      { kind: "host.task.create", draft: { externalKey: "SC-1/file/K1", body: "同意，重点维护" } },
      { kind: "host.customer.update", customerKey: "K3" },
      { kind: "host.task.create", draft: { externalKey: "SC-1/file/K3" } },
    ])
    expectDeclaredFields(instance.effects)
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("◇ qualifies? none → the round ends, the supervisor told; no approval is opened", () => {
    const { process, instance } = opened()
    instance.must({ type: "ScoreCandidates", at: t0 + day, officer, candidates: [candidates[1]] })
    expect(instance.state.status).toBe("noneQualified")
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.map((effect) => effect.kind)).toEqual(["notify"])
  })

  it("✓ returned → ② scored again → approved under a new approval key", () => {
    const { instance } = opened()
    instance.must({ type: "ScoreCandidates", at: t0 + day, officer, candidates })
    const first = instance.effects.at(-1)
    if (first?.kind !== "approval.submit") throw new Error("no approval")
    instance.must({
      type: "DecideApproval",
      at: t0 + 2 * day,
      approvalKey: first.key,
      outcome: "rejected",
      decidedBy: staff.manager.id,
      comment: "K3 年限不足",
    })
    expect(instance.state).toMatchObject({ status: "criteriaSet", returns: 1, qualified: [] })
    instance.must({ type: "ScoreCandidates", at: t0 + 3 * day, officer, candidates: [candidates[0]] })
    const second = instance.effects.at(-1)
    if (second?.kind !== "approval.submit") throw new Error("no approval")
    expect(second.key).not.toBe(first.key)
    instance.must({
      type: "DecideApproval",
      at: t0 + 4 * day,
      approvalKey: second.key,
      outcome: "approved",
      decidedBy: staff.manager.id,
    })
    expect(instance.state.status).toBe("registered")
  })

  it("refuses scoring before the criteria, a bad candidate by field, and cancels withdrawing the approval", () => {
    const process = Accounts.keyAccountScreeningProcess(Accounts.defaultAccountsPolicy)
    const fresh = drive(process, "SC-2")
    expect(refusalOf(fresh.send({ type: "ScoreCandidates", at: t0, officer, candidates }))).toContain(
      "once the criteria are set",
    )
    const { instance } = opened()
    const bad = instance.send({
      type: "ScoreCandidates",
      at: t0 + day,
      officer,
      candidates: [{ ...candidates[0], rank: 0 }],
    })
    expect(
      Result.isFailure(bad) && bad.failure._tag === "ValidationError" && bad.failure.issues[0]!.path,
    ).toEqual(["candidates", 0, "rank"])
    instance.must({ type: "ScoreCandidates", at: t0 + day, officer, candidates })
    const submit = instance.effects.at(-1)
    instance.must({ type: "Cancel", at: t0 + 2 * day, actor: supervisor, reason: "年度计划调整" })
    expect(instance.effects.at(-1)).toMatchObject({ kind: "approval.withdraw", submissionKey: submit?.key })
  })
})
