import type { Deadline } from "../../process/definition.ts"
import type { ComplaintCommand } from "./commands.ts"
import type { SlaClock, SlaKind } from "./sla.ts"
import { type ComplaintState, handlingStages } from "./state.ts"

function slaDeadlines(
  state: ComplaintState,
  sla: SlaKind,
  clock: SlaClock,
  out: Array<Deadline<ComplaintCommand>>,
): void {
  if (clock.metAt !== undefined) return
  const prefix = `c${state.cycle}:${sla}`
  const command = { type: "CheckSla", sla } as const
  if (!clock.warned && !clock.breached && clock.schedule.warningAt < clock.schedule.dueAt)
    out.push({ key: `${prefix}:warning`, dueAt: clock.schedule.warningAt, command })
  if (!clock.breached) out.push({ key: `${prefix}:breach`, dueAt: clock.schedule.dueAt, command })
  for (const rung of clock.schedule.rungs) {
    // A rung due with the breach is decided with it; only later rungs need timers of their own.
    if (rung.level <= state.escalationLevel || (!clock.breached && rung.at <= clock.schedule.dueAt)) continue
    out.push({ key: `${prefix}:escalation:${rung.level}`, dueAt: rung.at, command })
  }
}

/**
 * The timers a complaint waits on: the warning, breach and escalation marks of the running
 * service level (none while the clock is stopped or in litigation), the next reminder (督促),
 * the end of a pause, and the follow-up visit. Keys are stable for a mark within a cycle
 * (`c0:resolution:breach`), so moving a deadline after a pause keeps its key.
 */
export function complaintDeadlines(state: ComplaintState): ReadonlyArray<Deadline<ComplaintCommand>> {
  const out: Array<Deadline<ComplaintCommand>> = []
  if (state.stage === "registered" && state.firstResponse)
    slaDeadlines(state, "firstResponse", state.firstResponse, out)
  if (handlingStages.has(state.stage)) {
    if (state.pause !== undefined) {
      out.push({
        key: `c${state.cycle}:pause:${state.pauseCount}:autoResume`,
        dueAt: state.pause.autoResumeAt,
        command: { type: "ResumeClock" },
      })
    } else {
      if (state.resolution) slaDeadlines(state, "resolution", state.resolution, out)
      if (state.reminders.nextAt !== undefined)
        out.push({
          key: `c${state.cycle}:reminder:${state.reminders.sent.length + 1}`,
          dueAt: state.reminders.nextAt,
          command: { type: "SendReminder" },
        })
    }
  }
  const followUp = state.followUp
  if (
    state.stage === "closed" &&
    followUp?.dueAt !== undefined &&
    followUp.recordedAt === undefined &&
    !followUp.overdueNotified
  )
    out.push({ key: `c${state.cycle}:followUp`, dueAt: followUp.dueAt, command: { type: "CheckFollowUp" } })
  return out
}
