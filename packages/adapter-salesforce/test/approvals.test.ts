import { approverField } from "@tixi/adapter-salesforce"
import { defineBoundApprovalProcesses } from "@tixi/adapter-salesforce/fake"
import { type ApprovalSubmission, label, personId } from "@tixi/core"
import { Effect } from "effect"
import { http } from "msw"
import { describe, expect, it } from "vitest"
import { fakeOrgWithAdapter, server, useMsw } from "./support/fake-org-harness.ts"

useMsw()

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect)

const overrideBinding = {
  object: "Account",
  processes: [
    { name: "Tixi_Credit_Override_Any", steps: ["any"] as const },
    { name: "Tixi_Credit_Override_Any_All", steps: ["any", "all"] as const },
  ],
  approversPerStep: 3,
}

const setUp = async () => {
  const { fake, adapter } = await fakeOrgWithAdapter({
    settings: {
      approvalProcesses: { "credit.limitOverride": overrideBinding },
    },
    install: [],
  })
  defineBoundApprovalProcesses(fake, overrideBinding)
  fake.staff.create("Account", { Name: "华东贸易", Tixi_Key__c: "C-1" })
  return { fake, adapter }
}

const submission = (key: string, steps: ApprovalSubmission["steps"]): ApprovalSubmission => ({
  key,
  requestType: "credit.limitOverride",
  businessKey: "C-1",
  title: label("超信用额度审批", "Credit limit override"),
  originator: personId("officer-wu"),
  formId: "credit.limitOverride",
  values: { customer: "C-1" },
  steps,
})

