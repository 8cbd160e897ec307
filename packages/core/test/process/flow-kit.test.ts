import {
  type ApprovalDecisionFields,
  actorSchema,
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelStep,
  cancelWhileOpen,
  chinaMainlandCalendar,
  commandShape,
  commandTextSchema,
  commandUnion,
  decideApprovalSchema,
  decideAtGate,
  defineFlow,
  type FlowEvent,
  type GatedState,
  gatePassed,
  gateReturned,
  handle,
  idempotencyKey,
  ladderDeadlines,
  ladderMarksDue,
  personId,
  type ShapedCommand,
  scheduleLadder,
  timer,
  timerCommand,
  timers,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

// A small request flow written with the kit: ① submit → ② review ✓ → [returned: back to ①] →
// archived; a reminder while the review waits; cancellable until archived.
const commands = commandUnion(
  commandShape("Submit", { id: commandTextSchema(40), author: actorSchema, text: commandTextSchema(200) }),
  decideApprovalSchema,
  timerCommand("Remind"),
  cancelCommandSchema,
)
type Command = ShapedCommand<typeof commands>
type Event =
  | FlowEvent<"Submitted", { id: string; text: string; approvalKey: string }>
  | FlowEvent<"Archived", Omit<ApprovalDecisionFields, "at">>
  | FlowEvent<"Returned", Omit<ApprovalDecisionFields, "at"> & { outcome: "rejected" | "withdrawn" }>
  | FlowEvent<"Reminded">
  | CancelledEvent
interface State extends GatedState {
  readonly status: "none" | "waiting" | "returned" | "archived" | "cancelled"
  readonly sequence: number
  readonly id: string
  readonly reminded: boolean
  readonly submittedAt: number
}
const hour = 3_600_000
const t0 = Date.UTC(2026, 2, 2, 1, 0)
const author = { personId: personId("p-li"), role: "officer" as const }

const flow = defineFlow<State, Command, Event, never>({
  name: "kit.request",
  initialState: {
    status: "none",
    sequence: 0,
    id: "",
    reminded: false,
    submittedAt: 0,
    approval: undefined,
    decidedApprovals: [],
  },
  commands,
  idOf: (state) => state.id,
  finished: ["archived", "cancelled"],
  steps: {
    Submit: (state, command, decision) => {
      if (state.status !== "none" && state.status !== "returned") return decision.refuse("already submitted")
      return decision.accept({
        type: "Submitted",
        at: command.at,
        id: command.id,
        text: command.text,
        approvalKey: decision.keyAt(0, "approval.submit", command.id),
      })
    },
    DecideApproval: (state, command, decision) =>
      decideAtGate(state, command, state.status === "waiting", decision, {
        approved: (decided) => decision.accept({ type: "Archived", ...decided }),
        returned: (decided) => decision.accept({ type: "Returned", ...decided }),
      }),
    Remind: (state, command, decision) =>
      decision.acceptIf(state.status === "waiting" && !state.reminded, { type: "Reminded", at: command.at }),
    Cancel: cancelStep(
      (state) =>
        state.status === "archived" || state.status === "cancelled" ? "only an open request" : undefined,
      (state) => state.status === "waiting",
    ),
  },
  folds: {
    Submitted: (state, event) => ({
      ...state,
      status: "waiting",
      id: event.id,
      submittedAt: event.at,
      approval: { key: event.approvalKey },
    }),
    Archived: (state) => ({ ...gatePassed(state), status: "archived" }),
    Returned: (state) => ({ ...gateReturned(state), status: "returned" }),
    Reminded: (state) => ({ ...state, reminded: true }),
    Cancelled: (state) => ({ ...state, status: "cancelled" }),
  },
  deadlines: (state) =>
    timers(
      state.status === "waiting" &&
        timer("remind", state.submittedAt + 4 * hour, { type: "Remind" }, state.reminded),
    ),
  effects: {
    Reminded: (state, _event, host) => [
      host.notify(
        [{ person: author.personId }],
        "warning",
        { "zh-CN": "请审核", en: "Please review" },
        { "zh-CN": state.id, en: state.id },
      ),
    ],
    Cancelled: (_state, event, host) => cancellationEffects(event, host),
  },
})

const submit = { type: "Submit", at: t0, id: "R-1", author, text: "申请" } as const
const run = (...list: ReadonlyArray<Command>) => {
  let state = flow.initialState
  for (const command of list) {
    const handled = handle(flow, state, command)
    if (Result.isFailure(handled)) throw new Error(String(handled.failure))
    state = handled.success.state
  }
  return state
}
const keyOfR1 = idempotencyKey("kit.request", "R-1", 0, "approval.submit")

describe("defineFlow", () => {
  it("refuses a malformed command with a ValidationError naming the field, before any step sees it", () => {
    const decided = flow.decide(flow.initialState, { ...submit, text: 42 } as never)
    expect(Result.isFailure(decided) && decided.failure._tag).toBe("ValidationError")
    if (Result.isFailure(decided) && decided.failure._tag === "ValidationError")
      expect(decided.failure.issues[0]!.path).toEqual(["text"])
  })

  it("refuses a step the state does not allow, naming flow, instance, status and command", () => {
    const state = run(submit)
    const decided = flow.decide(state, submit)
    expect(Result.isFailure(decided) && decided.failure).toMatchObject({
      _tag: "InvalidTransition",
      process: "kit.request",
      instanceId: "R-1",
      state: "waiting",
      command: "Submit",
      reason: "already submitted",
    })
  })

  it("counts events and keys approvals in decide as the runner keys effects", () => {
    const state = run(submit)
    expect(state.sequence).toBe(1)
    expect(state.approval?.key).toBe(keyOfR1)
    expect(flow.statusOf(state)).toBe("waiting")
    expect(flow.isFinished(state)).toBe(false)
  })

  it("fires a timer once: the second delivery, or one after the step is done, changes nothing", () => {
    const reminded = run(submit, { type: "Remind", at: t0 + 4 * hour })
    expect(reminded.reminded).toBe(true)
    expect(flow.deadlines(reminded)).toEqual([])
    expect(flow.decide(reminded, { type: "Remind", at: t0 + 5 * hour })).toEqual(Result.succeed([]))
    expect(flow.deadlines(run(submit))).toEqual([
      { key: "remind", dueAt: t0 + 4 * hour, command: { type: "Remind" } },
    ])
  })

  it("keys each event's host effects by process, instance, sequence and kind, and links notifications to the instance", () => {
    const state = run(submit)
    const [event] = Result.getOrThrow(flow.decide(state, { type: "Remind", at: t0 + 4 * hour }))
    const effects = flow.effects(flow.evolve(state, event!), event!, { instanceId: "inst-9", sequence: 1 })
    expect(effects).toEqual([
      expect.objectContaining({ kind: "notify", key: idempotencyKey("kit.request", "inst-9", 1, "notify") }),
    ])
    expect(effects[0]).toMatchObject({ draft: { caseKey: "R-1", severity: "warning" } })
  })
})

describe("the approval gate", () => {
  const decide = (outcome: "approved" | "rejected" | "withdrawn", approvalKey: string = keyOfR1) =>
    ({ type: "DecideApproval", at: t0 + hour, approvalKey, outcome }) as const

  it("passes on approval and takes the same decision delivered again without effect", () => {
    const archived = run(submit, decide("approved"))
    expect(archived.status).toBe("archived")
    expect(archived.decidedApprovals).toEqual([{ key: keyOfR1, approved: true }])
    expect(flow.decide(archived, decide("approved"))).toEqual(Result.succeed([]))
  })

  it("refuses a contrary redelivery by name", () => {
    const archived = run(submit, decide("approved"))
    const contrary = flow.decide(archived, decide("rejected"))
    expect(Result.isFailure(contrary) && contrary.failure).toMatchObject({
      reason: `approval ${keyOfR1} was already approved, not rejected`,
    })
  })

  it("refuses a decision for another approval than the one waited on", () => {
    const decided = flow.decide(run(submit), decide("approved", "other-key"))
    expect(Result.isFailure(decided) && decided.failure).toMatchObject({
      reason: `the decision is for approval other-key, not the pending ${keyOfR1}`,
    })
  })

  it("sends the record back on rejection or withdrawal, waiting on nothing, and a resubmission opens a new key", () => {
    const returned = run(submit, decide("withdrawn"))
    expect(returned.status).toBe("returned")
    expect(returned.approval).toBeUndefined()
    expect(returned.decidedApprovals).toEqual([{ key: keyOfR1, approved: false }])
    const again = run(submit, decide("rejected"), { ...submit, at: t0 + 2 * hour })
    expect(again.approval?.key).toBe(idempotencyKey("kit.request", "R-1", 2, "approval.submit"))
  })
})

describe("cancelStep", () => {
  it("withdraws the approval waited on, and refuses once the record is archived", () => {
    const state = run(submit)
    const [cancelled] = Result.getOrThrow(
      flow.decide(state, { type: "Cancel", at: t0 + hour, actor: author, reason: "重复" }),
    )
    expect(cancelled).toMatchObject({ type: "Cancelled", withdrawApprovalKey: keyOfR1 })
    expect(
      flow.effects(flow.evolve(state, cancelled!), cancelled!, { instanceId: "R-1", sequence: 1 }),
    ).toEqual([
      {
        kind: "approval.withdraw",
        key: idempotencyKey("kit.request", "R-1", 1, "approval.withdraw"),
        submissionKey: keyOfR1,
        reason: "重复",
      },
    ])
    const archived = run(submit, decide("approved"))
    expect(
      Result.isFailure(flow.decide(archived, { type: "Cancel", at: t0, actor: author, reason: "x" })),
    ).toBe(true)
  })
  const decide = (outcome: "approved") =>
    ({ type: "DecideApproval", at: t0 + hour, approvalKey: keyOfR1, outcome }) as const
})

describe("escalation ladder in working time", () => {
  const calendar = chinaMainlandCalendar()
  // Friday 30 January 2026, 16:00 in Shanghai (09:00–12:00, 13:00–18:00): 8 working hours run
  // to Monday 2 February 16:00; the reminder 2 hours before, at 14:00; the manager's rung 8
  // working hours after the due instant, Tuesday 16:00.
  const friday = Date.UTC(2026, 0, 30, 8, 0)
  const ladder = scheduleLadder(calendar, friday, 8 * 60, {
    remindBeforeWorkingMinutes: 120,
    rungs: [
      { role: "supervisor", afterDueWorkingMinutes: 0 },
      { role: "manager", afterDueWorkingMinutes: 480 },
    ],
  })

  it("counts the due instant, the reminder and the rungs across the weekend", () => {
    expect(new Date(ladder.dueAt).toISOString()).toBe("2026-02-02T08:00:00.000Z")
    expect(new Date(ladder.remindAt!).toISOString()).toBe("2026-02-02T06:00:00.000Z")
    expect(ladder.rungs.map((rung) => [rung.level, rung.role, new Date(rung.at).toISOString()])).toEqual([
      [1, "supervisor", "2026-02-02T08:00:00.000Z"],
      [2, "manager", "2026-02-03T08:00:00.000Z"],
    ])
  })

  it("lists only the marks not yet passed, and finds every mark due at once after a long outage", () => {
    expect(
      ladderDeadlines<{ type: "Check"; at: number }>(
        "s",
        ladder,
        { reminded: true, level: 1 },
        { type: "Check" },
      ).map((d) => d.key),
    ).toEqual(["s:rung:2"])
    const due = ladderMarksDue(ladder, { reminded: false, level: 0 }, ladder.rungs[1]!.at)
    expect(due.remind).toBe(true)
    expect(due.rungs.map((rung) => rung.level)).toEqual([1, 2])
    expect(ladderMarksDue(ladder, { reminded: false, level: 0 }, friday).rungs).toEqual([])
  })
})

describe("cancelWhileOpen", () => {
  const cancel = cancelWhileOpen<State, Event>(["archived"], "only an open request", "waiting")
  const decision = {
    refuse: (reason: string) => Result.fail(reason),
    accept: (...events: ReadonlyArray<Event>) => Result.succeed(events),
  } as never
  const command = { type: "Cancel", at: t0 + hour, actor: author, reason: "重复" } as const

  it("refuses before the instance opens and once it has ended or was cancelled", () => {
    for (const status of ["none", "archived", "cancelled"] as const)
      expect(cancel({ ...run(submit), status }, command, decision)).toEqual(
        Result.fail("only an open request"),
      )
  })

  it("withdraws the approval only while the instance waits at the gate", () => {
    const waiting = Result.getOrThrow(cancel(run(submit), command, decision))
    expect(waiting[0]).toMatchObject({ type: "Cancelled", withdrawApprovalKey: keyOfR1 })
    const returned = run(submit, {
      type: "DecideApproval",
      at: t0 + hour,
      approvalKey: keyOfR1,
      outcome: "rejected",
    })
    expect(Result.getOrThrow(cancel(returned, command, decision))[0]).toMatchObject({
      withdrawApprovalKey: undefined,
    })
  })
})
