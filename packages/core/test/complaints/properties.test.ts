import { addDays, type CivilDate, Complaints, personId, replay } from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { at, calendar, definition, registration } from "./fixtures.ts"

type Command = Complaints.ComplaintCommand
type Stage = Complaints.ComplaintState["stage"]

const actor = fc.constantFrom(
  { personId: personId("officer-wu"), role: "officer" as const },
  { personId: personId("officer-zheng"), role: "officer" as const },
  { personId: personId("supervisor-sun"), role: "supervisor" as const },
  { personId: personId("manager-qian"), role: "manager" as const },
  { personId: personId("finance-zhou"), role: "finance" as const },
)
const amount = fc
  .oneof(fc.integer({ min: 0, max: 800_00 }), fc.integer({ min: 0, max: 80_000_00 }))
  .map((minor) => ({
    minor,
    currency: "CNY",
  }))
const pick = <T>(values: ReadonlyArray<T>) => fc.constantFrom(...values)
const text = fc.constantFrom("已核实", "客户不同意", "换货处理", "x")

const shares = fc.oneof(
  fc.constant([{ departmentId: "quality", sharePercent: 100 }]),
  fc.constant([
    { departmentId: "quality", sharePercent: 60 },
    { departmentId: "logistics", sharePercent: 40 },
  ]),
  fc.array(
    fc.record({
      departmentId: pick(["quality", "logistics", "sales"]),
      sharePercent: fc.integer({ min: 0, max: 100 }),
    }),
    {
      maxLength: 3,
    },
  ),
)

