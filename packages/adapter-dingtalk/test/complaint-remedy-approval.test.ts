/**
 * End to end: a complaint on the in-memory runner and host CRM, with DingTalk (the local fake,
 * seeded with sampleCompany) as its approvals host and directory. A remedy above the officer's
 * authority opens a DingTalk instance on the company's remedy chain; the approvers decide in
 * DingTalk; the decision comes back as a signed, encrypted `bpms_instance_change` push that the
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
import { type DingTalkAdapter, make } from "../src/adapter.ts"
import {
  type DingTalkApprovalEvent,
  type DingTalkOtherEvent,
  isApprovalEvent,
} from "../src/events/dingtalk-event.ts"
import type { DingTalkFake } from "../src/testing/dingtalk-fake.ts"
import { appKey, callbackKeys, settingsFor, startCompanyFake } from "./support.ts"

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

let closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.reverse()) await close()
  closers = []
})

/**
 * DingTalk as an administrator sets it up (templates installed from tixi's default forms, the
 * callback subscribed), the complaint harness on its approvals and address book, and `deliver`,
 * the callback intake: each verified approval event becomes tixi's outcome and goes to the
 * complaint it names.
 */
async function dingTalkWithComplaints(
  options: {
    readonly endpoint?: CallbackEndpointOptions<DingTalkApprovalEvent | DingTalkOtherEvent>
    /** DingTalk pushes every event twice. */
    readonly duplicatePushes?: boolean
    /** The company's approval policy; `null` leaves the chain to the complaints policy. */
    readonly approvalPolicy?: Approval.ApprovalPolicy | null
  } = {},
) {
  const fake = await startCompanyFake()
  closers.push(() => fake.close())
  // No `forms`: the adapter's default forms must cover what the complaint submits.
  const { forms: _forms, ...settings } = settingsFor(fake.url, {
    callback: { ...callbackKeys, ownerKey: { kind: "appKey", value: appKey } },
  })
  let adapter: DingTalkAdapter = await run(make(settings))
  const installed = await run(adapter.install({ dryRun: false }))
  const endpoint = await startCallbackEndpoint((request) => adapter.handleCallback(request), options.endpoint)
  closers.push(endpoint.close)
  fake.setCallback({
    url: endpoint.url,
    ...callbackKeys,
    ownerKey: appKey,
    retryDelaysMillis: [50, 100],
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
  /** A new process: a fresh adapter with nothing in memory (no submissions, no seen event ids). */
  const restart = async () => {
    adapter = await run(make(settings))
    harness.useApprovals(adapter.approvals)
    return adapter
  }
  return { fake, installed, endpoint, harness, deliver, restart }
}

const instanceOf = (fake: DingTalkFake) => {
  const instances = fake.instances()
  expect(instances.length).toBe(1)
  return instances[0]!
}

const caseOf = (harness: ComplaintRemedyHarness) => harness.host.cases()[0]!

describe("a complaint remedy approved in DingTalk (in-memory host, DingTalk fake)", () => {
  it("投诉处理: ¥8,000 over the officer's authority → DingTalk 或签 then 会签 → approved by signed callback → negotiate → execute → close", async () => {
    const { fake, installed, endpoint, harness, deliver, restart } = await dingTalkWithComplaints()
    expect(installed.find((step) => step.formId === "approval.complaintRemedy")?.action).toBe("create")

    // DingTalk drops the reply of the create call: the submit effect is retried, and opens one instance.
    fake.loseNextReplies("/v1.0/workflow/processInstances")
    const proposed = await harness.proposeRemedies("TS-E2E-1", [remedy("refund", "8000")])
    expect(proposed.stage).toBe("awaitingApproval")
    const instance = instanceOf(fake)
    // The chain from the company's policy, its roles resolved through DingTalk's address book.
    expect(instance.nodes.map((node) => [node.actionType, node.userIds])).toEqual([
      ["OR", ["dt-manager-qian", "dt-director-li"]],
      ["AND", ["dt-finance-zhou", "dt-gm-zhao"]],
    ])
    expect(instance.originator).toBe("dt-officer-wu")
    const shown = Object.fromEntries(instance.values.map((value) => [value.name, value.value]))
    expect(shown).toMatchObject({
      受理编号: "TS-E2E-1",
      投诉客户: "cust-0001",
      客户名称: "上海恒通贸易有限公司",
      处理方案: "退款 8000.00",
      补偿金额: "8000.00",
      申请理由: "退还受潮货款，运费由我方承担",
      业务单号: "TS-E2E-1",
    })
    const submit = harness.submitRequest("TS-E2E-1")
    expect(submit.submission.formId).toBe("approval.complaintRemedy")
    expect(shown["tixi 关联码"]).toBe(`complaint.remedy ${submit.key}`)
    expect(caseOf(harness)).toMatchObject({
      stage: "awaitingApproval",
      fields: { complaint_approval_status: "pending", complaint_remedy_amount: 8000 },
    })

    // The runner performs the submit effect again after a crash, on a restarted adapter: same instance.
    const restarted = await restart()
    const again = await harness.run(performEffect(submit))
    expect(again.reference).toBe(instance.id)
    expect((await run(restarted.approvals.findByKey(submit.key)))?.id).toBe(instance.id)
    expect(fake.instances().length).toBe(1)

    // The director decides the 或签 node alone; finance and the general manager both countersign.
    fake.decide(instance.id, "dt-director-li", "agree", "同意，尽快处理")
    fake.decide(instance.id, "dt-finance-zhou", "agree")
    expect(await deliver()).toEqual([])
    expect(harness.runner.instance("TS-E2E-1")?.state.stage).toBe("awaitingApproval")
    fake.decide(instance.id, "dt-gm-zhao", "agree", "同意补偿")
    const [fed, ...more] = await deliver()
    expect(more).toEqual([])
    // Every push was signed and encrypted; the handler verified and decrypted each: the instance's
    // start and finish, and a task change per approver as each task opened and was decided.
    const pushed = endpoint.received.filter(isApprovalEvent)
    expect(
      pushed.filter((event) => event.eventType === "bpms_instance_change").map((event) => event.type),
    ).toEqual(["start", "finish"])
    expect(
      pushed
        .filter((event) => event.eventType === "bpms_task_change" && event.type === "finish")
        .map((event) => [event.staffId, event.result]),
    ).toEqual([
      ["dt-director-li", "agree"],
      ["dt-finance-zhou", "agree"],
      ["dt-gm-zhao", "agree"],
    ])
    expect(fed?.outcome).toMatchObject({
      eventId: `dingtalk:${instance.id}:approved`,
      approvalId: instance.id,
      key: submit.key,
      businessKey: "TS-E2E-1",
      requestType: "complaint.remedy",
      outcome: "approved",
      decidedBy: "gm-zhao",
      comment: "同意补偿",
    })
    expect(fed?.decided !== undefined && Result.isSuccess(fed.decided)).toBe(true)

    const approved = harness.runner.instance("TS-E2E-1")!.state
    expect(approved.stage).toBe("negotiating")
    expect(approved.proposal?.approval).toMatchObject({ status: "approved", decidedBy: "gm-zhao" })
    expect(caseOf(harness)).toMatchObject({
      stage: "negotiating",
      fields: { complaint_approval_status: "approved", complaint_remedy_amount: 8000 },
    })
    const told = harness.notifier.delivered().at(-1)
    expect(told).toMatchObject({ recipients: ["officer-wu"], severity: "info" })
    expect(told?.title.en).toBe("Remedy for complaint TS-E2E-1 approved")

    // The complaint goes on: the customer agrees, the refund is made, the case is closed.
    await harness.dispatch("TS-E2E-1", {
      type: "RecordCustomerResponse",
      actor: deskOfficer,
      accepted: true,
    })
    expect(caseOf(harness).stage).toBe("executing")
    expect(harness.host.tasks().map((task) => task.externalKey)).toContain(
      "TS-E2E-1:execution:0:1:officer-wu",
    )
    await harness.dispatch("TS-E2E-1", {
      type: "RecordExecution",
      actor: deskOfficer,
    })
    await harness.dispatch("TS-E2E-1", {
      type: "Close",
      actor: deskOfficer,
      summary: "已退款 8000 元",
    })
    expect(caseOf(harness)).toMatchObject({
      stage: "closed",
      status: "closed",
      fields: { complaint_outcome: "remedied", complaint_loss: 8000 },
    })
    const statistics = harness.runner.statistics()
    expect(statistics).toMatchObject({ refusals: 0, deadLetters: 0 })
    expect(statistics.effectsPerformed["approval.submit"]).toBe(1)
    expect(fake.instances().length).toBe(1)
  })

  it("投诉处理: ¥3,000 over the officer's authority → refused in DingTalk → revise the remedy within authority", async () => {
    const { fake, harness, deliver } = await dingTalkWithComplaints()
    await harness.proposeRemedies("TS-E2E-2", [remedy("refund", "3000")])
    const instance = instanceOf(fake)
    // ¥3,000 needs no countersign: one 或签 node.
    expect(instance.nodes.map((node) => [node.actionType, node.userIds])).toEqual([
      ["OR", ["dt-manager-qian", "dt-director-li"]],
    ])
    fake.decide(instance.id, "dt-manager-qian", "refuse", "金额过高，请改为换货")
    const fed = await deliver()
    expect(fed.map(({ outcome }) => [outcome.outcome, outcome.decidedBy, outcome.comment])).toEqual([
      ["rejected", "manager-qian", "金额过高，请改为换货"],
    ])
    const rejected = harness.runner.instance("TS-E2E-2")!.state
    expect(rejected.stage).toBe("proposing")
    expect(rejected.approvalRejections).toBe(1)
    expect(caseOf(harness)).toMatchObject({
      stage: "proposing",
      fields: { complaint_approval_status: "rejected" },
    })
    const told = harness.notifier.delivered().at(-1)
    expect(told).toMatchObject({ recipients: ["officer-wu"], severity: "warning" })
    expect(told?.body["zh-CN"]).toContain("金额过高，请改为换货")

    // The officer revises: an exchange within the officer's own authority needs no approval.
    const revised = await harness.dispatch("TS-E2E-2", {
      type: "ProposeRemedy",
      actor: deskOfficer,
      remedies: [remedy("exchange", "450")],
    })
    expect(Result.isSuccess(revised) && revised.success.state.stage).toBe("negotiating")
    expect(caseOf(harness).fields.complaint_approval_status).toBe("notRequired")
    expect(fake.instances().length).toBe(1)
    expect(harness.runner.statistics()).toMatchObject({ refusals: 0, deadLetters: 0 })
  })

  it("投诉处理: the decision pushed twice, and again to a restarted server → the complaint decides once", async () => {
    let died = false
    let restartAfterDying: (() => Promise<unknown>) | undefined
    const finished = (events: ReadonlyArray<DingTalkApprovalEvent | DingTalkOtherEvent>) =>
      events.some(
        (event) =>
          isApprovalEvent(event) && event.eventType === "bpms_instance_change" && event.type === "finish",
      )
    const { fake, endpoint, harness, deliver, restart } = await dingTalkWithComplaints({
      endpoint: {
        // The server takes the decision, then dies before answering; DingTalk pushes it again.
        dieAfter: (events) => {
          if (died || !finished(events)) return false
          died = true
          void restartAfterDying?.()
          return true
        },
      },
      duplicatePushes: true,
    })
    restartAfterDying = restart
    await harness.proposeRemedies("TS-E2E-3", [remedy("refund", "3000")])
    const instance = instanceOf(fake)
    fake.decide(instance.id, "dt-director-li", "agree")
    const fed = await deliver()

    // DingTalk pushed every event twice; the failed push of the decision was retried.
    const finishPushes = fake.pushes().filter((push) => push.eventType === "bpms_instance_change")
    expect(finishPushes.filter((push) => !push.delivered).length).toBe(1)
    // Each server process took the decision once (the same event id, seen by each), so it reached
    // the complaint twice, and the complaint decided once.
    expect(endpoint.received.filter((event) => finished([event])).length).toBe(2)
    expect(fed.map(({ outcome }) => outcome.eventId)).toEqual([
      `dingtalk:${instance.id}:approved`,
      `dingtalk:${instance.id}:approved`,
    ])
    expect(fed.every(({ decided }) => decided !== undefined && Result.isSuccess(decided))).toBe(true)
    expect(harness.decisions("TS-E2E-3").length).toBe(1)
    expect(harness.runner.instance("TS-E2E-3")?.state.stage).toBe("negotiating")
    expect(harness.notifier.delivered().filter((notice) => notice.title.en.includes("approved")).length).toBe(
      1,
    )
    expect(harness.runner.statistics()).toMatchObject({ refusals: 0, deadLetters: 0 })
  })

  it("投诉处理: no approval policy → the complaints policy's chain on 客户投诉处理表 → approved → negotiate", async () => {
    const { fake, installed, harness, deliver } = await dingTalkWithComplaints({ approvalPolicy: null })
    expect(installed.find((step) => step.formId === "complaint.handling")?.action).toBe("create")
    await harness.proposeRemedies("TS-E2E-4", [remedy("refund", "2400"), remedy("other", "600")])
    const instance = instanceOf(fake)
    expect(harness.submitRequest("TS-E2E-4").submission.formId).toBe("complaint.handling")
    // ¥3,000 is the manager's to grant (客服经理), below the finance countersign threshold.
    expect(instance.nodes.map((node) => [node.actionType, node.userIds])).toEqual([
      ["NONE", ["dt-manager-qian"]],
    ])
    const shown = Object.fromEntries(instance.values.map((value) => [value.name, value.value]))
    expect(shown).toMatchObject({
      投诉编号: "TS-E2E-4",
      客户姓名: "上海恒通贸易有限公司",
      投诉类型: "商品",
      合计金额: "3000.00",
      经办人意见: "退还受潮货款，运费由我方承担",
      // The handler signs as the DingTalk user the directory maps the officer to.
      签字: JSON.stringify(["dt-officer-wu"]),
    })
    // The remedies as DingTalk table rows, one per remedy.
    expect(JSON.parse(String(shown.处理方案))).toEqual([
      [
        { name: "处理方式", value: "退款" },
        { name: "金额", value: "2400.00" },
      ],
      [
        { name: "处理方式", value: "其他" },
        { name: "金额", value: "600.00" },
      ],
    ])
    fake.decide(instance.id, "dt-manager-qian", "agree", "同意")
    const fed = await deliver()
    expect(fed.map(({ outcome }) => [outcome.outcome, outcome.decidedBy])).toEqual([
      ["approved", "manager-qian"],
    ])
    expect(harness.runner.instance("TS-E2E-4")?.state.stage).toBe("negotiating")
    expect(harness.runner.statistics()).toMatchObject({ refusals: 0, deadLetters: 0 })
  })
})
