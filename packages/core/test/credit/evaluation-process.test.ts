import {
  Credit,
  decideApprovalCommand,
  InMemoryApprovals,
  InMemoryHostCrm,
  idempotencyKey,
  performEffect,
  personId,
  replay,
} from "@tixi/core"
import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { inMemoryPorts, staff } from "../support/ports.ts"
import { drive } from "../support/run-process.ts"
import { fiveCPolicy, wholesaler, yuan } from "./fixtures.ts"

const hour = 3_600_000
const t0 = Date.UTC(2026, 2, 2, 1, 0)
const sales = { personId: personId("sales-ma"), role: "officer" as const }
const investigator = { personId: staff.officer.id, role: "officer" as const }
const { customerId: _id, name: _name, ...findings } = wholesaler

function applied() {
  const process = Credit.creditEvaluationProcess(fiveCPolicy)
  const instance = drive(process, "EV-1")
  instance.must({
    type: "Apply",
    at: t0,
    evaluationId: "EV-1",
    customerId: "W01",
    customerName: "华中批发",
    applicant: sales,
    requestedLimit: yuan("150000"),
  })
  instance.must({
    type: "StartInvestigation",
    at: t0 + hour,
    investigator,
    agency: "internal",
    methods: ["interview", "siteVisit"],
  })
  return { process, instance }
}