/** A command of every kind with plausible (and sometimes wrong) values; `at` is set by the sequence. */
const commandWithoutTime: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({
    type: fc.constant("Register"),
    complaintId: fc.constant("TS-P-1"),
    actor,
    registration: fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .record({ urgency: pick(Complaints.Urgency.values), channel: pick(Complaints.Channel.values) })
          .map((extra) => registration(extra)),
      },
      {
        weight: 1,
        arbitrary: fc.constant(
          registration({
            acceptance: "rejected",
            rejectionReason: "duplicate",
            rejectionExplanation: "重复",
          }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 0, max: 40 })
          .map((days) =>
            registration({ acceptance: "accepted", promisedDate: addDays("2026-01-05" as CivilDate, days) }),
          ),
      },
      { weight: 1, arbitrary: fc.anything() },
    ),
  }),
  fc.record({ type: fc.constant("Accept"), actor }),
  fc.record({
    type: fc.constant("Reject"),
    actor,
    reason: pick(Complaints.RejectionReason.values),
    explanation: text,
  }),
  fc.record({
    type: fc.constant("Classify"),
    actor,
    category: pick(Complaints.ContentCategory.values),
    departmentId: pick(["quality", "logistics"]),
    investigator: fc.constant(personId("officer-zheng")),
  }),
  fc.record({
    type: fc.constant("AssignHandler"),
    actor,
    handler: pick([personId("officer-wu"), personId("officer-zheng")]),
  }),
  fc
    .record({
      type: fc.constant("RecordInvestigation"),
      actor,
      cause: pick(Complaints.RootCause.values),
      ownSide: fc.boolean(),
      responsibility: shares,
      severity: pick(Complaints.Severity.values),
      findings: text,
      explanation: fc.option(text, { nil: undefined }),
    })
    .map((command) => (command.explanation === undefined ? { ...command, explanation: undefined } : command)),
  fc.record({
    type: fc.constant("RecordDepartmentOpinion"),
    actor,
    department: pick(Complaints.OpinionDepartment.values),
    opinion: text,
  }),
  fc.record({
    type: fc.constant("ProposeRemedy"),
    actor,
    remedies: fc.array(fc.record({ kind: pick(Complaints.RemedyKind.values), amount }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({
    type: fc.constant("DecideRemedyApproval"),
    approvalKey: fc.constantFrom("<pending>", "stale-key"),
    outcome: pick(["approved", "rejected", "withdrawn"] as const),
  }),
  fc.record({ type: fc.constant("RecordCustomerResponse"), actor, accepted: fc.boolean() }),
  fc.record({ type: fc.constant("StartLitigation"), actor }),
  fc.record({
    type: fc.constant("ConcludeLitigation"),
    actor,
    verdict: pick(Complaints.LitigationVerdict.values),
    award: amount,
  }),
  fc.record({ type: fc.constant("RecordExecution"), actor }),
  fc.record({ type: fc.constant("Close"), actor, summary: text }),
  fc.record({
    type: fc.constant("RecordFollowUp"),
    actor,
    satisfaction: pick([1, 2, 3, 4, 5] as const),
    method: pick(Complaints.FollowUpMethod.values),
  }),
  fc.record({ type: fc.constant("Reopen"), actor, reason: text }),
  fc.record({ type: fc.constant("Withdraw"), actor, reason: text }),
  fc.record({ type: fc.constant("PauseClock"), actor, reason: pick(Complaints.PauseReason.values) }),
  fc
    .record({ type: fc.constant("ResumeClock"), actor: fc.option(actor, { nil: undefined }) })
    .map((command) => (command.actor === undefined ? { type: "ResumeClock" } : command)),
  fc.record({ type: fc.constant("CheckSla"), sla: pick(["firstResponse", "resolution"] as const) }),
  fc.record({ type: fc.constant("SendReminder") }),
  fc.record({ type: fc.constant("CheckFollowUp") }),
  fc.anything().map((value) => ({ value })),
)

const officerActor = { personId: personId("officer-wu"), role: "officer" as const }
const managerActor = { personId: personId("manager-qian"), role: "manager" as const }
const cny = (minor: number) => ({ minor, currency: "CNY" })

/**
 * The commands that make sense in a state (the flow charts' next steps, and the timers due), so
 * random walks reach every stage; `choice` picks one.
 */
function plausible(state: Complaints.ComplaintState, now: number): ReadonlyArray<Record<string, unknown>> {
  const pending = state.proposal?.approval.status === "pending" ? state.proposal.approval.key : "none"
  const timers = definition
    .deadlines(state)
    .map((deadline) => ({ ...deadline.command, at: Math.max(now, deadline.dueAt) }))
  const byStage: Record<Stage, ReadonlyArray<Record<string, unknown>>> = {
    new: [{ type: "Register", complaintId: "TS-P-1", actor: officerActor, registration: registration() }],
    registered: [
      { type: "Accept", actor: officerActor },
      { type: "Accept", actor: officerActor, promisedDate: addDays(calendar.dateOf(now), 3) },
      { type: "Reject", actor: officerActor, reason: "duplicate", explanation: "重复投诉" },
      { type: "Withdraw", actor: officerActor, reason: "客户撤回" },
    ],
    accepted: [
      {
        type: "Classify",
        actor: officerActor,
        category: "quality",
        departmentId: "quality",
        investigator: personId("officer-zheng"),
      },
      { type: "PauseClock", actor: officerActor, reason: "waitingOnCustomer" },
    ],
    investigating: [
      {
        type: "RecordInvestigation",
        actor: officerActor,
        cause: "negligence",
        ownSide: true,
        responsibility: [
          { departmentId: "quality", sharePercent: 70 },
          { departmentId: "logistics", sharePercent: 30 },
        ],
        severity: "moderate",
        findings: "漏检",
      },
      {
        type: "RecordInvestigation",
        actor: officerActor,
        cause: "forceMajeure",
        ownSide: false,
        severity: "minor",
        findings: "暴雪",
        explanation: "非己方原因",
      },
      { type: "RecordDepartmentOpinion", actor: officerActor, department: "quality", opinion: "同意" },
      { type: "PauseClock", actor: officerActor, reason: "waitingOnEvidence" },
      { type: "ResumeClock", actor: officerActor },
    ],
    proposing: [
      { type: "ProposeRemedy", actor: officerActor, remedies: [{ kind: "exchange", amount: cny(300_00) }] },
      { type: "ProposeRemedy", actor: officerActor, remedies: [{ kind: "refund", amount: cny(12_000_00) }] },
      { type: "StartLitigation", actor: managerActor, reference: "(2026)沪民初1号" },
    ],
    awaitingApproval: [
      { type: "DecideRemedyApproval", approvalKey: pending, outcome: "approved" },
      { type: "DecideRemedyApproval", approvalKey: pending, outcome: "rejected" },
      { type: "DecideRemedyApproval", approvalKey: pending, outcome: "withdrawn" },
      { type: "Withdraw", actor: officerActor, reason: "客户撤回" },
    ],
    negotiating: [
      { type: "RecordCustomerResponse", actor: officerActor, accepted: true },
      { type: "RecordCustomerResponse", actor: officerActor, accepted: false },
      { type: "PauseClock", actor: officerActor, reason: "waitingOnCustomer" },
    ],
    executing: [
      { type: "RecordExecution", actor: officerActor },
      { type: "PauseClock", actor: officerActor, reason: "waitingOnThirdParty" },
      { type: "ResumeClock", actor: officerActor },
    ],
    litigation: [
      { type: "ConcludeLitigation", actor: managerActor, verdict: "forCustomer", award: cny(5_000_00) },
    ],
    resolved: [{ type: "Close", actor: officerActor, summary: "已办结" }],
    closed: [
      { type: "RecordFollowUp", actor: officerActor, satisfaction: 4, method: "phone" },
      { type: "RecordFollowUp", actor: officerActor, satisfaction: 1, method: "visit" },
      { type: "Reopen", actor: officerActor, reason: "问题再现" },
    ],
    rejected: [],
  }
  return [...byStage[state.stage], ...timers.slice(0, 1)]
}

/** Whether the state has a timer waiting (the last plausible command is then the earliest timer). */
const hasTimer = (state: Complaints.ComplaintState) => definition.deadlines(state).length > 0

/** One step of a walk: a plausible next command (mostly) or any command at all, after `minutes`. */
type Step =
  | { readonly kind: "plausible"; readonly choice: number; readonly minutes: number }
  | { readonly kind: "any"; readonly command: Record<string, unknown>; readonly minutes: number }

const minutesLater = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 24 * 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) },
)

