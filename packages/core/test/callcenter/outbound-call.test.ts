import { CallCenter, chinaMainlandCalendar, idempotencyKey, personId, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

// Monday 2 March 2026, 09:00 in Shanghai (working hours 09:00–12:00, 13:00–18:00).
const t0 = Date.UTC(2026, 2, 2, 1, 0)
const minute = 60_000
const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString())
const agent = { personId: personId("agent-07"), role: "officer" as const }
const calendar = chinaMainlandCalendar()

function loaded(purpose: CallCenter.OutboundPurpose = "sales") {
  const process = CallCenter.outboundCallProcess({ calendar })
  const instance = drive(process, "OC-1")
  instance.must({
    type: "LoadContact",
    at: t0,
    contactId: "CMP-7/C-42",
    campaignId: "CMP-7",
    purpose,
    customer: { customerKey: "W01", name: "李经理", organisation: "华中批发", phone: "027-5555-0101" },
    agent,
  })
  return { process, instance }
}

const record = (startedAt: number) => ({
  calledOrganisation: "华中批发",
  startedAt,
  endedAt: startedAt + 6 * minute,
  caller: "agent-07",
  callerNumber: "A07",
  customerName: "李经理",
  customerPosition: "采购经理",
  content: "春季新品促销，介绍批量折扣",
  handlingOpinion: "寄送报价单，三天内回访确认订单",
})

/** Loaded, reached at once, and the call recorded with `result` (④ interested, ⑤ achieved, 记录原因). */
function recorded(
  purpose: CallCenter.OutboundPurpose,
  result: { interested: boolean; achieved: boolean; objections?: string; reason?: string },
) {
  const opened = loaded(purpose)
  opened.instance.must({ type: "LogAttempt", at: t0, agent, outcome: "connected" })
  opened.instance.must({ type: "RecordCall", at: t0 + 7 * minute, agent, record: record(t0), ...result })
  return opened
}

