import {
  Complaints,
  type HostCase,
  type HostChange,
  HostCrm,
  type HostCustomer,
  hostRecordId,
  InMemoryApprovals,
  InMemoryHostCrm,
  InMemoryNotifier,
  inMemoryDirectoryLayer,
  makeInMemoryRunner,
  Unavailable,
  unkeyedCaseKey,
} from "@tixi/core"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import {
  at,
  closeOwnSide,
  definition,
  officer,
  resolveOwnSide,
  Story,
  serviceDepartment,
  staffMember,
} from "./fixtures.ts"

const start = at("2026-01-05", "09:00")
const staffCaseId = hostRecordId("mem-case-7")

const customer: HostCustomer = {
  id: hostRecordId("mem-customer-1"),
  externalKey: "cust-0001",
  kind: "organization",
  name: "上海恒通贸易有限公司",
  fields: {},
  updatedAt: start,
  contactDetails: { phone: "021-6288 1234", address: "上海市浦东新区张江路 88 号" },
}

const staffCase = (overrides: Partial<HostCase> = {}): HostCase => ({
  id: staffCaseId,
  externalKey: unkeyedCaseKey(staffCaseId),
  subject: "第二批货物外包装破损",
  description: "到货的 40 箱中有 6 箱外包装破损，内件受潮。",
  customerKey: "cust-0001",
  status: "open",
  stage: "registered",
  priority: "high",
  ownerId: undefined,
  fields: {},
  updatedAt: start,
  ...overrides,
})

const change = (overrides: Partial<HostChange> = {}): HostChange => ({
  changeId: "change-1",
  object: "case",
  recordId: staffCaseId,
  externalKey: undefined,
  changeType: "created",
  changedFields: [],
  occurredAt: start - 5 * 60_000,
  origin: "host",
  ...overrides,
})

const rules: Complaints.HostChangeRules = { complaintIdOf: () => "TS-20260105-0007" }

const decide = (input: Partial<Complaints.HostChangeInput>, overrideRules = rules) =>
  Complaints.decideHostChange(
    {
      change: change(),
      hostCase: staffCase(),
      complaint: undefined,
      customer,
      actor: officer,
      at: start,
      ...input,
    },
    overrideRules,
  )

/** A complaint registered from the staff case, with its case as tixi writes it (the host in step). */
function registeredFromHost() {
  const decision = decide({})
  if (decision.kind !== "register") throw new Error(`expected a registration, got ${decision.kind}`)
  const story = new Story()
  story.do({ ...decision.command, at: start } as Complaints.ComplaintCommand)
  return story
}

/** The host case as tixi's last write left it. */
const inStepCase = (state: Complaints.ComplaintState, overrides: Partial<HostCase> = {}): HostCase => {
  const draft = Complaints.caseDraftOf(state)
  return {
    id: staffCaseId,
    externalKey: draft.externalKey,
    subject: draft.subject,
    description: draft.description,
    customerKey: draft.customerKey,
    status: draft.status,
    stage: draft.stage,
    priority: draft.priority,
    ownerId: draft.ownerId,
    fields: Object.fromEntries(Object.entries(draft.fields).filter(([, value]) => value !== null)),
    updatedAt: start,
    ...overrides,
  }
}