/** A walk of up to 60 steps. */
const walks = fc.array(
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant("plausible" as const),
        choice: fc.nat(),
        minutes: minutesLater,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("any" as const),
        command: commandWithoutTime,
        minutes: minutesLater,
      }),
    },
  ),
  { minLength: 5, maxLength: 60 },
)

/** The command of a step in a state at `now` (a timer keeps its own instant when that is later). */
function commandOf(step: Step, state: Complaints.ComplaintState, now: number): Command {
  if (step.kind === "any") {
    const pending = state.proposal?.approval.status === "pending" ? state.proposal.approval.key : "none"
    return {
      ...step.command,
      at: now,
      ...(step.command.approvalKey === "<pending>" ? { approvalKey: pending } : {}),
    } as unknown as Command
  }
  const options = plausible(state, now)
  if (options.length === 0) return { type: "CheckFollowUp", at: now }
  // One step in five lets time pass to the earliest timer, when there is one.
  const timerLast = hasTimer(state) && options.length > 1
  const stageOptions = step.choice % 5 === 0 || !timerLast ? options : options.slice(0, -1)
  const chosen = stageOptions[Math.floor(step.choice / 5) % stageOptions.length]!
  return { at: now, ...chosen } as unknown as Command
}

/** The stage changes each event may make (from → to); other events keep the stage. */
const allowed: Readonly<Record<string, ReadonlyArray<`${Stage}>${Stage}`>>> = {
  ComplaintRegistered: ["new>registered"],
  ComplaintAccepted: ["registered>accepted"],
  ComplaintRejected: ["registered>rejected"],
  ComplaintClassified: ["accepted>investigating", "investigating>investigating"],
  InvestigationConcluded: ["investigating>proposing", "investigating>investigating"],
  ComplaintResolved: ["investigating>resolved", "executing>resolved", "litigation>resolved"],
  RemedyProposed: ["proposing>awaitingApproval", "proposing>negotiating"],
  RemedyApprovalDecided: ["awaitingApproval>negotiating", "awaitingApproval>proposing"],
  CustomerResponded: ["negotiating>executing", "negotiating>proposing"],
  LitigationStarted: ["proposing>litigation"],
  ComplaintClosed: ["resolved>closed"],
  ComplaintReopened: ["closed>investigating"],
  ComplaintWithdrawn: [...Complaints.withdrawableStages].map((stage) => `${stage}>closed` as const),
}

/** Walks a random sequence, decided command by command; `visit` sees the state after each step. */
function walk(steps: ReadonlyArray<Step>, visit: (state: Complaints.ComplaintState) => void): void {
  let state = definition.initialState
  let now = at("2026-01-05", "09:00")
  for (const step of steps) {
    now = Math.max(now + step.minutes * 60_000, state.lastEventAt)
    const command = commandOf(step, state, now)
    now = Math.max(now, command.at)
    const decided = definition.decide(state, command)
    if (Result.isSuccess(decided))
      for (const event of decided.success) state = definition.evolve(state, event)
    visit(state)
  }
}

const refusalTags = new Set(["ValidationError", "InvalidTransition", "NotWithinAuthority", "PolicyRefusal"])

