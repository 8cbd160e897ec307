import {
  Approval,
  approvalId,
  type EffectRequest,
  handle,
  label,
  type PersonId,
  personId,
  replay,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const { approvalProcess: definition, approvalOutcomeOf } = Approval
type State = Approval.ApprovalProcessState
type Command = Approval.ApprovalCommand
type Event = Approval.ApprovalEvent

const wu = personId("officer-wu")
const sun = personId("supervisor-sun")
const qian = personId("manager-qian")
const zhou = personId("finance-zhou")
const li = personId("director-li")
const zhao = personId("gm-zhao")
const t0 = 1_767_600_000_000
const hour = 3_600_000

const step = (
  id: string,
  mode: "all" | "any",
  approvers: ReadonlyArray<PersonId>,
  deadline?: Approval.ResolvedDeadline,
) => ({
  id,
  label: label(id, id),
  mode,
  approvers,
  deadline,
})

const submit = (overrides: Partial<Approval.SubmitApproval> = {}): Approval.SubmitApproval => ({
  type: "submit",
  at: t0,
  requestId: "REQ-1",
  request: {
    requestType: "credit.limitOverride",
    businessKey: "ORDER-77",
    title: label("超信用额度审批", "Credit-limit override"),
    requester: wu,
    formId: "approval.creditLimitOverride",
    values: { orderReference: "ORDER-77" },
  },
  policyVersion: "handbook-2026.1",
  driver: "tixi",
  steps: [
    step("manager", "any", [qian], { hours: 4, onExpiry: "escalate", escalateTo: [li] }),
    step("finance", "all", [zhou, sun]),
  ],
  ...overrides,
})

/** Runs commands in order, keeping every event with its sequence and the effects each asked for. */
function run(commands: ReadonlyArray<Command>, from: State = definition.initialState) {
  let state = from
  const events: Array<Event> = []
  const effects: Array<EffectRequest> = []
  for (const command of commands) {
    const result = handle(definition, state, command)
    if (Result.isFailure(result)) throw result.failure
    for (const event of result.success.events) {
      const sequence = events.length
      events.push(event)
      state = definition.evolve(state, event)
      effects.push(...definition.effects(state, event, { instanceId: "REQ-1", sequence }))
    }
  }
  return { state, events, effects }
}

const refusalOf = (state: State, command: Command) => {
  const result = definition.decide(state, command)
  return Result.isFailure(result) ? result.failure._tag : "accepted"
}

const submits = (effects: ReadonlyArray<EffectRequest>) =>
  effects.filter(
    (effect): effect is Extract<EffectRequest, { kind: "approval.submit" }> =>
      effect.kind === "approval.submit",
  )

describe("approval process", () => {
  it("tixi-driven: each step opens its own host submission, 会签 needs every approver", () => {
    const { state, effects } = run([
      submit(),
      { type: "approve", at: t0 + hour, actor: qian, comment: "同意" },
      { type: "approve", at: t0 + 2 * hour, actor: zhou },
    ])
    expect(state.status).toBe("pending")
    const opened = submits(effects)
    expect(opened.map((effect) => effect.key)).toEqual([
      "approval/REQ-1/r1.s0.a1/approval.submit",
      "approval/REQ-1/r1.s1.a1/approval.submit",
    ])
    expect(opened[1]!.submission.steps).toEqual([
      { mode: "all", approvers: [{ person: zhou }, { person: sun }] },
    ])
    expect(opened[0]!.submission.businessKey).toBe("REQ-1")
    const done = run([{ type: "approve", at: t0 + 3 * hour, actor: sun }], state)
    expect(done.state.status).toBe("approved")
    // The last step's host submission is closed by tixi (a no-op on the host if it already finished).
    expect(done.effects.map((effect) => effect.kind)).toEqual(["approval.withdraw", "notify"])
  })

  it("host-driven: the whole chain goes to the host as one instance, its outcome finishes the request", () => {
    const { state, effects } = run([
      submit({ driver: "host", steps: [step("manager", "any", [qian]), step("gm", "all", [zhao, zhou])] }),
    ])
    const [opened] = submits(effects)
    expect(opened!.key).toBe("approval/REQ-1/r1/approval.submit")
    expect(opened!.submission.steps).toEqual([
      { mode: "any", approvers: [{ person: qian }] },
      { mode: "all", approvers: [{ person: zhao }, { person: zhou }] },
    ])
    const approved = run(
      [
        {
          type: "hostOutcome",
          at: t0 + hour,
          key: opened!.key,
          approvalId: approvalId("dt-1"),
          outcome: "approved",
          decidedBy: zhou,
        },
      ],
      state,
    )
    expect(approved.state.status).toBe("approved")
    expect(approved.effects.map((effect) => effect.kind)).toEqual(["notify"])
    const outcome = approvalOutcomeOf(approved.state)
    expect(outcome).toMatchObject({
      businessKey: "ORDER-77",
      requestType: "credit.limitOverride",
      outcome: "approved",
      decidedBy: zhou,
    })
  })

  it("a host outcome of an older submission, or a duplicate, changes nothing", () => {
    const { state } = run([submit()])
    const stale = run(
      [
        {
          type: "hostOutcome",
          at: t0,
          key: "approval/REQ-1/r0/approval.submit",
          approvalId: approvalId("x"),
          outcome: "approved",
        },
      ],
      state,
    )
    expect(stale.events).toEqual([])
    const once = run(
      [
        {
          type: "hostOutcome",
          at: t0 + 1,
          key: "approval/REQ-1/r1.s0.a1/approval.submit",
          approvalId: approvalId("x"),
          outcome: "approved",
        },
      ],
      state,
    )
    expect(once.state.status === "pending" && once.state.stepIndex).toBe(1)
    const twice = run(
      [
        {
          type: "hostOutcome",
          at: t0 + 2,
          key: "approval/REQ-1/r1.s0.a1/approval.submit",
          approvalId: approvalId("x"),
          outcome: "approved",
        },
      ],
      once.state,
    )
    expect(twice.events).toEqual([])
  })

  it("a rejection rejects the request; the requester resubmits and a new round starts", () => {
    const rejected = run([submit(), { type: "reject", at: t0 + hour, actor: qian, comment: "额度过高" }])
    expect(rejected.state.status).toBe("rejected")
    expect(approvalOutcomeOf(rejected.state)?.outcome).toBe("rejected")
    expect(refusalOf(rejected.state, { type: "resubmit", at: t0 + 2 * hour, actor: qian })).toBe(
      "PolicyRefusal",
    )
    const again = run(
      [{ type: "resubmit", at: t0 + 2 * hour, actor: wu, values: { orderReference: "ORDER-77b" } }],
      rejected.state,
    )
    expect(again.state.status === "pending" && again.state.round).toBe(2)
    expect(again.state.status === "pending" && again.state.request.values).toEqual({
      orderReference: "ORDER-77b",
    })
    expect(submits(again.effects).map((effect) => effect.key)).toEqual([
      "approval/REQ-1/r2.s0.a1/approval.submit",
    ])
  })

  it("only the requester withdraws; withdrawing twice is harmless; a decided request cannot be withdrawn", () => {
    const { state } = run([submit()])
    expect(refusalOf(state, { type: "withdraw", at: t0, actor: qian, reason: "x" })).toBe("PolicyRefusal")
    const withdrawn = run([{ type: "withdraw", at: t0 + 1, actor: wu, reason: "客户撤回" }], state)
    expect(withdrawn.state.status).toBe("withdrawn")
    expect(withdrawn.effects[0]).toMatchObject({
      kind: "approval.withdraw",
      submissionKey: "approval/REQ-1/r1.s0.a1/approval.submit",
    })
    expect(
      run([{ type: "withdraw", at: t0 + 2, actor: wu, reason: "again" }], withdrawn.state).events,
    ).toEqual([])
    const rejected = run([{ type: "reject", at: t0 + 1, actor: qian }], state)
    expect(refusalOf(rejected.state, { type: "withdraw", at: t0 + 2, reason: "late" })).toBe(
      "InvalidTransition",
    )
  })

  it("someone who is neither approver nor delegate is refused; a delegate acts for the approver", () => {
    const delegations = [
      { from: "manager-qian", to: "director-li", validFrom: t0, validUntil: t0 + 24 * hour },
    ]
    const { state } = run([submit({ delegations })])
    expect(refusalOf(state, { type: "approve", at: t0 + hour, actor: zhao })).toBe("PolicyRefusal")
    expect(refusalOf(state, { type: "approve", at: t0 + 25 * hour, actor: li })).toBe("PolicyRefusal")
    const delegated = run([{ type: "approve", at: t0 + hour, actor: li, comment: "代经理审批" }], state)
    expect(delegated.events[0]).toMatchObject({ type: "decisionRecorded", approver: qian, actedBy: li })
    expect(delegated.state.status === "pending" && delegated.state.stepIndex).toBe(1)
  })

  it("an approver's repeated decision is reported once", () => {
    const { state } = run([
      submit(),
      { type: "approve", at: t0 + hour, actor: qian },
      { type: "approve", at: t0 + 2 * hour, actor: zhou },
    ])
    expect(run([{ type: "approve", at: t0 + 3 * hour, actor: zhou }], state).events).toEqual([])
  })

  it("超时上报: the manager's deadline passes → escalated to the director, the stale submission is ignored", () => {
    const { state } = run([submit()])
    const [deadline] = definition.deadlines(state)
    expect(deadline).toMatchObject({ key: "approval/step/1/0/1", dueAt: t0 + 4 * hour })
    const escalated = run([{ ...deadline!.command, at: deadline!.dueAt } as Command], state)
    expect(escalated.events.map((event) => event.type)).toEqual(["escalated", "submissionOpened"])
    expect(escalated.effects.map((effect) => effect.kind)).toEqual([
      "approval.withdraw",
      "notify",
      "approval.submit",
    ])
    expect(submits(escalated.effects)[0]!.submission.steps).toEqual([
      { mode: "any", approvers: [{ person: li }] },
    ])
    expect(definition.deadlines(escalated.state)).toEqual([])
    const stale = run(
      [
        {
          type: "hostOutcome",
          at: t0 + 5 * hour,
          key: "approval/REQ-1/r1.s0.a1/approval.submit",
          approvalId: approvalId("x"),
          outcome: "approved",
        },
      ],
      escalated.state,
    )
    expect(stale.events).toEqual([])
    expect(refusalOf(escalated.state, { type: "approve", at: t0 + 5 * hour, actor: qian })).toBe(
      "PolicyRefusal",
    )
    const approved = run([{ type: "approve", at: t0 + 5 * hour, actor: li }], escalated.state)
    expect(approved.state.status === "pending" && approved.state.stepIndex).toBe(1)
  })

  it("a deadline overtaken by a decision fires into nothing", () => {
    const { state } = run([submit(), { type: "approve", at: t0 + hour, actor: qian }])
    const late = run(
      [{ type: "expire", at: t0 + 4 * hour, scope: "step", round: 1, stepIndex: 0, attempt: 1 }],
      state,
    )
    expect(late.events).toEqual([])
  })

  it("档案销毁: silence at the last step rejects automatically; a reminder fires once", () => {
    const steps = [
      step("manager", "any", [qian], { hours: 72, onExpiry: "remind", escalateTo: [] }),
      step("generalManager", "any", [zhao], { hours: 168, onExpiry: "autoReject", escalateTo: [] }),
    ]
    const { state } = run([submit({ steps })])
    const reminded = run(
      [{ type: "expire", at: t0 + 72 * hour, scope: "step", round: 1, stepIndex: 0, attempt: 1 }],
      state,
    )
    expect(reminded.events.map((event) => event.type)).toEqual(["reminderSent"])
    expect(reminded.effects[0]).toMatchObject({
      kind: "notify",
      draft: { severity: "warning", recipients: [{ person: qian }] },
    })
    expect(definition.deadlines(reminded.state)).toEqual([])
    const atGm = run([{ type: "approve", at: t0 + 80 * hour, actor: qian }], reminded.state)
    const [gmDeadline] = definition.deadlines(atGm.state)
    expect(gmDeadline?.dueAt).toBe(t0 + 80 * hour + 168 * hour)
    const expired = run([{ ...gmDeadline!.command, at: gmDeadline!.dueAt } as Command], atGm.state)
    expect(expired.state.status).toBe("rejected")
    expect(expired.state.status === "rejected" && expired.state.outcome?.automatic).toBe(true)
  })

  it("a chain deadline may approve automatically", () => {
    const { state } = run([
      submit({
        driver: "host",
        steps: [step("manager", "any", [qian])],
        deadline: { hours: 24, onExpiry: "autoApprove" },
      }),
    ])
    const [deadline] = definition.deadlines(state)
    expect(deadline?.key).toBe("approval/chain/1")
    const approved = run([{ ...deadline!.command, at: deadline!.dueAt } as Command], state)
    expect(approved.state.status).toBe("approved")
    expect(approved.effects[0]).toMatchObject({
      kind: "approval.withdraw",
      submissionKey: "approval/REQ-1/r1/approval.submit",
    })
  })

  it("转交: an approver hands the step to someone else; host-driven chains redirect on the host", () => {
    const { state } = run([submit()])
    const redirected = run([{ type: "redirect", at: t0 + hour, actor: qian, to: zhao }], state)
    expect(redirected.state.status === "pending" && redirected.state.stepApprovers).toEqual([zhao])
    expect(submits(redirected.effects)[0]!.key).toBe("approval/REQ-1/r1.s0.a2/approval.submit")
    expect(refusalOf(redirected.state, { type: "redirect", at: t0 + hour, actor: qian, to: li })).toBe(
      "PolicyRefusal",
    )
    const host = run([submit({ driver: "host" })])
    expect(refusalOf(host.state, { type: "redirect", at: t0 + hour, actor: qian, to: zhao })).toBe(
      "InvalidTransition",
    )
  })

  it("comments are kept, empty ones refused; nothing happens before a submission", () => {
    expect(refusalOf(definition.initialState, { type: "approve", at: t0, actor: qian })).toBe(
      "InvalidTransition",
    )
    const { state } = run([submit(), { type: "comment", at: t0 + 1, author: sun, text: "请补充订单明细" }])
    expect(state.status === "pending" && state.comments).toEqual([
      { author: sun, text: "请补充订单明细", at: t0 + 1 },
    ])
    expect(refusalOf(state, { type: "comment", at: t0 + 2, author: sun, text: "  " })).toBe("ValidationError")
  })

  it("refuses a chain without approvers", () => {
    expect(refusalOf(definition.initialState, submit({ steps: [step("manager", "any", [])] }))).toBe(
      "ValidationError",
    )
  })

  it("the state is always the replay of its events", () => {
    const { state, events } = run([
      submit(),
      { type: "comment", at: t0 + 1, author: sun, text: "看一下" },
      { type: "expire", at: t0 + 4 * hour, scope: "step", round: 1, stepIndex: 0, attempt: 1 },
      { type: "approve", at: t0 + 5 * hour, actor: li },
      { type: "reject", at: t0 + 6 * hour, actor: sun },
      { type: "resubmit", at: t0 + 7 * hour, actor: wu },
    ])
    expect(replay(definition, events)).toEqual(state)
    expect(definition.statusOf(state)).toBe("pending:manager")
  })
})