describe("host changes → complaint commands (decideHostChange)", () => {
  it("takes a case staff opened in as a registration the decider accepts, adopting the host record", () => {
    const decision = decide({})
    expect(decision.kind).toBe("register")
    if (decision.kind !== "register") return
    expect(decision.complaintId).toBe("TS-20260105-0007")
    expect(decision.command).toMatchObject({
      type: "Register",
      complaintId: "TS-20260105-0007",
      actor: officer,
      hostRecordId: staffCaseId,
      registration: {
        customerId: "cust-0001",
        customerName: "上海恒通贸易有限公司",
        customerKind: "organization",
        phone: "021-6288 1234",
        address: "上海市浦东新区张江路 88 号",
        type: "other",
        channel: "phone",
        urgency: "urgent",
        receivedAt: start - 5 * 60_000,
        subject: "第二批货物外包装破损",
        description: "到货的 40 箱中有 6 箱外包装破损，内件受潮。",
      },
    })
    const story = new Story()
    story.do({ ...decision.command, at: start } as Complaints.ComplaintCommand)
    expect(story.state.stage).toBe("registered")
    expect(story.state.hostRecordId).toBe(staffCaseId)
    expect(story.state.receivedAt).toBe(start - 5 * 60_000)
    const [upsert] = story.effects
    expect(upsert).toMatchObject({
      kind: "host.case.upsert",
      draft: { externalKey: "TS-20260105-0007", adoptRecordId: staffCaseId, priority: "high" },
    })
  })

  it("uses the complaint fields staff filled in on the case over the defaults and the priority", () => {
    const decision = decide({
      hostCase: staffCase({
        priority: "low",
        fields: {
          complaint_urgency: "critical",
          complaint_channel: "email",
          complaint_type: "service",
          complaint_category: "attitude",
          complaint_escalation_level: 3,
        },
      }),
    })
    expect(decision.kind === "register" && decision.command.registration).toMatchObject({
      urgency: "critical",
      channel: "email",
      type: "service",
      category: "attitude",
    })
    const unknownValues = decide({
      hostCase: staffCase({
        priority: "urgent",
        fields: { complaint_urgency: "asap", complaint_channel: "pigeon" },
      }),
    })
    expect(unknownValues.kind === "register" && unknownValues.command.registration).toMatchObject({
      urgency: "critical",
      channel: "phone",
    })
    const byEmail = decide({}, { ...rules, defaults: { channel: "email", type: "product" } })
    expect(byEmail.kind === "register" && byEmail.command.registration).toMatchObject({
      channel: "email",
      type: "product",
    })
  })

  it("maps every host priority to an urgency, the lowest to 普通", () => {
    expect(Complaints.urgencyOfPriority).toEqual({
      urgent: "critical",
      high: "urgent",
      normal: "normal",
      low: "normal",
    })
    for (const urgency of Complaints.Urgency.values)
      expect(Complaints.urgencyOfPriority[Complaints.priorityOfUrgency[urgency]]).toBe(urgency)
  })

  it("leaves a case without a known customer to the decider, whose refusal names the fields", () => {
    const decision = decide({ hostCase: staffCase({ customerKey: undefined }), customer: undefined })
    if (decision.kind !== "register") throw new Error("expected a registration")
    const refused = new Story().refuse({ ...decision.command, at: start } as Complaints.ComplaintCommand)
    expect(refused._tag).toBe("ValidationError")
    const paths =
      refused._tag === "ValidationError" ? refused.issues.map((issue) => issue.path.join(".")) : []
    expect(paths).toEqual(["customerId", "customerName", "customerKind"])
  })

  it("shortens a subject too long for the form and keeps its whole text in the description", () => {
    const long = `客户投诉：${"包装破损".repeat(40)}`
    const decision = decide({ hostCase: staffCase({ subject: long }) })
    if (decision.kind !== "register") throw new Error("expected a registration")
    const values = decision.command.registration as { subject: string; description: string }
    expect(values.subject).toHaveLength(120)
    expect(values.subject.endsWith("…")).toBe(true)
    expect(values.description.startsWith(long)).toBe(true)
    new Story().do({ ...decision.command, at: start } as Complaints.ComplaintCommand)
    const untitled = decide({ hostCase: staffCase({ subject: "" }) })
    expect(untitled.kind === "register" && untitled.command.registration).toMatchObject({
      subject: "到货的 40 箱中有 6 箱外包装破损，内件受潮。",
    })
  })

  it("registers on a later staff edit of a case tixi has not taken in (a refused intake tried again)", () => {
    const decision = decide({ change: change({ changeType: "updated", changedFields: ["subject"] }) })
    expect(decision.kind).toBe("register")
    expect(decision.kind === "register" && "receivedAt" in (decision.command.registration as object)).toBe(
      false,
    )
    // A change reported before it happened (clocks apart) is received now, not in the future.
    const early = decide({ change: change({ occurredAt: start + 60_000 }) })
    expect(early.kind === "register" && early.command.registration).toMatchObject({ receivedAt: start })
  })

  it("ignores tixi's own writes, customers, other pipelines, gone cases and cases keyed by another process", () => {
    expect(decide({ change: change({ origin: "tixi" }) })).toEqual({ kind: "ignore", reason: "tixiWrite" })
    expect(decide({ change: change({ object: "customer" }) })).toEqual({ kind: "ignore", reason: "notACase" })
    expect(
      decide({}, { ...rules, takesIn: (hostCase) => !hostCase.stage.startsWith("hubspot:") }),
    ).toMatchObject({ kind: "register" })
    expect(
      decide(
        { hostCase: staffCase({ stage: "hubspot:0:1" }) },
        { ...rules, takesIn: (hostCase) => !hostCase.stage.startsWith("hubspot:") },
      ),
    ).toEqual({ kind: "ignore", reason: "notTakenIn" })
    expect(decide({ hostCase: undefined })).toEqual({ kind: "ignore", reason: "gone" })
    expect(decide({ change: change({ changeType: "deleted" }) })).toEqual({
      kind: "ignore",
      reason: "gone",
    })
    expect(decide({ hostCase: staffCase({ externalKey: "TS-20251230-0003" }) })).toEqual({
      kind: "ignore",
      reason: "unknownComplaint",
    })
    expect(decide({ change: change({ externalKey: "TS-20251230-0003" }) })).toEqual({
      kind: "ignore",
      reason: "unknownComplaint",
    })
  })

  it("ignores a second report of the creation, and edits that leave the case as tixi holds it", () => {
    const story = registeredFromHost()
    const complaint = story.state
    expect(decide({ complaint, hostCase: inStepCase(complaint) })).toEqual({
      kind: "ignore",
      reason: "alreadyRegistered",
      complaintId: "TS-20260105-0007",
    })
    const updated = change({ changeType: "updated", changedFields: ["priority", "stage", "subject"] })
    expect(decide({ complaint, hostCase: inStepCase(complaint), change: updated })).toMatchObject({
      kind: "ignore",
      reason: "inStep",
    })
    expect(
      decide({
        complaint,
        hostCase: inStepCase(complaint),
        change: change({ changeType: "updated", changedFields: ["associations"] }),
      }),
    ).toMatchObject({ kind: "ignore", reason: "notFollowed" })
  })

  it("puts back what staff changed of tixi's record: urgency (priority), stage, content and computed fields", () => {
    const story = registeredFromHost()
    const complaint = story.state
    const edited = inStepCase(complaint, {
      priority: "low",
      stage: "investigating",
      subject: "改过的标题",
      fields: {
        ...inStepCase(complaint).fields,
        complaint_escalation_level: 0,
        complaint_first_response_due_at: 1,
      },
    })
    const decision = decide({
      complaint,
      hostCase: edited,
      change: change({
        changeType: "updated",
        changedFields: [
          "priority",
          "stage",
          "subject",
          "complaint_first_response_due_at",
          "complaint_escalation_level",
        ],
      }),
    })
    expect(decision).toMatchObject({
      kind: "restore",
      complaintId: "TS-20260105-0007",
      overridden: ["stage", "priority", "subject", "complaint_first_response_due_at"],
      draft: Complaints.caseDraftOf(complaint),
    })
    // Only what the change names is compared: a field changed earlier is not this change's doing.
    const onlyPriority = decide({
      complaint,
      hostCase: edited,
      change: change({ changeType: "updated", changedFields: ["priority"] }),
    })
    expect(onlyPriority).toMatchObject({ kind: "restore", overridden: ["priority"] })
  })

  it("honours closing the case as Close, which the decider refuses until the complaint is resolved", () => {
    const story = registeredFromHost()
    const closedOnHost = (state: Complaints.ComplaintState) =>
      decide({
        complaint: state,
        hostCase: inStepCase(state, { stage: "closed", status: "closed" }),
        change: change({ changeType: "updated", changedFields: ["stage"] }),
      })
    const early = closedOnHost(story.state)
    expect(early).toMatchObject({
      kind: "command",
      command: { type: "Close", actor: officer },
      restore: Complaints.caseDraftOf(story.state),
    })
    if (early.kind !== "command") return
    expect(story.refuse({ ...early.command, at: start + 60_000 } as Complaints.ComplaintCommand)._tag).toBe(
      "InvalidTransition",
    )
    story.do({ type: "Accept", at: start + 30 * 60_000, actor: officer })
    story.do({
      type: "Classify",
      at: start + 40 * 60_000,
      actor: officer,
      category: "quality",
      departmentId: "quality",
    })
    resolveOwnSide(story, start + 2 * 3_600_000, { kind: "repair", major: "300" })
    const resolved = closedOnHost(story.state)
    if (resolved.kind !== "command") throw new Error("expected a command")
    story.do({ ...resolved.command, at: start + 40 * 3_600_000 } as Complaints.ComplaintCommand)
    expect(story.state.stage).toBe("closed")
    expect(story.state.closure?.summary).toBe("在 CRM 中结案 / Closed in the CRM")
  })

  it("honours opening a closed case again as Reopen, and leaves a finished complaint's deleted case deleted", () => {
    const story = new Story()
    const decision = decide({})
    if (decision.kind !== "register") throw new Error("expected a registration")
    story.do({ ...decision.command, at: start } as Complaints.ComplaintCommand)
    story.do({ type: "Accept", at: start + 30 * 60_000, actor: officer })
    story.do({
      type: "Classify",
      at: start + 40 * 60_000,
      actor: officer,
      category: "quality",
      departmentId: "quality",
    })
    closeOwnSide(story, start + 2 * 3_600_000, { kind: "repair", major: "300" })
    expect(story.state.stage).toBe("closed")
    const reopened = decide({
      complaint: story.state,
      hostCase: inStepCase(story.state, { stage: "registered", status: "open" }),
      change: change({ changeType: "updated", changedFields: ["stage"] }),
    })
    expect(reopened).toMatchObject({ kind: "command", command: { type: "Reopen", actor: officer } })
    // Deleting the case of a complaint still to be followed up puts it back; once finished, not.
    expect(
      decide({ complaint: story.state, hostCase: undefined, change: change({ changeType: "deleted" }) }),
    ).toMatchObject({ kind: "restore", overridden: ["deleted"] })
    story.do({
      type: "RecordFollowUp",
      at: start + 60 * 3_600_000,
      actor: officer,
      satisfaction: 5,
      method: "phone",
    })
    expect(
      decide({ complaint: story.state, hostCase: undefined, change: change({ changeType: "deleted" }) }),
    ).toEqual({ kind: "ignore", reason: "finished", complaintId: "TS-20260105-0007" })
  })

  it("compares host values as hosts return them", () => {
    expect(Complaints.sameHostValue(null, undefined)).toBe(true)
    expect(Complaints.sameHostValue(null, "")).toBe(true)
    expect(Complaints.sameHostValue(3, "3")).toBe(true)
    expect(Complaints.sameHostValue(false, "false")).toBe(true)
    expect(Complaints.sameHostValue("repair;refund", "refund;repair")).toBe(true)
    expect(Complaints.sameHostValue(0, null)).toBe(false)
    expect(Complaints.sameHostValue(1, 2)).toBe(false)
    expect(Complaints.sameHostValue("a", "b")).toBe(false)
  })

  it("takes a host's date-times kept to the second as the instants tixi wrote (Salesforce drops milliseconds)", () => {
    const written = start + 61_234
    expect(Complaints.sameHostInstant(written, start + 61_000)).toBe(true)
    expect(Complaints.sameHostInstant(written, new Date(start + 61_000).toISOString())).toBe(true)
    expect(Complaints.sameHostInstant(written, String(start + 62_000))).toBe(true)
    expect(Complaints.sameHostInstant(written, start + 60_000)).toBe(false)
    expect(Complaints.sameHostInstant(written, "not a date")).toBe(false)
    expect(Complaints.sameHostInstant(null, null)).toBe(true)
    expect(Complaints.sameHostInstant(written, null)).toBe(false)

    // Accepted at a time with milliseconds: the host keeps the first response to the second, and a
    // later edit staff make of a field tixi does not follow (a poll names no fields) finds the case in step.
    const story = registeredFromHost()
    story.do({ type: "Accept", at: written, actor: officer })
    const respondedAt = story.state.firstResponse?.metAt
    expect(respondedAt).toBe(written)
    const held = inStepCase(story.state)
    const asSalesforceKeepsIt = inStepCase(story.state, {
      fields: { ...held.fields, complaint_first_responded_at: Math.floor(written / 1000) * 1000 },
    })
    const polled = change({ changeType: "updated", changedFields: [] })
    expect(decide({ complaint: story.state, hostCase: asSalesforceKeepsIt, change: polled })).toMatchObject({
      kind: "ignore",
      reason: "inStep",
    })
    const moved = inStepCase(story.state, {
      fields: { ...held.fields, complaint_first_responded_at: written - 60_000 },
    })
    expect(decide({ complaint: story.state, hostCase: moved, change: polled })).toMatchObject({
      kind: "restore",
      overridden: ["complaint_first_responded_at"],
    })
  })

  it("takes one change per record from a batch", () => {
    const merged = Complaints.coalesceHostChanges([
      change(),
      change({ changeId: "change-2", changeType: "updated", changedFields: ["subject"], occurredAt: start }),
      change({ changeId: "change-3", changeType: "updated", changedFields: ["stage"], occurredAt: start }),
      change({
        changeId: "change-4",
        recordId: hostRecordId("mem-case-9"),
        changeType: "updated",
        changedFields: [],
      }),
    ])
    expect(merged).toHaveLength(2)
    expect(merged[0]).toMatchObject({
      changeId: "change-1",
      changeType: "created",
      changedFields: ["subject", "stage"],
      occurredAt: start - 5 * 60_000,
    })
  })
})

