import type { CheckSla, PauseClock, ResumeClock, SendReminder } from "./commands.ts"
import { type DecideContext, nextReminderAfter } from "./context.ts"
import type { ClockResumed, ComplaintEvent } from "./events.ts"
import { type ComplaintDecision, emit, policyRefusal, refuse } from "./refusal.ts"
import { dueMarks, shiftSchedule } from "./sla.ts"
import { type ComplaintState, handlingStages, pausableStages } from "./state.ts"

/** Stop the SLA clock while the case waits on the customer (or a third party). */
export function decidePause(
  state: ComplaintState,
  command: PauseClock,
  context: DecideContext,
): ComplaintDecision {
  if (!pausableStages.has(state.stage) || state.resolution === undefined)
    return refuse(state, command.type, "the clock stops only while the complaint is handled")
  if (state.pause !== undefined) return refuse(state, command.type, "the clock is already stopped")
  const { policy, calendar } = context
  if (policy.pause.reasons.length === 0)
    return policyRefusal("pause.reasons", "the policy does not stop the clock")
  if (!policy.pause.reasons.includes(command.reason))
    return policyRefusal("pause.reasons", `the policy does not stop the clock for ${command.reason}`)
  return emit({
    type: "ClockPaused",
    at: command.at,
    by: command.actor.personId,
    reason: command.reason,
    note: command.note,
    autoResumeAt: calendar.addWorkingMinutes(command.at, policy.pause.maximumWorkingMinutes),
  })
}

/**
 * The event that runs a stopped clock again at `at`: the paused working time is measured with the
 * calendar and the instants not yet passed move by it.
 */
export function resumeEvent(
  state: ComplaintState,
  at: number,
  by: ClockResumed["by"],
  context: DecideContext,
): ClockResumed | undefined {
  const pause = state.pause
  const resolution = state.resolution
  if (pause === undefined || resolution === undefined) return undefined
  const { calendar } = context
  return {
    type: "ClockResumed",
    at,
    by,
    pausedWorkingMinutes: Math.max(0, calendar.workingMinutesBetween(pause.since, at)),
    resolution: shiftSchedule(resolution.schedule, pause.since, at, calendar),
    nextReminderAt: nextReminderAfter(context, at),
  }
}

/** Run the clock again: by a member of staff, or by the process when the pause ran out. */
export function decideResume(
  state: ComplaintState,
  command: ResumeClock,
  context: DecideContext,
): ComplaintDecision {
  if (state.pause === undefined) return refuse(state, command.type, "the clock is running")
  if (command.actor === undefined && command.at < state.pause.autoResumeAt)
    return refuse(state, command.type, "the pause has not run out yet")
  const event = resumeEvent(state, command.at, command.actor?.personId, context)
  if (event === undefined) return refuse(state, command.type, "the complaint has no resolution clock")
  return emit(event)
}

/**
 * A timer of the process: the warning (before the deadline), the breach (at it) and the rungs of
 * the escalation ladder (after it) that are due. A late timer catches up every mark due by `at`,
 * in order, so the log shows each rung of the ladder.
 */
export function decideCheckSla(state: ComplaintState, command: CheckSla): ComplaintDecision {
  const clock = command.sla === "firstResponse" ? state.firstResponse : state.resolution
  const running =
    command.sla === "firstResponse"
      ? state.stage === "registered"
      : handlingStages.has(state.stage) && state.pause === undefined
  if (clock === undefined || clock.metAt !== undefined || !running)
    return refuse(state, command.type, `the ${command.sla} clock is not running`)
  const marks = dueMarks(clock, state.escalationLevel, command.at)
  const events: Array<ComplaintEvent> = []
  const { dueAt } = clock.schedule
  if (marks.warning) events.push({ type: "DeadlineWarned", at: command.at, sla: command.sla, dueAt })
  if (marks.breach) events.push({ type: "DeadlineBreached", at: command.at, sla: command.sla, dueAt })
  for (const rung of marks.rungs)
    events.push({
      type: "Escalated",
      at: command.at,
      sla: command.sla,
      level: rung.level,
      role: rung.role,
      dueAt,
    })
  if (events.length === 0)
    return refuse(state, command.type, `nothing of the ${command.sla} clock is due yet`)
  return emit(...events)
}

/** A timer of the process: the next reminder (督促) to the handler. */
export function decideReminder(
  state: ComplaintState,
  command: SendReminder,
  context: DecideContext,
): ComplaintDecision {
  const nextAt = state.reminders.nextAt
  if (!handlingStages.has(state.stage) || state.pause !== undefined || nextAt === undefined)
    return refuse(state, command.type, "no reminder is scheduled")
  if (nextAt > command.at) return refuse(state, command.type, "the reminder is not due yet")
  return emit({
    type: "ReminderSent",
    at: command.at,
    number: state.reminders.sent.length + 1,
    nextReminderAt: nextReminderAfter(context, command.at),
  })
}
