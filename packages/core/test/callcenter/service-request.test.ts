import { CallCenter, departmentId, handle, hourMillis, personId, replay } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const flow = CallCenter.serviceRequestProcess()
type State = CallCenter.ServiceRequestState
type Command = CallCenter.ServiceRequestCommand

function run(commands: ReadonlyArray<Command>) {
  let state: State = flow.initialState
  const events: Array<CallCenter.ServiceRequestEvent> = []
  for (const command of commands) {
    const outcome = Result.getOrThrow(handle(flow, state, command))
    events.push(...outcome.events)
    state = outcome.state
  }
  return { state, events }
}

const t0 = Date.UTC(2026, 2, 2, 9, 0)
const receive: Command = {
  type: "Receive",
  at: t0,
  id: "SR-1",
  callId: "call-1",
  agentId: personId("agent-07"),
  customerKey: "cust-9",
  need: "发票金额有误，要求更正",
}

describe("呼叫中心服务流程 (004 ch.8 §11)", () => {
  it("呼叫中心服务流程: can handle → propose solution → feed back → record → end", () => {
    const { state, events } = run([
      receive,
      { type: "ResolveOnCall", at: t0 + 60_000, solution: "重开发票并邮寄" },
    ])
    expect(state.status).toBe("closed")
    expect(state.resolvedBy).toBe("agent")
    expect(events.map((event) => event.type)).toEqual(["Received", "ResolvedOnCall", "Closed"])
    expect(flow.isFinished(state)).toBe(true)
  })

  it("呼叫中心服务流程: cannot handle → transfer with a promised answer time → department answers → feed back → follow up → close", () => {
    const { state, events } = run([
      receive,
      { type: "Transfer", at: t0 + 60_000, departmentId: departmentId("finance"), reason: "需财务核对" },
      {
        type: "RecordDepartmentAnswer",
        at: t0 + 3 * hourMillis,
        answer: "金额已更正",
        by: personId("finance-zhou"),
      },
      { type: "GiveFeedback", at: t0 + 4 * hourMillis, customerSatisfied: true },
      { type: "Close", at: t0 + 5 * hourMillis, note: "客户确认" },
    ])
    expect(state.status).toBe("closed")
    expect(state.promisedAnswerBy).toBe(t0 + 60_000 + 24 * hourMillis)
    expect(state.customerSatisfied).toBe(true)
    expect(replay(flow, events)).toEqual(state)
  })

  it("asks the department's supervisor by task and warns when the promised answer time passes", () => {
    const transferred = run([
      receive,
      {
        type: "Transfer",
        at: t0,
        departmentId: departmentId("finance"),
        reason: "需财务核对",
        promisedAnswerBy: t0 + 2 * hourMillis,
      },
    ])
    const [deadline] = flow.deadlines(transferred.state)
    expect(deadline).toEqual({
      key: "answer-due",
      dueAt: t0 + 2 * hourMillis,
      command: { type: "MarkAnswerOverdue" },
    })
    const transferEffects = flow.effects(transferred.state, transferred.events[1]!, {
      instanceId: "SR-1",
      sequence: 1,
    })
    expect(transferEffects[0]).toMatchObject({
      kind: "host.task.create",
      assignee: { role: "supervisor", departmentId: "finance" },
      draft: { dueAt: t0 + 2 * hourMillis },
    })

    const early = Result.getOrThrow(
      handle(flow, transferred.state, { type: "MarkAnswerOverdue", at: t0 + hourMillis }),
    )
    expect(early.events).toEqual([])
    const late = Result.getOrThrow(
      handle(flow, transferred.state, { type: "MarkAnswerOverdue", at: t0 + 2 * hourMillis }),
    )
    expect(late.state.overdue).toBe(true)
    expect(flow.deadlines(late.state)).toEqual([])
    const warning = flow.effects(late.state, late.events[0]!, { instanceId: "SR-1", sequence: 2 })
    expect(warning[0]).toMatchObject({ kind: "notify", draft: { severity: "warning" } })
    expect(flow.statusOf(late.state)).toBe("transferred (overdue)")
  })

  it("refuses what the flow does not allow, and bad input with a path", () => {
    const received = run([receive]).state
    const refused = handle(flow, received, { type: "GiveFeedback", at: t0, customerSatisfied: true })
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("InvalidTransition")
    const blank = handle(flow, received, { type: "ResolveOnCall", at: t0, solution: "  " })
    expect(Result.isFailure(blank) && blank.failure._tag).toBe("ValidationError")
    const past = handle(flow, received, {
      type: "Transfer",
      at: t0,
      departmentId: departmentId("finance"),
      reason: "x",
      promisedAnswerBy: t0 - 1,
    })
    expect(Result.isFailure(past) && past.failure._tag).toBe("InvalidTransition")
  })
})
