/**
 * End to end: a complaint on the in-memory runner and host CRM, with WeCom (the local fake,
 * seeded with sampleCompany) as its approvals host and directory. A remedy above the officer's
 * authority becomes a WeCom approval on the company's remedy chain; the approvers decide in
 * WeCom; each change comes back as a signed, encrypted `sys_approval_change` push in XML that the
 * adapter verifies, decrypts and maps to tixi's outcome; the complaint goes on.
 */
import { type Approval, performEffect } from "@tixi/core"
import {
  type CallbackEndpointOptions,
  type ComplaintRemedyHarness,
  deskOfficer,
  makeComplaintRemedyHarness,
  remedy,
  startCallbackEndpoint,
} from "@tixi/testing"
import { Effect, Result } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import { make, type WeComAdapter } from "../src/adapter.ts"
import {
  isApprovalEvent,
  type WeComApprovalEvent,
  type WeComOtherMessage,
} from "../src/events/wecom-event.ts"
import type { WeComFake } from "../src/testing/wecom-fake.ts"
import { corpId, settingsFor, startCompanyFake } from "./support.ts"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

const callbackKeys = { token: "tixiWeCom1", encodingAesKey: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C" }

let closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.reverse()) await close()
  closers = []
})

/**
 * WeCom as an administrator sets it up (templates installed from tixi's default forms, their ids
 * kept, the callback configured in XML mode), the complaint harness on its approvals and address
 * book, and `deliver`, the callback intake: each verified approval change becomes tixi's outcome
 * (when final) and goes to the complaint it names.
 */
async function weComWithComplaints(
  options: {
    readonly endpoint?: CallbackEndpointOptions<WeComApprovalEvent | WeComOtherMessage>
    /** WeCom pushes every change twice. */
    readonly duplicatePushes?: boolean
    /** The company's approval policy; `null` leaves the chain to the complaints policy. */
    readonly approvalPolicy?: Approval.ApprovalPolicy | null
  } = {},
) {
  const fake = await startCompanyFake()
  closers.push(() => fake.close())
  // No `forms`: the adapter's default forms must cover what the complaint submits.
  const { forms: _forms, ...settings } = settingsFor(fake.url, {
    callback: { ...callbackKeys, receiveId: corpId },
  })
  let adapter: WeComAdapter = await run(make(settings))
  const installed = await run(adapter.install({ dryRun: false }))
  // WeCom cannot find a template by name: the administrator keeps the ids install printed.
  const kept = {
    ...settings,
    templateIds: Object.fromEntries(installed.map((step) => [step.formId, step.templateId!])),
  }
  const endpoint = await startCallbackEndpoint((request) => adapter.handleCallback(request), options.endpoint)
  closers.push(endpoint.close)
  fake.setCallback({
    url: endpoint.url,
    ...callbackKeys,
    receiveId: corpId,
    retryDelaysMillis: [50, 100, 100],
    duplicate: options.duplicatePushes ?? false,
  })
  const harness = await makeComplaintRemedyHarness({
    approvals: adapter.approvals,
    directory: adapter.directory,
    ...(options.approvalPolicy === undefined ? {} : { approvalPolicy: options.approvalPolicy }),
  })
  let taken = 0
  const deliver = async () => {
    await fake.settle()
    const fresh = endpoint.received.slice(taken)
    taken = endpoint.received.length
    const fed = []
    for (const event of fresh) {
      if (!isApprovalEvent(event)) continue
      const outcome = await run(adapter.toOutcome(event))
      if (outcome !== undefined) fed.push({ outcome, decided: await harness.feed(outcome) })
    }
    return fed
  }
  /** A new process: a fresh adapter with nothing in memory but the kept template ids. */
  const restart = async () => {
    adapter = await run(make(kept))
    harness.useApprovals(adapter.approvals)
    return adapter
  }
  return { fake, installed, endpoint, harness, deliver, restart }
}

const approvalOf = (fake: WeComFake) => {
  const approvals = fake.approvals()
  expect(approvals.length).toBe(1)
  return approvals[0]!
}

const caseOf = (harness: ComplaintRemedyHarness) => harness.host.cases()[0]!