describe("the complaint intake on the in-memory runner and host", () => {
  const ports = () =>
    Layer.mergeAll(
      InMemoryHostCrm.layer({
        customers: [
          {
            externalKey: "cust-0001",
            kind: "organization",
            name: "上海恒通贸易有限公司",
            fields: {},
            contactDetails: { phone: "021-6288 1234" },
          },
        ],
      }),
      InMemoryApprovals.layer(),
      InMemoryNotifier.layer(),
      inMemoryDirectoryLayer({
        people: [
          staffMember("officer-wu", ["officer"]),
          staffMember("supervisor-sun", ["supervisor", "officer"]),
        ],
        departments: [serviceDepartment],
      }),
      TestClock.layer(),
    )

  it("registers a staff case once, adopts it, ignores tixi's writes, and surfaces a refused close", async () => {
    const outcome = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          yield* TestClock.setTime(start)
          const runner = makeInMemoryRunner(definition)
          const host = yield* InMemoryHostCrm
          let number = 0
          const intake = Complaints.makeComplaintHostIntake(runner, {
            complaintIdOf: () => `TS-20260105-${String(++number).padStart(4, "0")}`,
            intakeActor: officer,
          })
          const opened = host.staffOpensCase(
            {
              subject: "第二批货物外包装破损",
              description: "6 箱受潮",
              customerKey: "cust-0001",
              priority: "urgent",
            },
            start,
          )
          let cursor: string | undefined
          const poll = () => Effect.flatMap(HostCrm, (crm) => crm.pollChanges(cursor, 100))
          const first = yield* poll()
          cursor = first.cursor
          const registered = yield* intake.handle(first.changes)
          // The same creation reported again (a webhook after the poll) makes no second complaint.
          const again = yield* intake.handle(first.changes)
          const afterRegistration = yield* poll()
          cursor = afterRegistration.cursor
          const echoes = yield* intake.handle(afterRegistration.changes)
          // Staff close the case in the CRM: closing is refused (not resolved yet) and put back.
          host.staffEditsCase(opened.id, { stage: "closed", status: "closed" }, start + 60_000)
          const closing = yield* poll()
          cursor = closing.cursor
          const refusedClose = yield* intake.handle(closing.changes)
          const afterRestore = yield* poll()
          cursor = afterRestore.cursor
          const restoreEchoes = yield* intake.handle(afterRestore.changes)
          return {
            opened,
            registered,
            again,
            echoes,
            refusedClose,
            restoreEchoes,
            cases: host.cases(),
            creations: host.creations("TS-20260105-0001"),
            writeLog: host.writeLog(),
            instances: runner.instances().map((instance) => instance.instanceId),
          }
        }),
        ports(),
      ),
    )
    // The first poll also reports the customer tixi seeded: tixi's own write.
    expect(outcome.registered.map((entry) => entry.kind)).toEqual(["ignored", "registered"])
    expect(outcome.registered[0]).toMatchObject({ kind: "ignored", reason: "tixiWrite" })
    expect(outcome.again).toMatchObject([
      { kind: "ignored", reason: "tixiWrite" },
      { kind: "ignored", reason: "alreadyRegistered" },
    ])
    expect(outcome.instances).toEqual(["TS-20260105-0001"])
    expect(outcome.cases).toHaveLength(1)
    expect(outcome.cases[0]).toMatchObject({
      id: outcome.opened.id,
      externalKey: "TS-20260105-0001",
      stage: "registered",
      priority: "urgent",
      fields: { complaint_urgency: "critical", complaint_channel: "phone" },
    })
    expect(outcome.creations).toBe(0)
    expect(outcome.writeLog).toContain("adoptCase TS-20260105-0001")
    expect(outcome.echoes.length).toBeGreaterThan(0)
    expect(outcome.echoes.every((entry) => entry.kind === "ignored" && entry.reason === "tixiWrite")).toBe(
      true,
    )
    expect(outcome.refusedClose).toMatchObject([
      { kind: "refused", command: "Close", complaintId: "TS-20260105-0001", restored: true },
    ])
    const refusal = outcome.refusedClose[0]
    expect(refusal?.kind === "refused" && refusal.refusal._tag).toBe("InvalidTransition")
    expect(
      outcome.restoreEchoes.every((entry) => entry.kind === "ignored" && entry.reason === "tixiWrite"),
    ).toBe(true)
  })

  it("takes a refused intake again once staff fix the case, puts back staff edits, and keeps failures for a retry", async () => {
    const outcome = await Effect.runPromise(
      Effect.provide(
        Effect.gen(function* () {
          yield* TestClock.setTime(start)
          const runner = makeInMemoryRunner(definition)
          const host = yield* InMemoryHostCrm
          const intake = Complaints.makeComplaintHostIntake(runner, {
            // Numbered from the record, so a retried intake lands on the same complaint.
            complaintIdOf: (hostCase) => `TS-20260105-${hostCase.id.replace(/\D/g, "").padStart(4, "0")}`,
            intakeActor: officer,
          })
          let cursor: string | undefined
          const next = () =>
            Effect.gen(function* () {
              const page = yield* Effect.flatMap(HostCrm, (crm) => crm.pollChanges(cursor, 100))
              cursor = page.cursor
              return yield* intake.handle(page.changes.filter((change) => change.origin === "host"))
            })
          yield* Effect.flatMap(HostCrm, (crm) => crm.pollChanges(undefined, 100)).pipe(
            Effect.tap((page) => Effect.sync(() => (cursor = page.cursor))),
          )
          // Opened without a customer: the registration is refused, naming what is missing.
          const opened = host.staffOpensCase({ subject: "发票抬头开错", description: "客户来电" }, start)
          const withoutCustomer = yield* next()
          host.staffEditsCase(opened.id, { customerKey: "cust-0001" }, start + 60_000)
          const fixed = yield* next()
          // Staff raise the priority: the urgency fixed the service level, so the case is put back.
          host.staffEditsCase(opened.id, { priority: "low", subject: "改过的标题" }, start + 120_000)
          const edited = yield* next()
          const afterEdit = host.cases()[0]
          // The host is down when the next edit comes in: the outcome says to take it again.
          host.staffEditsCase(opened.id, { fields: { complaint_escalation_level: 3 } }, start + 180_000)
          host.failNext("getCase", new Unavailable())
          const page = yield* Effect.flatMap(HostCrm, (crm) => crm.pollChanges(cursor, 100))
          const staffChanges = page.changes.filter((change) => change.origin === "host")
          const failed = yield* intake.handle(staffChanges)
          const retried = yield* intake.handle(staffChanges)
          return {
            opened,
            withoutCustomer,
            fixed,
            edited,
            afterEdit,
            failed,
            retried,
            after: host.cases()[0],
          }
        }),
        ports(),
      ),
    )
    const refused = outcome.withoutCustomer[0]
    expect(refused).toMatchObject({ kind: "refused", command: "Register", restored: false })
    expect(refused?.kind === "refused" && refused.refusal._tag).toBe("ValidationError")
    expect(outcome.fixed).toMatchObject([{ kind: "registered", complaintId: "TS-20260105-0002" }])
    expect(outcome.edited).toMatchObject([{ kind: "restored", overridden: ["priority", "subject"] }])
    expect(outcome.afterEdit).toMatchObject({
      id: outcome.opened.id,
      externalKey: "TS-20260105-0002",
      priority: "normal",
      subject: "发票抬头开错",
    })
    expect(outcome.failed).toMatchObject([{ kind: "failed" }])
    expect(Complaints.intakeNeedsRetry(outcome.failed)).toBe(true)
    expect(outcome.retried).toMatchObject([{ kind: "restored", overridden: ["complaint_escalation_level"] }])
    expect(Complaints.intakeNeedsRetry(outcome.retried)).toBe(false)
    expect(outcome.after?.fields.complaint_escalation_level).toBe(0)
  })
})
