import { approvalKeyField, approverField, type SalesforceAdapterService } from "@tixi/adapter-salesforce"
import {
  defineBoundApprovalProcesses,
  type FakeRecord,
  type FakeSalesforce,
} from "@tixi/adapter-salesforce/fake"
import {
  Approval,
  type ApprovalOutcomeEvent,
  Approvals,
  Credit,
  type Directory,
  decideApprovalCommand,
  HostCrm,
  inMemoryDirectoryLayer,
  makeInMemoryNotifier,
  makeInMemoryRunner,
  Notifier,
  personId,
} from "@tixi/core"
import { makeShiftedClock, sampleCompany } from "@tixi/testing"
import { Clock, Effect, Layer, ManagedRuntime, Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, useMsw } from "./support/fake-org-harness.ts"
import { creditOverrideBinding, creditPosition } from "./support/scenes.ts"

useMsw()

// A credit-limit override (超信用额度发货) end to end on Salesforce: the core's override process
// runs on the in-memory runner, its approval goes to an Approval Process in the fake org through
// the adapter's Approvals, approvers decide in Salesforce, and the outcome comes back by the
// adapter's polling of ProcessInstance into the process, which releases or holds the order.

const hour = 3_600_000
const salesperson = { personId: personId("officer-wu"), role: "officer" } as const