describe("a complaint remedy approved in WeCom (in-memory host, WeCom fake)", () => {
  it("投诉处理: ¥8,000 over the officer's authority → WeCom 或签 then 会签 → approved by signed XML callback → negotiate → execute → close", async () => {
    const { fake, installed, harness, deliver, restart } = await weComWithComplaints()
    expect(installed.find((step) => step.formId === "approval.complaintRemedy")?.action).toBe("create")

    // WeCom's reply to applyevent is lost: the submit effect is retried, and submits one approval.
    fake.loseNextReplies("/cgi-bin/oa/applyevent")
    const proposed = await harness.proposeRemedies("TS-E2E-1", [remedy("refund", "8000")])
    expect(proposed.stage).toBe("awaitingApproval")
    const approval = approvalOf(fake)
    // The chain from the company's policy, its roles resolved through WeCom's tags.
    expect(approval.nodes.map((node) => [node.apvRel, node.details.map((detail) => detail.userid)])).toEqual([
      [2, ["wc-manager-qian", "wc-director-li"]],
      [1, ["wc-finance-zhou", "wc-gm-zhao"]],
    ])
    expect(approval.creator).toBe("wc-officer-wu")
    const shown = Object.fromEntries(
      approval.contents.map((content) => [
        (content.title as ReadonlyArray<{ text: string }>)[0]!.text,
        content.value,
      ]),
    )
    expect(shown).toMatchObject({
      受理编号: { text: "TS-E2E-1" },
      客户名称: { text: "上海恒通贸易有限公司" },
      处理方案: { text: "退款 8000.00" },
      补偿金额: { new_money: "8000.00" },
      业务单号: { text: "TS-E2E-1" },
    })
    const submit = harness.submitRequest("TS-E2E-1")
    expect(shown["tixi 关联码"]).toEqual({ text: `complaint.remedy ${submit.key}` })
    expect(caseOf(harness)).toMatchObject({
      stage: "awaitingApproval",
      fields: { complaint_approval_status: "pending" },
    })

    // The runner performs the submit effect again after a crash, on a restarted adapter: same approval.
    await restart()
    expect((await harness.run(performEffect(submit))).reference).toBe(approval.spNo)
    expect(fake.approvals().length).toBe(1)

    // Each decision pushes a change; only the last, which finishes the approval, is an outcome.
    fake.decide(approval.spNo, "wc-director-li", "approve", "同意，尽快处理")
    fake.decide(approval.spNo, "wc-finance-zhou", "approve")
    expect(await deliver()).toEqual([])
    expect(harness.runner.instance("TS-E2E-1")?.state.stage).toBe("awaitingApproval")
    fake.decide(approval.spNo, "wc-gm-zhao", "approve", "同意补偿")
    const fed = await deliver()
    expect(fed.map(({ outcome }) => outcome)).toEqual([
      {
        eventId: `wecom:${approval.spNo}:approved`,
        approvalId: approval.spNo,
        key: submit.key,
        businessKey: "TS-E2E-1",
        requestType: "complaint.remedy",
        outcome: "approved",
        decidedBy: "gm-zhao",
        comment: "同意补偿",
        at: expect.any(Number),
      },
    ])
    expect(fed.every(({ decided }) => decided !== undefined && Result.isSuccess(decided))).toBe(true)

    const approved = harness.runner.instance("TS-E2E-1")!.state
    expect(approved.stage).toBe("negotiating")
    expect(approved.proposal?.approval).toMatchObject({ status: "approved", decidedBy: "gm-zhao" })
    expect(caseOf(harness)).toMatchObject({
      stage: "negotiating",
      fields: { complaint_approval_status: "approved", complaint_remedy_amount: 8000 },
    })
    expect(harness.notifier.delivered().at(-1)?.title.en).toBe("Remedy for complaint TS-E2E-1 approved")

    await harness.dispatch("TS-E2E-1", { type: "RecordCustomerResponse", actor: deskOfficer, accepted: true })
    await harness.dispatch("TS-E2E-1", { type: "RecordExecution", actor: deskOfficer })
    await harness.dispatch("TS-E2E-1", { type: "Close", actor: deskOfficer, summary: "已退款 8000 元" })
    expect(caseOf(harness)).toMatchObject({
      stage: "closed",
      fields: { complaint_outcome: "remedied", complaint_loss: 8000 },
    })
    const statistics = harness.runner.statistics()
    expect(statistics).toMatchObject({ refusals: 0, deadLetters: 0 })
    expect(statistics.effectsPerformed["approval.submit"]).toBe(1)
  })

  it("投诉处理: ¥3,000 over the officer's authority → rejected in WeCom → revise the remedy within authority", async () => {
    const { fake, harness, deliver } = await weComWithComplaints()
    await harness.proposeRemedies("TS-E2E-2", [remedy("refund", "3000")])
    const approval = approvalOf(fake)
    expect(approval.nodes.map((node) => [node.apvRel, node.details.map((detail) => detail.userid)])).toEqual([
      [2, ["wc-manager-qian", "wc-director-li"]],
    ])
    fake.decide(approval.spNo, "wc-manager-qian", "reject", "金额过高，请改为换货")
    const fed = await deliver()
    expect(fed.map(({ outcome }) => [outcome.outcome, outcome.decidedBy, outcome.comment])).toEqual([
      ["rejected", "manager-qian", "金额过高，请改为换货"],
    ])
    expect(harness.runner.instance("TS-E2E-2")!.state).toMatchObject({
      stage: "proposing",
      approvalRejections: 1,
    })
    expect(caseOf(harness)).toMatchObject({
      stage: "proposing",
      fields: { complaint_approval_status: "rejected" },
    })
    expect(harness.notifier.delivered().at(-1)?.body["zh-CN"]).toContain("金额过高，请改为换货")
    const revised = await harness.dispatch("TS-E2E-2", {
      type: "ProposeRemedy",
      actor: deskOfficer,
      remedies: [remedy("exchange", "450")],
    })
    expect(Result.isSuccess(revised) && revised.success.state.stage).toBe("negotiating")
    expect(fake.approvals().length).toBe(1)
    expect(harness.runner.statistics()).toMatchObject({ refusals: 0, deadLetters: 0 })
  })

  it("投诉处理: the decision pushed twice, and again to a restarted server → the complaint decides once", async () => {
    let died = false
    let restartAfterDying: (() => Promise<unknown>) | undefined
    const final = (events: ReadonlyArray<WeComApprovalEvent | WeComOtherMessage>) =>
      events.some((event) => isApprovalEvent(event) && event.spStatus === 2)
    const { fake, endpoint, harness, deliver, restart } = await weComWithComplaints({
      endpoint: {
        // The server takes the decision, then dies before answering; WeCom pushes it again.
        dieAfter: (events) => {
          if (died || !final(events)) return false
          died = true
          void restartAfterDying?.()
          return true
        },
      },
      duplicatePushes: true,
    })
    restartAfterDying = restart
    await harness.proposeRemedies("TS-E2E-3", [remedy("refund", "3000")])
    const approval = approvalOf(fake)
    fake.decide(approval.spNo, "wc-director-li", "approve")
    const fed = await deliver()

    expect(fake.pushes().filter((push) => push.statusChangeEvent === 2 && !push.delivered).length).toBe(1)
    expect(endpoint.received.filter((event) => final([event])).length).toBe(2)
    expect(fed.map(({ outcome }) => outcome.eventId)).toEqual([
      `wecom:${approval.spNo}:approved`,
      `wecom:${approval.spNo}:approved`,
    ])
    expect(fed.every(({ decided }) => decided !== undefined && Result.isSuccess(decided))).toBe(true)
    expect(harness.decisions("TS-E2E-3").length).toBe(1)
    expect(harness.runner.instance("TS-E2E-3")?.state.stage).toBe("negotiating")
    expect(harness.runner.statistics()).toMatchObject({ refusals: 0, deadLetters: 0 })
  })

  it("投诉处理: no approval policy → the complaints policy's chain on 客户投诉处理表 → approved → negotiate", async () => {
    const { fake, installed, harness, deliver } = await weComWithComplaints({ approvalPolicy: null })
    expect(installed.find((step) => step.formId === "complaint.handling")?.action).toBe("create")
    await harness.proposeRemedies("TS-E2E-4", [remedy("refund", "2400"), remedy("other", "600")])
    const approval = approvalOf(fake)
    expect(harness.submitRequest("TS-E2E-4").submission.formId).toBe("complaint.handling")
    // ¥3,000 is the manager's to grant (客服经理), below the finance countersign threshold.
    expect(approval.nodes.map((node) => node.details.map((detail) => detail.userid))).toEqual([
      ["wc-manager-qian"],
    ])
    const shown = Object.fromEntries(
      approval.contents.map((content) => [
        (content.title as ReadonlyArray<{ text: string }>)[0]!.text,
        content.value,
      ]),
    )
    const choice = (key: string) => ({ selector: { type: "single", options: [{ key: `option-${key}` }] } })
    expect(shown).toMatchObject({
      投诉编号: { text: "TS-E2E-4" },
      客户姓名: { text: "上海恒通贸易有限公司" },
      投诉类型: choice("product"),
      合计金额: { new_money: "3000.00" },
      // The handler signs as the WeCom member the directory maps the officer to.
      签字: { members: [{ userid: "wc-officer-wu" }] },
    })
    // The remedies as WeCom table rows, one per remedy.
    const rows = (shown.处理方案 as { children: ReadonlyArray<{ list: ReadonlyArray<{ value: unknown }> }> })
      .children
    expect(rows.map((row) => row.list.map((cell) => cell.value))).toEqual([
      [choice("refund"), { new_money: "2400.00" }],
      [choice("other"), { new_money: "600.00" }],
    ])
    fake.decide(approval.spNo, "wc-manager-qian", "approve", "同意")
    const fed = await deliver()
    expect(fed.map(({ outcome }) => [outcome.outcome, outcome.decidedBy])).toEqual([
      ["approved", "manager-qian"],
    ])
    expect(harness.runner.instance("TS-E2E-4")?.state.stage).toBe("negotiating")
    expect(harness.runner.statistics()).toMatchObject({ refusals: 0, deadLetters: 0 })
  })
})