describe("客户信用调查 → 信用评定 ✓ → 通知客户", () => {
  it("credit sound → grade and limit approved by the manager → registered → customer told", () => {
    const { process, instance } = applied()
    instance.must({ type: "RecordFindings", at: t0 + 24 * hour, investigator, findings })
    // Score 70.0 → B; B allows ¥200,000 but the customer asked for ¥150,000, so ¥150,000 is proposed.
    // Granting ¥150,000 is above a supervisor's ¥100,000 credit.limit authority: the manager decides.
    expect(instance.state.status).toBe("awaitingApproval")
    expect(instance.state.proposal).toMatchObject({
      grade: "B",
      score: 70,
      limit: yuan("150000"),
      paymentTermDays: 30,
    })
    expect(instance.state.approval?.decidingRole).toBe("manager")
    const submit = instance.effects.find((effect) => effect.kind === "approval.submit")
    expect(submit?.key).toBe(idempotencyKey("credit.evaluation", "EV-1", 3, "approval.submit"))
    if (submit?.kind !== "approval.submit") throw new Error("no approval")
    expect(submit.submission.formId).toBe("credit.rating")
    expect(submit.submission.steps).toEqual([{ mode: "any", approvers: [{ role: "manager" }] }])
    expect(Result.isSuccess(Credit.creditRatingForm.parse(submit.submission.values))).toBe(true)

    instance.must({
      type: "DecideApproval",
      at: t0 + 26 * hour,
      approvalKey: submit.key,
      outcome: "approved",
      decidedBy: staff.manager.id,
    })
    expect(instance.state.status).toBe("approved")
    const update = instance.effects.find((effect) => effect.kind === "host.customer.update")
    expect(update).toMatchObject({
      customerKey: "W01",
      fields: {
        credit_grade: "B",
        credit_limit: "150000.00",
        credit_payment_term_days: 30,
        credit_score: 70,
      },
    })
    expect(process.deadlines(instance.state)).toEqual([
      { key: "customer-notice", dueAt: t0 + 74 * hour, command: { type: "RemindCustomerNotice" } },
    ])
    instance.must({ type: "RemindCustomerNotice", at: t0 + 74 * hour })
    expect(process.deadlines(instance.state)).toEqual([])
    instance.must({
      type: "ConfirmCustomerNotified",
      at: t0 + 75 * hour,
      actor: investigator,
      channel: "phone",
    })
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.map((effect) => effect.kind)).toEqual([
      "host.task.create",
      "approval.submit",
      "host.customer.update",
      "host.task.create",
      "notify",
      "host.activity.log",
      "host.task.complete",
    ])
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("credit unsound → measures → approval refused → investigated again; a stale decision changes nothing", () => {
    const { instance } = applied()
    instance.must({
      type: "RecordFindings",
      at: t0 + 24 * hour,
      investigator,
      findings: { ...findings, bouncedPayments: 2 },
    })
    // A bounced payment makes the customer a danger customer: credit is not sound.
    expect(instance.state.status).toBe("measures")
    expect(instance.state.danger).toEqual(["bouncedPayments"])
    expect(instance.effects.some((effect) => effect.kind === "approval.submit")).toBe(false)
    instance.must({
      type: "RecordMeasures",
      at: t0 + 25 * hour,
      actor: investigator,
      measures: "款到发货，暂停赊销",
    })
    const first = instance.state.approval!.key
    instance.must({
      type: "DecideApproval",
      at: t0 + 26 * hour,
      approvalKey: first,
      outcome: "rejected",
      comment: "补充财务资料",
    })
    expect(instance.state.status).toBe("investigating")
    expect(instance.state.rejections).toBe(1)
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: "officer-wu" }] },
    })
    instance.must({ type: "RecordFindings", at: t0 + 48 * hour, investigator, findings })
    const second = instance.state.approval!.key
    expect(second).not.toBe(first)
    const stale = instance.send({
      type: "DecideApproval",
      at: t0 + 49 * hour,
      approvalKey: first,
      outcome: "approved",
    })
    expect(Result.isFailure(stale) && stale.failure._tag).toBe("InvalidTransition")
    expect(instance.state.status).toBe("awaitingApproval")
    // The first rejection delivered again after the re-proposal is recognised, not refused.
    const events = instance.events.length
    const redelivered = instance.send({
      type: "DecideApproval",
      at: t0 + 50 * hour,
      approvalKey: first,
      outcome: "rejected",
    })
    expect(Result.isSuccess(redelivered) && redelivered.success).toEqual([])
    expect(instance.events.length).toBe(events)
    expect(instance.state.approval!.key).toBe(second)
  })

  it("cancelling while the approval is pending withdraws it", () => {
    const { instance } = applied()
    instance.must({ type: "RecordFindings", at: t0 + 24 * hour, investigator, findings })
    const pending = instance.state.approval!.key
    instance.must({ type: "Cancel", at: t0 + 25 * hour, actor: sales, reason: "客户取消申请" })
    expect(instance.effects.at(-1)).toEqual({
      kind: "approval.withdraw",
      key: idempotencyKey("credit.evaluation", "EV-1", 4, "approval.withdraw"),
      submissionKey: pending,
      reason: "客户取消申请",
    })
  })

  it("refuses bad commands without changing anything", () => {
    const { instance } = applied()
    const before = instance.state
    const again = instance.send({
      type: "Apply",
      at: t0,
      evaluationId: "EV-1",
      customerId: "W01",
      applicant: sales,
    })
    expect(Result.isFailure(again) && again.failure._tag).toBe("InvalidTransition")
    const bad = instance.send({
      type: "RecordFindings",
      at: t0,
      investigator,
      findings: { ...findings, openOrders: { minor: -5, currency: "CNY" } },
    })
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("ValidationError")
    if (Result.isFailure(bad) && bad.failure._tag === "ValidationError") {
      expect(bad.failure.issues[0]!.path).toEqual(["findings", "openOrders", "minor"])
    }
    expect(instance.state).toBe(before)
  })

  it("runs through the in-memory ports: the manager approves in the approvals host and the grade lands on the customer", async () => {
    const { instance } = applied()
    instance.must({ type: "RecordFindings", at: t0 + 24 * hour, investigator, findings })
    const program = Effect.gen(function* () {
      for (const effect of instance.effects) yield* performEffect(effect)
      const approvals = yield* InMemoryApprovals
      const [pending] = approvals.pending()
      expect(pending?.requestType).toBe("credit.evaluation")
      expect(approvals.submissions()[0]?.steps).toEqual([{ mode: "any", approvers: ["manager-qian"] }])
      approvals.decide(pending!.id, { approver: staff.manager.id, outcome: "approved", at: t0 + 30 * hour })
      const done = instance.effects.length
      for (const outcome of approvals.takeOutcomes()) instance.must(decideApprovalCommand(outcome))
      for (const effect of instance.effects.slice(done)) yield* performEffect(effect)
      // Performing the same effects again changes nothing (idempotent keys).
      for (const effect of instance.effects.slice(done)) yield* performEffect(effect)
      const host = yield* InMemoryHostCrm
      return { customer: host.customers()[0], tasks: host.tasks() }
    })
    const outcome = await Effect.runPromise(
      Effect.provide(
        program,
        inMemoryPorts([{ externalKey: "W01", kind: "organization", name: "华中批发", fields: {} }]),
      ),
    )
    expect(instance.state.status).toBe("approved")
    expect(outcome.customer?.fields).toMatchObject({ credit_grade: "B", credit_limit: "150000.00" })
    expect(outcome.tasks.map((task) => task.externalKey)).toEqual([
      "EV-1/investigate",
      "EV-1/notify-customer",
    ])
  })
})