describe("a credit-limit override as a Salesforce approval (fake org)", () => {
  const time = makeShiftedClock()
  const notifier = makeInMemoryNotifier()
  // Routed by the company-wide approval policy: ¥50,000 over the limit → manager, then finance.
  const runner = makeInMemoryRunner(
    Credit.creditOverrideProcess(Credit.defaultCreditPolicy, {
      approvalPolicy: Approval.defaultApprovalPolicy,
    }),
  )
  let fake: FakeSalesforce
  let adapter: SalesforceAdapterService
  let runtime: ManagedRuntime.ManagedRuntime<HostCrm | Approvals | Notifier | Directory, never>
  const run = <A, E>(effect: Effect.Effect<A, E, HostCrm | Approvals | Notifier | Directory>) =>
    runtime.runPromise(effect)

  beforeAll(async () => {
    ;({ fake, adapter } = await fakeOrgWithAdapter({
      org: { now: time.now },
      settings: { approvalProcesses: { "credit.limitOverride": creditOverrideBinding } },
    }))
    runtime = ManagedRuntime.make(
      Layer.mergeAll(
        Layer.succeed(HostCrm, adapter.hostCrm),
        Layer.succeed(Approvals, adapter.approvals),
        Layer.succeed(Notifier, notifier.service),
        inMemoryDirectoryLayer(sampleCompany),
        Layer.succeed(Clock.Clock, time.clock),
      ),
    )
    await run(adapter.install([], { dryRun: false }))
    defineBoundApprovalProcesses(fake, creditOverrideBinding)
    await run(
      adapter.hostCrm.upsertCustomers(
        ["W01", "W02", "W03"].map((key) => ({
          externalKey: key,
          kind: "organization" as const,
          name: `华中批发 ${key}`,
          fields: {},
        })),
      ),
    )
  })
  afterAll(() => runtime.dispose())

  const request = async (requestId: string, customerId: string) => {
    const outcome = await run(
      runner.dispatch(requestId, {
        type: "RequestOverride",
        requestId,
        orderNumber: `SO-${requestId}`,
        requestedBy: salesperson,
        reason: "旺季备货，客户承诺月底回款",
        position: creditPosition(customerId, "60000"),
      }),
    )
    expect(Result.isSuccess(outcome) || outcome.failure.message).toBe(true)
    return runner.instance(requestId)!.state
  }
  const accountOf = (key: string): FakeRecord =>
    fake.org.records("Account").find((row) => row.Tixi_Key__c === key)!
  const instanceOf = (key: string): FakeRecord =>
    fake.org.records("ProcessInstance").find((row) => row.TargetObjectId === accountOf(key).Id)!
  const poll = (cursor: string | undefined) => run(adapter.pollApprovalOutcomes(cursor))
  /** Each outcome of an override's approval becomes its DecideApproval, delivered to the request. */
  const deliver = (events: ReadonlyArray<ApprovalOutcomeEvent>) =>
    run(
      Effect.forEach(
        events.filter((event) => event.requestType === "credit.limitOverride"),
        (event) => {
          const { at: _decidedAt, ...command } = decideApprovalCommand(event)
          return runner.dispatch(event.businessKey, command)
        },
      ),
    )
  const notices = (requestId: string) =>
    notifier.control.delivered().filter((notice) => notice.caseKey === requestId)

  it("opens the Approval Process on the customer's Account; the approvers approve in Salesforce and the order is released", async () => {
    const { cursor: start } = await poll(undefined)
    const requested = await request("OV-1", "W01")
    expect(requested.status).toBe("awaitingApproval")
    const account = accountOf("W01")
    expect(account).toMatchObject({
      [approvalKeyField]: requested.approval!.key,
      [approverField(0, 0)]: fake.staff.userId("manager-qian@tixi.example"),
      [approverField(1, 0)]: fake.staff.userId("finance-zhou@tixi.example"),
      [approverField(2, 0)]: null,
    })
    const instance = instanceOf("W01")
    expect(instance.Status).toBe("Pending")
    expect(
      fake.org.records("ProcessDefinition").find((row) => row.Id === instance.ProcessDefinitionId)!
        .DeveloperName,
    ).toBe("Tixi_Credit_Override_2")

    // The manager approves step 1: still pending, nothing to deliver.
    await run(time.advanceTo(time.now() + hour))
    fake.staff.decide(String(instance.Id), "manager-qian@tixi.example", "Approve", "客户回款记录良好")
    const first = await poll(start)
    expect(first.events).toEqual([])
    expect(await deliver(first.events)).toEqual([])

    await run(time.advanceTo(time.now() + hour))
    fake.staff.decide(String(instance.Id), "finance-zhou@tixi.example", "Approve", "同意，限本单")
    const decided = await poll(first.cursor)
    expect(decided.events).toMatchObject([
      {
        approvalId: instance.Id,
        key: requested.approval!.key,
        businessKey: "OV-1",
        outcome: "approved",
        decidedBy: "finance-zhou",
        comment: "同意，限本单",
      },
    ])
    const [delivered] = await deliver(decided.events)
    expect(delivered && Result.isSuccess(delivered) && delivered.success.events).toMatchObject([
      { type: "OverrideApproved", decidedBy: "finance-zhou" },
    ])
    expect(runner.instance("OV-1")!.state).toMatchObject({ status: "approved", decidedBy: "finance-zhou" })
    expect(runner.instance("OV-1")!.finished).toBe(true)
    expect(notices("OV-1")).toMatchObject([
      { recipients: ["officer-wu"], severity: "info", title: { "zh-CN": "超额发货已批准" } },
    ])
    const record = await run(adapter.approvals.get(decided.events[0]!.approvalId))
    expect(record.decisions.map((decision) => [decision.step, decision.approver])).toEqual([
      [0, "manager-qian"],
      [1, "finance-zhou"],
    ])

    // tixi restarts from an older cursor: the poll delivers the decision again, which changes nothing.
    const recorded = runner.instance("OV-1")!.events.length
    const again = await poll(start)
    expect(again.events.map((event) => event.eventId)).toEqual(decided.events.map((event) => event.eventId))
    const [redelivered] = await deliver(again.events)
    expect(redelivered && Result.isSuccess(redelivered) && redelivered.success.events).toEqual([])
    expect(runner.instance("OV-1")!.events).toHaveLength(recorded)
    expect(notices("OV-1")).toHaveLength(1)
    expect(runner.deadLetters()).toEqual([])
  })

  it("keeps the order on hold when the manager rejects it in Salesforce", async () => {
    const { cursor: start } = await poll(undefined)
    await request("OV-2", "W02")
    await run(time.advanceTo(time.now() + hour))
    fake.staff.decide(
      String(instanceOf("W02").Id),
      "manager-qian@tixi.example",
      "Reject",
      "逾期未清，不予放行",
    )
    expect(instanceOf("W02").Status).toBe("Rejected")
    // The poll reads from the last decision's instant on, so OV-1's approval comes again too.
    const decided = await poll(start)
    expect(decided.events.filter((event) => event.businessKey !== "OV-1")).toMatchObject([
      { businessKey: "OV-2", outcome: "rejected", decidedBy: "manager-qian", comment: "逾期未清，不予放行" },
    ])
    await deliver(decided.events)
    expect(runner.instance("OV-2")!.state).toMatchObject({ status: "rejected", decidedBy: "manager-qian" })
    expect(notices("OV-2")).toMatchObject([
      { severity: "warning", title: { en: "Credit override refused: the order stays on hold" } },
    ])

    const recorded = runner.instance("OV-2")!.events.length
    const redelivered = await deliver((await poll(start)).events)
    expect(redelivered.map((outcome) => Result.isSuccess(outcome) && outcome.success.events)).toEqual(
      decided.events.map(() => []),
    )
    expect(runner.instance("OV-2")!.events).toHaveLength(recorded)
    expect(runner.instance("OV-2")!.state.status).toBe("rejected")
  })

  it("recalls the approval in Salesforce when nobody decides before the expiry; the order stays on hold", async () => {
    const { cursor: start } = await poll(undefined)
    const requested = await request("OV-3", "W03")
    await run(runner.advanceTo(requested.approval!.expiresAt, time.advanceTo))
    expect(runner.instance("OV-3")!.state.status).toBe("expired")
    expect(instanceOf("W03").Status).toBe("Removed")
    expect(
      fake.org
        .records("ProcessInstanceWorkitem")
        .filter((row) => row.ProcessInstanceId === instanceOf("W03").Id),
    ).toEqual([])
    expect(notices("OV-3")).toMatchObject([
      { severity: "warning", title: { "zh-CN": "超额发货申请已过期，订单暂停" } },
    ])
    // The recall comes back as a withdrawal, which the lapsed request refuses: nothing changes.
    const polled = await poll(start)
    const recalled = polled.events.filter((event) => event.businessKey === "OV-3")
    expect(recalled).toMatchObject([{ outcome: "withdrawn", decidedBy: undefined }])
    const [late] = await deliver(recalled)
    expect(late && Result.isFailure(late)).toBe(true)
    expect(runner.instance("OV-3")!.state.status).toBe("expired")
    expect(runner.deadLetters()).toEqual([])
  })
})