describe("呼出业务管理流程 (004 ch.8 §10)", () => {
  it("① load → ② call ◇ reached? no (busy) → retry → ② ◇ yes → ③ objections ◇ ④ interested ◇ ⑤ sold → 客户跟踪: reminded, escalated, followed up", () => {
    const { process, instance } = loaded()
    expect(instance.state.status).toBe("toCall")
    expect(instance.effects).toEqual([
      expect.objectContaining({
        kind: "host.task.create",
        key: idempotencyKey("callcenter.outboundCall", "OC-1", 0, "host.task.create"),
        assignee: { person: agent.personId },
        draft: expect.objectContaining({ externalKey: "CMP-7/C-42/call" }),
      }),
    ])

    instance.must({ type: "LogAttempt", at: t0, agent, outcome: "busy" })
    // A busy line is tried again after 30 working minutes.
    expect(instance.state).toMatchObject({ status: "waitingRetry", attempts: 1, lastOutcome: "busy" })
    expect(process.deadlines(instance.state)).toEqual([
      { key: "retry", dueAt: t0 + 30 * minute, command: { type: "RetryDue" } },
    ])
    expect(
      Result.isFailure(instance.send({ type: "LogAttempt", at: t0 + minute, agent, outcome: "busy" })),
    ).toBe(true)
    instance.must({ type: "RetryDue", at: t0 + 30 * minute })
    expect(instance.state.status).toBe("toCall")
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "notify",
      draft: { recipients: [{ person: "agent-07" }] },
    })

    const talk = t0 + 60 * minute
    instance.must({ type: "LogAttempt", at: talk, agent, outcome: "connected", callId: "SW-991" })
    expect(instance.state).toMatchObject({ status: "reached", attempts: 2 })
    instance.must({
      type: "RecordCall",
      at: talk + 7 * minute,
      agent,
      record: record(talk),
      objections: "价格偏高",
      technicalSupport: "客户服务部提供批量折扣方案",
      interested: true,
      achieved: true,
    })
    // Recorded Monday 10:07, a sale is followed up within 3 working days: due Thursday 10:07, the
    // agent reminded 2 working hours before (Wednesday 17:07), the team lead told at the due
    // instant, the manager a working day later.
    expect(instance.state.status).toBe("followingUp")
    const ladder = instance.state.followUp!
    expect([iso(ladder.remindAt), iso(ladder.dueAt), ...ladder.rungs.map((rung) => iso(rung.at))]).toEqual([
      "2026-03-04T09:07:00.000Z",
      "2026-03-05T02:07:00.000Z",
      "2026-03-05T02:07:00.000Z",
      "2026-03-06T02:07:00.000Z",
    ])
    expect(process.deadlines(instance.state).map((deadline) => deadline.key)).toEqual([
      "follow-up:remind",
      "follow-up:rung:1",
      "follow-up:rung:2",
    ])
    const afterCall = instance.effects.slice(-4)
    expect(afterCall.map((effect) => effect.kind)).toEqual([
      "host.activity.log",
      "host.task.complete",
      "host.customer.update",
      "host.task.create",
    ])
    // ④ 有兴趣 → 输入客户资料: the interest is written on the customer's record.
    expect(afterCall[2]).toMatchObject({
      customerKey: "W01",
      fields: { callcenter_outbound_interest: "sales", callcenter_outbound_campaign: "CMP-7" },
    })
    expect(CallCenter.callCentreFieldSpecs.map((spec) => spec.name)).toEqual(
      Object.keys((afterCall[2] as { fields: object }).fields),
    )
    expect(afterCall[0]).toMatchObject({
      draft: {
        kind: "call",
        customerKey: "W01",
        occurredAt: talk,
        body: expect.stringContaining("价格偏高"),
      },
    })
    expect(afterCall[3]).toMatchObject({
      draft: { externalKey: "CMP-7/C-42/follow-up", dueAt: ladder.dueAt },
    })

    instance.must({ type: "CheckFollowUp", at: ladder.remindAt! })
    expect(instance.state.followUpReminded).toBe(true)
    // After an outage, one check finds both rungs due and tells both posts.
    instance.must({ type: "CheckFollowUp", at: ladder.rungs[1]!.at })
    expect(instance.events.slice(-2).map((event) => event.type)).toEqual([
      "FollowUpEscalated",
      "FollowUpEscalated",
    ])
    expect(
      instance.effects.slice(-2).map((effect) => effect.kind === "notify" && effect.draft.recipients),
    ).toEqual([[{ role: "supervisor" }], [{ role: "manager" }]])
    expect(process.deadlines(instance.state)).toEqual([])

    instance.must({ type: "RecordFollowUp", at: ladder.rungs[1]!.at + minute, agent, result: "客户确认订单" })
    expect(instance.state.status).toBe("done")
    expect(process.isFinished(instance.state)).toBe(true)
    expect(instance.effects.at(-1)).toMatchObject({
      kind: "host.task.complete",
      taskKey: "CMP-7/C-42/follow-up",
    })
    expect(replay(process, instance.events)).toEqual(instance.state)
  })

  it("② ◇ reached? no, three times (no answer, voicemail, busy) → 记录原因: unreachable, the call task completed", () => {
    const { process, instance } = loaded()
    instance.must({ type: "LogAttempt", at: t0, agent, outcome: "noAnswer" })
    // No answer is tried again after 2 working hours: 11:00 in Shanghai.
    expect(iso(instance.state.retryAt)).toBe("2026-03-02T03:00:00.000Z")
    instance.must({ type: "RetryDue", at: instance.state.retryAt! })
    instance.must({ type: "LogAttempt", at: t0 + 130 * minute, agent, outcome: "voicemail" })
    instance.must({ type: "RetryDue", at: instance.state.retryAt! })
    instance.must({ type: "LogAttempt", at: t0 + 400 * minute, agent, outcome: "busy" })
    expect(instance.state).toMatchObject({
      status: "unreachable",
      attempts: 3,
      retryAt: undefined,
      reason: "not reached in 3 attempts (last: busy)",
    })
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.effects.filter((effect) => effect.kind === "host.activity.log")).toHaveLength(3)
    expect(instance.effects.at(-1)).toMatchObject({ kind: "host.task.complete", taskKey: "CMP-7/C-42/call" })
  })

  it("② ◇ wrong number → 记录原因 at once, without a retry", () => {
    const { process, instance } = loaded()
    instance.must({ type: "LogAttempt", at: t0, agent, outcome: "wrongNumber" })
    expect(instance.state).toMatchObject({ status: "unreachable", attempts: 1, reason: "wrong number" })
    expect(process.deadlines(instance.state)).toEqual([])
  })

  it("③ objections ◇ ④ interested? no → 记录原因 → closed, nobody follows up", () => {
    const { process, instance } = recorded("sales", {
      objections: "已有长期供应商",
      interested: false,
      achieved: false,
      reason: "已有长期供应商，暂无需求",
    })
    expect(instance.state).toMatchObject({
      status: "closed",
      interested: false,
      reason: "已有长期供应商，暂无需求",
    })
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.effects.some((effect) => effect.kind === "host.customer.update")).toBe(false)
    expect(instance.effects.some((effect) => effect.kind === "host.task.create" && effect.draft.dueAt)).toBe(
      false,
    )
  })

  it("◇ ⑤ purpose achieved on a notice call → done: the policy follows up sales, not notices", () => {
    const { instance } = recorded("notice", { interested: true, achieved: true })
    expect(instance.state).toMatchObject({ status: "done", followUp: undefined })
  })

  it("refuses a call record before the customer was reached, and bad records naming the field", () => {
    const { instance } = loaded()
    const early = instance.send({
      type: "RecordCall",
      at: t0,
      agent,
      record: record(t0),
      interested: true,
      achieved: true,
    })
    expect(Result.isFailure(early) && early.failure).toMatchObject({
      _tag: "InvalidTransition",
      process: "callcenter.outboundCall",
      instanceId: "CMP-7/C-42",
      state: "toCall",
      command: "RecordCall",
    })
    instance.must({ type: "LogAttempt", at: t0, agent, outcome: "connected" })
    const pathsOf = (command: unknown) => {
      const sent = instance.send(command as never)
      return Result.isFailure(sent) && sent.failure._tag === "ValidationError"
        ? sent.failure.issues.map((issue) => issue.path)
        : []
    }
    const base = { type: "RecordCall", at: t0, agent, interested: true, achieved: true }
    expect(pathsOf({ ...base, record: { ...record(t0), endedAt: t0 - minute } })).toEqual([
      ["record", "endedAt"],
    ])
    expect(pathsOf({ ...base, record: record(t0), interested: false })).toEqual([["achieved"]])
    expect(pathsOf({ ...base, record: record(t0), achieved: false })).toEqual([["reason"]])
    expect(pathsOf({ type: "LogAttempt", at: t0, agent, outcome: "hungUp" })).toEqual([["outcome"]])
    expect(instance.state.status).toBe("reached")
  })

  it("is taken off the list while it waits to call again: the timer dropped, the task closed; a late timer changes nothing", () => {
    const { process, instance } = loaded()
    instance.must({ type: "LogAttempt", at: t0, agent, outcome: "busy" })
    instance.must({ type: "Cancel", at: t0 + minute, actor: agent, reason: "客户要求不再来电" })
    expect(instance.state).toMatchObject({ status: "cancelled", reason: "客户要求不再来电" })
    expect(process.deadlines(instance.state)).toEqual([])
    expect(instance.effects.at(-1)).toMatchObject({ kind: "host.task.complete", taskKey: "CMP-7/C-42/call" })
    expect(instance.must({ type: "RetryDue", at: t0 + 30 * minute })).toEqual([])
    expect(Result.isFailure(instance.send({ type: "Cancel", at: t0, actor: agent, reason: "again" }))).toBe(
      true,
    )
  })

  it("validates its policy, naming the bad field", () => {
    const parsed = CallCenter.parseOutboundCallPolicy({
      ...CallCenter.defaultOutboundCallPolicy,
      retryAfterWorkingMinutes: { busy: 0, noAnswer: 120, voicemail: 120 },
    })
    expect(Result.isFailure(parsed) && parsed.failure.issues.map((issue) => issue.path)).toEqual([
      ["retryAfterWorkingMinutes", "busy"],
    ])
    expect(Result.isSuccess(CallCenter.parseOutboundCallPolicy(CallCenter.defaultOutboundCallPolicy))).toBe(
      true,
    )
  })
})
