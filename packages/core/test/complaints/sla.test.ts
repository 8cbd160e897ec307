import { Complaints, personId } from "@tixi/core"
import { describe, expect, it } from "vitest"
import {
  acceptedStory,
  at,
  calendar,
  closeOwnSide,
  definition,
  effectsOf,
  officer,
  registration,
  Story,
} from "./fixtures.ts"

const keysOf = (story: Story) => definition.deadlines(story.state).map((deadline) => deadline.key)

describe("service levels in working time", () => {
  it("counts across the Spring Festival and its 调休 Saturdays", () => {
    // Friday 13 February 2026, 10:00: the last office day before 春节 is Saturday the 14th (调休).
    const story = new Story()
    story.do({
      type: "Register",
      at: at("2026-02-13", "10:00"),
      complaintId: "TS-0213",
      actor: officer,
      registration: registration(),
    })
    // 普通: first response within 1 working day (480 min): 420 on Friday, 60 on the make-up Saturday.
    expect(story.state.firstResponse?.schedule.dueAt).toBe(at("2026-02-14", "10:00"))
    story.do({ type: "Accept", at: at("2026-02-13", "11:00"), actor: officer })
    // Resolution within 7 working days (3360 min) from receipt: Fri 420 + Sat 14th + 24th–27th +
    // Sat 28th (six days, 2880) + 60 on Monday 2 March. The nine holiday days 15th–23rd do not count.
    expect(story.state.resolution?.schedule.dueAt).toBe(at("2026-03-02", "10:00"))
    // The warning at 75 % (2520 min) and the escalation rungs after the deadline, all in working time.
    expect(story.state.resolution?.schedule.warningAt).toBe(at("2026-02-27", "12:00"))
    expect(story.state.resolution?.schedule.rungs).toEqual([
      { level: 1, role: "supervisor", at: at("2026-03-02", "10:00") },
      { level: 2, role: "manager", at: at("2026-03-03", "10:00") },
      { level: 3, role: "director", at: at("2026-03-05", "10:00") },
    ])
  })

  it("starts a 特急 complaint received on a holiday evening at the next working morning", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: at("2026-02-16", "20:00"),
      complaintId: "TS-0216",
      actor: officer,
      registration: registration({ urgency: "critical", channel: "web" }),
    })
    expect(story.state.firstResponse?.schedule.dueAt).toBe(at("2026-02-24", "11:00"))
    expect(story.state.firstResponse?.schedule.warningAt).toBe(at("2026-02-24", "10:30"))
  })

  it("warns before the deadline, then escalates up the ladder to the director and no further", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: at("2026-01-05", "09:00"),
      complaintId: "TS-0105",
      actor: officer,
      registration: registration(),
    })
    expect(keysOf(story)).toEqual([
      "c0:firstResponse:warning",
      "c0:firstResponse:breach",
      "c0:firstResponse:escalation:2",
      "c0:firstResponse:escalation:3",
    ])
    const warned = story.runTimers(at("2026-01-05", "17:59"))
    expect(warned).toEqual([
      {
        type: "DeadlineWarned",
        at: at("2026-01-05", "16:00"),
        sla: "firstResponse",
        dueAt: at("2026-01-05", "18:00"),
      },
    ])
    const breached = story.runTimers(at("2026-01-05", "18:00"))
    expect(breached.map((event) => event.type)).toEqual(["DeadlineBreached", "Escalated"])
    expect(story.state.escalationLevel).toBe(1)
    story.runTimers(at("2026-01-31", "00:00"))
    expect(
      story.state.escalations.map((escalation) => [escalation.level, escalation.role, escalation.at]),
    ).toEqual([
      [1, "supervisor", at("2026-01-05", "18:00")],
      [2, "manager", at("2026-01-06", "18:00")],
      [3, "director", at("2026-01-08", "18:00")],
    ])
    expect(definition.deadlines(story.state)).toEqual([])
    // Each escalation tells the rung's role and the handler, urgently.
    const notices = effectsOf(story.effects, "notify").filter((notice) => notice.draft.severity === "urgent")
    expect(notices.map((notice) => notice.draft.recipients[0])).toEqual([
      { person: officer.personId },
      { role: "supervisor" },
      { role: "manager" },
      { role: "director" },
    ])
  })

  it("catches up every mark in order when a timer fires late", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: at("2026-01-05", "09:00"),
      complaintId: "TS-late",
      actor: officer,
      registration: registration(),
    })
    const events = story.do({ type: "CheckSla", at: at("2026-01-12", "09:00"), sla: "firstResponse" })
    expect(
      events.map((event) => (event.type === "Escalated" ? `Escalated ${event.level}` : event.type)),
    ).toEqual(["DeadlineBreached", "Escalated 1", "Escalated 2", "Escalated 3"])
    expect(story.refuse({ type: "CheckSla", at: at("2026-01-12", "10:00"), sla: "firstResponse" })._tag).toBe(
      "InvalidTransition",
    )
  })

  it("carries the escalation level from the first response into the resolution", () => {
    const story = new Story()
    story.do({
      type: "Register",
      at: at("2026-01-05", "09:00"),
      complaintId: "TS-carry",
      actor: officer,
      registration: registration(),
    })
    story.runTimers(at("2026-01-06", "18:00"))
    expect(story.state.escalationLevel).toBe(2)
    story.do({ type: "Accept", at: at("2026-01-07", "09:00"), actor: officer })
    // Only the director's rung of the resolution ladder is still ahead.
    expect(keysOf(story).filter((key) => key.includes("escalation"))).toEqual(["c0:resolution:escalation:3"])
  })

  it("stops the clock while waiting on the customer and moves the deadlines by the paused working time", () => {
    const story = acceptedStory(at("2026-01-05", "09:00"))
    const before = story.state.resolution!.schedule
    expect(before.dueAt).toBe(at("2026-01-13", "18:00"))
    story.do({
      type: "PauseClock",
      at: at("2026-01-06", "10:00"),
      actor: officer,
      reason: "waitingOnCustomer",
      note: "等客户寄回样品",
    })
    // While stopped: no SLA timers and no reminders, only the end of the longest allowed pause.
    expect(keysOf(story)).toEqual(["c0:pause:1:autoResume"])
    story.do({ type: "ResumeClock", at: at("2026-01-08", "14:00"), actor: officer })
    // Paused from Tuesday 10:00 to Thursday 14:00: 420 (Tue) + 480 (Wed) + 240 (Thu) working minutes.
    const paused = calendar.workingMinutesBetween(at("2026-01-06", "10:00"), at("2026-01-08", "14:00"))
    expect(paused).toBe(420 + 480 + 240)
    const after = story.state.resolution!.schedule
    expect(calendar.workingMinutesBetween(before.dueAt, after.dueAt)).toBe(paused)
    expect(after.dueAt).toBe(at("2026-01-16", "12:00"))
    expect(story.state.pausedWorkingMinutes).toBe(paused)
    // The warning had not passed either, so it moved too; rungs after the deadline follow it.
    expect(calendar.workingMinutesBetween(before.warningAt, after.warningAt)).toBe(paused)
    expect(after.rungs[1]?.at).toBe(calendar.addWorkingMinutes(after.dueAt, 480))
  })

  it("resumes by itself when the pause runs out, and when the case moves on while stopped", () => {
    const story = acceptedStory(at("2026-01-05", "09:00"))
    story.do({
      type: "PauseClock",
      at: at("2026-01-05", "11:00"),
      actor: officer,
      reason: "waitingOnEvidence",
    })
    expect(story.refuse({ type: "ResumeClock", at: at("2026-01-06", "11:00") })._tag).toBe(
      "InvalidTransition",
    )
    const fired = story.runTimers(at("2026-01-31", "00:00"))
    // The pause ran out after 5 working days (2400 min): Monday 11:00 → the next Monday 11:00.
    expect(fired[0]).toMatchObject({ type: "ClockResumed", at: at("2026-01-12", "11:00"), by: undefined })
    const autoNotice = effectsOf(story.effects, "notify").find((notice) =>
      notice.key.endsWith("notify:autoResumed"),
    )
    expect(autoNotice?.draft.recipients).toEqual([{ person: officer.personId }])

    const second = acceptedStory(at("2026-01-05", "09:00"))
    second.do({
      type: "PauseClock",
      at: at("2026-01-05", "11:00"),
      actor: officer,
      reason: "waitingOnCustomer",
    })
    const events = second.do({
      type: "RecordInvestigation",
      at: at("2026-01-06", "11:00"),
      actor: officer,
      cause: "occasional",
      ownSide: true,
      responsibility: [{ departmentId: "quality", sharePercent: 100 }],
      severity: "minor",
      findings: "个别批次",
    })
    expect(events.map((event) => event.type)).toEqual(["ClockResumed", "InvestigationConcluded"])
    expect(second.state.pause).toBeUndefined()
  })

  it("sends reminders (督促) every two working days until the complaint is resolved", () => {
    const story = acceptedStory(at("2026-01-05", "09:00"))
    story.runTimers(at("2026-01-09", "18:00"))
    expect(story.state.reminders.sent).toEqual([at("2026-01-07", "09:30"), at("2026-01-09", "09:30")])
    expect(Complaints.caseTrackingOf(story.state, calendar)?.reminders).toEqual([
      { date: "2026-01-07", documentNumber: "TS-20260105-0001-督促-1" },
      { date: "2026-01-09", documentNumber: "TS-20260105-0001-督促-2" },
    ])
  })

  it("follows up after closure: overdue visits are reported, dissatisfaction goes to the supervisor", () => {
    const story = acceptedStory(at("2026-01-05", "09:00"))
    closeOwnSide(story, at("2026-01-05", "14:00"), { kind: "repair", major: "0" })
    expect(keysOf(story)).toEqual(["c0:followUp"])
    expect(definition.isFinished(story.state)).toBe(false)
    const overdue = story.runTimers(at("2026-01-31", "00:00"))
    expect(overdue).toEqual([
      { type: "FollowUpOverdue", at: at("2026-01-09", "17:00"), dueAt: at("2026-01-09", "17:00") },
    ])
    expect(definition.isFinished(story.state)).toBe(true)
    story.do({
      type: "RecordFollowUp",
      at: at("2026-01-12", "10:00"),
      actor: officer,
      satisfaction: 2,
      method: "visit",
      comment: "维修后仍有异响",
    })
    const dissatisfied = effectsOf(story.effects, "notify").at(-1)
    expect(dissatisfied?.draft.recipients).toEqual([{ role: "supervisor" }])
    expect(dissatisfied?.draft.severity).toBe("warning")
  })

  it("reopens within the window in a new cycle with a fresh deadline, and not after it", () => {
    const story = acceptedStory(at("2026-01-05", "09:00"))
    closeOwnSide(story, at("2026-01-05", "14:00"), { kind: "exchange", major: "200" })
    story.do({
      type: "Reopen",
      at: at("2026-01-20", "10:00"),
      actor: officer,
      reason: "换货后同样问题再次出现",
    })
    expect(story.state.stage).toBe("investigating")
    expect(story.state.cycle).toBe(1)
    expect(story.state.escalationLevel).toBe(0)
    expect(story.state.resolvedAt).toBeUndefined()
    expect(story.state.resolution?.schedule.startedAt).toBe(at("2026-01-20", "10:00"))
    expect(keysOf(story)).toContain("c1:resolution:breach")
    const reopenTasks = effectsOf(story.effects, "host.task.create").slice(-2)
    expect(reopenTasks.map((task) => task.draft.externalKey)).toEqual([
      "TS-20260105-0001:handling:1:officer-wu",
      `TS-20260105-0001:investigation:1:${personId("officer-zheng")}`,
    ])

    const late = acceptedStory(at("2026-01-05", "09:00"))
    late.do({ type: "Withdraw", at: at("2026-01-05", "10:00"), actor: officer, reason: "客户撤诉" })
    expect(
      late.refuse({ type: "Reopen", at: at("2026-02-20", "10:00"), actor: officer, reason: "again" })._tag,
    ).toBe("PolicyRefusal")
  })
})