function checkInvariants(state: Complaints.ComplaintState, eventCount: number) {
  expect(state.version).toBe(eventCount)
  if (state.stage === "closed" || state.stage === "rejected") {
    expect(state.closedAt).toBeDefined()
    expect(state.resolvedAt).toBeDefined()
  }
  if (state.stage === "resolved") expect(state.resolvedAt).toBeDefined()
  const investigation = state.investigation
  if (investigation?.ownSide) {
    expect(
      investigation.responsibility.reduce((total, share) => total + Math.round(share.sharePercent * 10), 0),
    ).toBe(1000)
  }
  if (investigation && !investigation.ownSide) expect(investigation.responsibility).toEqual([])
  expect(state.escalationLevel).toBeLessThanOrEqual(3)
  for (const escalation of state.escalations)
    expect(["supervisor", "manager", "director"]).toContain(escalation.role)
  if (state.pause) expect(Complaints.pausableStages.has(state.stage)).toBe(true)
  if (state.stage === "awaitingApproval") expect(state.proposal?.approval.status).toBe("pending")
  if (state.stage === "executing") expect(state.proposal?.customerResponse).toBe("accepted")
  if (state.proposal)
    expect(state.proposal.total.minor).toBe(
      state.proposal.remedies.reduce((total, remedy) => total + remedy.amount.minor, 0),
    )
  const keys = definition.deadlines(state).map((deadline) => deadline.key)
  expect(new Set(keys).size).toBe(keys.length)
}

describe("the complaint decider under random command sequences", () => {
  it("never throws, answers every command with events or a typed refusal, allows only the flow charts' transitions, and replays to the same state", () => {
    fc.assert(
      fc.property(walks, (steps) => {
        let state = definition.initialState
        let now = at("2026-01-05", "09:00")
        const events: Array<Complaints.ComplaintEvent> = []
        for (const step of steps) {
          now += step.minutes * 60_000
          const command = commandOf(step, state, now)
          now = Math.max(now, command.at)
          const decided = definition.decide(state, command)
          if (Result.isFailure(decided)) {
            expect(refusalTags.has(decided.failure._tag)).toBe(true)
            continue
          }
          expect(decided.success.length).toBeGreaterThan(0)
          for (const event of decided.success) {
            const before = state.stage
            state = definition.evolve(state, event)
            const permitted = allowed[event.type]
            if (permitted) expect(permitted).toContain(`${before}>${state.stage}`)
            else expect(state.stage).toBe(before)
            const effects = definition.effects(state, event, {
              instanceId: state.complaintId,
              sequence: events.length,
            })
            expect(new Set(effects.map((effect) => effect.key)).size).toBe(effects.length)
            events.push(event)
          }
          checkInvariants(state, events.length)
        }
        expect(replay(definition, events)).toEqual(state)
        // Replay does not need the calendar: the instants are in the events.
        expect(JSON.parse(JSON.stringify(events))).toEqual(events)
      }),
      { numRuns: 400 },
    )
  })

  it("decides every deadline that has come due, and nothing before the earliest one", () => {
    fc.assert(
      fc.property(walks, (steps) =>
        walk(steps, (state) => {
          const deadlines = [...definition.deadlines(state)].sort((left, right) => left.dueAt - right.dueAt)
          for (const deadline of deadlines) {
            const at = Math.max(deadline.dueAt, state.lastEventAt)
            expect(Result.isSuccess(definition.decide(state, { ...deadline.command, at } as Command))).toBe(
              true,
            )
          }
          const earliest = deadlines[0]
          if (earliest && earliest.dueAt - 60_000 >= state.lastEventAt) {
            for (const deadline of deadlines) {
              const early = definition.decide(state, {
                ...deadline.command,
                at: earliest.dueAt - 60_000,
              } as Command)
              expect(Result.isFailure(early)).toBe(true)
            }
          }
        }),
      ),
      { numRuns: 150 },
    )
  })
})

describe("records of the forms read off random complaints", () => {
  it("always validate against their forms", () => {
    fc.assert(
      fc.property(walks, (steps) =>
        walk(steps, (state) => {
          const records: ReadonlyArray<
            [{ parse(input: unknown): Result.Result<unknown, unknown> }, unknown]
          > = [
            [Complaints.registrationForm, Complaints.registrationRecordOf(state, calendar)],
            [Complaints.handlingForm, Complaints.handlingFormValuesOf(state)],
            [Complaints.handlingRecordForm, Complaints.handlingRecordOf(state, calendar)],
            [Complaints.handlingReportForm, Complaints.handlingReportOf(state, calendar)],
            [Complaints.handlingNoticeForm, Complaints.handlingNoticeOf(state, calendar)],
            [Complaints.caseTrackingForm, Complaints.caseTrackingOf(state, calendar)],
          ]
          for (const [form, record] of records) {
            if (record === undefined) continue
            const parsed = form.parse(record)
            if (Result.isFailure(parsed))
              throw new Error(`${JSON.stringify(parsed.failure)} for ${JSON.stringify(record)}`)
          }
        }),
      ),
      { numRuns: 150 },
    )
  })
})