describe("Salesforce Approval Processes", () => {
  it("submits to the process matching the chain and routes by the approver fields", async () => {
    const { fake, adapter } = await setUp()
    const opened = await run(
      adapter.approvals.submit(
        submission("k-1", [
          { mode: "any", approvers: [personId("supervisor-sun")] },
          { mode: "all", approvers: [personId("manager-qian"), personId("finance-zhou")] },
        ]),
      ),
    )
    expect(opened).toMatchObject({
      state: "pending",
      key: "k-1",
      businessKey: "C-1",
      requestType: "credit.limitOverride",
    })
    const account = fake.org.records("Account").find((row) => row.Tixi_Key__c === "C-1")!
    expect(account[approverField(0, 0)]).toBe(fake.staff.userId("supervisor-sun@tixi.example"))
    expect(account[approverField(1, 1)]).toBe(fake.staff.userId("finance-zhou@tixi.example"))
    expect(account[approverField(0, 1)]).toBeNull()
    const instance = fake.org.records("ProcessInstance").find((row) => row.Id === opened.id)!
    expect(
      fake.org.records("ProcessDefinition").find((row) => row.Id === instance.ProcessDefinitionId)!
        .DeveloperName,
    ).toBe("Tixi_Credit_Override_Any_All")
  })

  it("refuses a chain shape no bound process has, and approvers without a Salesforce user", async () => {
    const { adapter } = await setUp()
    const shape = await run(
      Effect.flip(
        adapter.approvals.submit(submission("k-2", [{ mode: "all", approvers: [personId("manager-qian")] }])),
      ),
    )
    expect(shape.reason).toMatchObject({ _tag: "InvalidRequest", fields: [{ field: "steps" }] })
    const stranger = await run(
      Effect.flip(
        adapter.approvals.submit(submission("k-3", [{ mode: "any", approvers: [personId("nobody-here")] }])),
      ),
    )
    expect(stranger.reason).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "steps[0].approvers[0]" }],
    })
    const crowded = await run(
      Effect.flip(
        adapter.approvals.submit(
          submission("k-4", [
            { mode: "any", approvers: ["a", "b", "c", "d"].map((name) => personId(`p-${name}`)) },
          ]),
        ),
      ),
    )
    expect(crowded.reason).toMatchObject({
      _tag: "InvalidRequest",
      fields: [{ field: "steps[0].approvers" }],
    })
  })

  it("refuses a second approval while the record is in one (ALREADY_IN_PROCESS)", async () => {
    const { adapter } = await setUp()
    await run(
      adapter.approvals.submit(submission("k-5", [{ mode: "any", approvers: [personId("supervisor-sun")] }])),
    )
    const failure = await run(
      Effect.flip(
        adapter.approvals.submit(submission("k-6", [{ mode: "any", approvers: [personId("manager-qian")] }])),
      ),
    )
    expect(failure.reason._tag).toBe("Conflict")
    expect(failure.vendor?.code).toBe("ALREADY_IN_PROCESS")
  })

  it("delivers outcomes by polling, once each, with who decided", async () => {
    const { fake, adapter } = await setUp()
    const opened = await run(
      adapter.approvals.submit(
        submission("k-7", [
          { mode: "any", approvers: [personId("supervisor-sun"), personId("manager-qian")] },
        ]),
      ),
    )
    const none = await run(adapter.pollApprovalOutcomes(undefined))
    expect(none.events).toEqual([])
    fake.staff.decide(opened.id, "manager-qian@tixi.example", "Approve", "同意，下不为例")
    const decided = await run(adapter.pollApprovalOutcomes(none.cursor))
    expect(decided.events).toMatchObject([
      {
        approvalId: opened.id,
        key: "k-7",
        businessKey: "C-1",
        outcome: "approved",
        decidedBy: "manager-qian",
        comment: "同意，下不为例",
      },
    ])
    const record = await run(adapter.approvals.get(opened.id))
    expect(record.decisions).toMatchObject([{ step: 0, approver: "manager-qian", outcome: "approved" }])
  })

  it("recalls with SOAP process() and Removed, the documented recall; REST /process/approvals takes no Removed", async () => {
    const { fake, adapter } = await setUp()
    const opened = await run(
      adapter.approvals.submit(submission("k-8", [{ mode: "any", approvers: [personId("supervisor-sun")] }])),
    )
    const soapBefore = fake.org.callsByKind.get("soap") ?? 0
    const recalled = await run(
      adapter.approvals.withdraw(opened.id, "客户已撤回 / withdrawn by the customer"),
    )
    expect(recalled.state).toBe("withdrawn")
    expect(fake.org.callsByKind.get("soap")).toBe(soapBefore + 1)
    expect(fake.org.records("ProcessInstance").find((row) => row.Id === opened.id)!.Status).toBe("Removed")
    expect(
      fake.org
        .records("ProcessInstanceStep")
        .filter((row) => row.ProcessInstanceId === opened.id && row.StepStatus === "Removed"),
    ).toMatchObject([{ Comments: "客户已撤回 / withdrawn by the customer" }])
    // Withdrawing again changes nothing and sends no second recall.
    expect((await run(adapter.approvals.withdraw(opened.id, "again"))).state).toBe("withdrawn")
    expect(fake.org.callsByKind.get("soap")).toBe(soapBefore + 1)

    const second = await run(
      adapter.approvals.submit(submission("k-9", [{ mode: "any", approvers: [personId("manager-qian")] }])),
    )
    const workitem = fake.org
      .records("ProcessInstanceWorkitem")
      .find((row) => row.ProcessInstanceId === second.id)!
    const reply = await fetch(`${fake.org.instanceUrl}/services/data/v66.0/process/approvals`, {
      method: "POST",
      headers: { authorization: `Bearer ${fake.accessToken()}`, "content-type": "application/json" },
      body: JSON.stringify({ requests: [{ actionType: "Removed", contextId: workitem.Id }] }),
    })
    expect(reply.status).toBe(400)
    expect(await reply.json()).toMatchObject([{ errorCode: "JSON_PARSER_ERROR" }])
    expect((await run(adapter.approvals.get(second.id))).state).toBe("pending")
  })

  it("reads SOAP replies as typed outcomes: a stale session renewed once, a fault and a per-request error keep their codes", async () => {
    const { fake, adapter } = await setUp()
    // Runs `before` just as the recall reaches the org, then lets the org answer it.
    const onRecall = (before: () => void) =>
      server.use(
        http.post(
          `${fake.org.instanceUrl}/services/Soap/u/:version`,
          ({ request }) => {
            before()
            return fake.api.handle(request)
          },
          { once: true },
        ),
      )
    const open = (key: string) =>
      run(
        adapter.approvals.submit(submission(key, [{ mode: "any", approvers: [personId("supervisor-sun")] }])),
      )

    const first = await open("k-10")
    onRecall(() => fake.org.sessions.clear())
    expect((await run(adapter.approvals.withdraw(first.id, "stale session"))).state).toBe("withdrawn")

    const second = await open("k-11")
    onRecall(() =>
      fake.org.forcedReplies.push({
        status: 500,
        errorCode: "INSUFFICIENT_ACCESS",
        message: "no recall for you",
      }),
    )
    const refused = await run(Effect.flip(adapter.approvals.withdraw(second.id, "refused")))
    expect(refused).toMatchObject({
      port: "Approvals",
      operation: "withdraw",
      reason: { _tag: "Unauthorized" },
    })
    expect(refused.vendor).toMatchObject({ code: "INSUFFICIENT_ACCESS", status: 500 })

    // The approver decides between tixi's look-up of the workitem and its recall.
    onRecall(() => fake.staff.decide(second.id, "supervisor-sun@tixi.example", "Approve", "批准"))
    const late = await run(Effect.flip(adapter.approvals.withdraw(second.id, "too late")))
    expect(late.vendor?.code).toBe("INVALID_CROSS_REFERENCE_KEY")
    expect((await run(adapter.approvals.get(second.id))).state).toBe("approved")
  })
})
