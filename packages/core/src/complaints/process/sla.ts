import type { BusinessCalendar } from "../../calendar/index.ts"
import { type ScheduledRung as LadderRungAt, scheduleRungs } from "../../process/escalation-ladder.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import { addDays } from "../../time/civil-date.ts"
import type { Instant } from "../../time/instant.ts"
import type { SlaTarget } from "../policy/complaint-policy.ts"

/** The two service levels of a complaint: the first response and the resolution. */
export type SlaKind = "firstResponse" | "resolution"

/** One rung of an escalation schedule, with the instant it is due (the flow kit's ladder rung). */
export type ScheduledRung = LadderRungAt

/**
 * The instants of one service level, computed in `decide` from the policy and the business
 * calendar and recorded in the event, so replaying never depends on today's calendar.
 */
export interface SlaSchedule {
  readonly kind: SlaKind
  readonly startedAt: Instant
  /** The working minutes the schedule was computed from (after pauses, the remaining ones). */
  readonly workingMinutes: number
  readonly warningAt: Instant
  readonly dueAt: Instant
  readonly rungs: ReadonlyArray<ScheduledRung>
}

/** A service level as it runs: its schedule and what has happened to it. */
export interface SlaClock {
  readonly schedule: SlaSchedule
  readonly warned: boolean
  readonly breached: boolean
  /** When the level was met (the response given, the complaint resolved); undefined while running. */
  readonly metAt: Instant | undefined
}

/** Starts a clock on a schedule. */
export const startClock = (schedule: SlaSchedule): SlaClock => ({
  schedule,
  warned: false,
  breached: false,
  metAt: undefined,
})

/**
 * The schedule of a service level of `workingMinutes` starting at `startedAt`: the warning when
 * `warningAtPercent` of the working time has elapsed, the due instant, and the escalation rungs
 * counted in working time after it.
 */
export function scheduleSla(
  kind: SlaKind,
  startedAt: Instant,
  workingMinutes: number,
  target: SlaTarget,
  calendar: BusinessCalendar,
): SlaSchedule {
  const dueAt = calendar.addWorkingMinutes(startedAt, workingMinutes)
  const warningAt = calendar.addWorkingMinutes(
    startedAt,
    Math.floor((workingMinutes * target.warningAtPercent) / 100),
  )
  return {
    kind,
    startedAt,
    workingMinutes,
    warningAt,
    dueAt,
    rungs: scheduleRungs(dueAt, target.escalation, calendar),
  }
}

/**
 * The schedule of a handling date promised to the customer (承诺办理期限): due at the end of that
 * day in the calendar's zone, warned when `warningAtPercent` of the working time up to it has
 * elapsed.
 */
export function schedulePromise(
  startedAt: Instant,
  promisedDate: CivilDate,
  target: SlaTarget,
  calendar: BusinessCalendar,
): SlaSchedule {
  const dueAt = calendar.startOfDay(addDays(promisedDate, 1))
  const workingMinutes = Math.max(0, Math.round(calendar.workingMinutesBetween(startedAt, dueAt)))
  const warningAt = calendar.addWorkingMinutes(
    startedAt,
    Math.floor((workingMinutes * target.warningAtPercent) / 100),
  )
  return {
    kind: "resolution",
    startedAt,
    workingMinutes,
    warningAt: Math.min(warningAt, dueAt),
    dueAt,
    rungs: scheduleRungs(dueAt, target.escalation, calendar),
  }
}

/**
 * Moves the instants of a schedule that had not passed when the clock stopped (at `pausedAt`) by
 * the working time the clock was stopped: each keeps the working time it had left, counted from
 * `resumedAt`. Instants already passed at the pause stay where they were (a breach is not undone).
 */
export function shiftSchedule(
  schedule: SlaSchedule,
  pausedAt: Instant,
  resumedAt: Instant,
  calendar: BusinessCalendar,
): SlaSchedule {
  const shift = (instant: Instant): Instant => {
    if (instant <= pausedAt) return instant
    const remaining = Math.round(calendar.workingMinutesBetween(pausedAt, instant))
    if (remaining <= 0) return Math.max(instant, resumedAt)
    return calendar.addWorkingMinutes(resumedAt, remaining)
  }
  return {
    ...schedule,
    warningAt: shift(schedule.warningAt),
    dueAt: shift(schedule.dueAt),
    rungs: schedule.rungs.map((rung) => ({ ...rung, at: shift(rung.at) })),
  }
}

/** The marks of a clock that are due at `at` and not yet recorded. */
export interface DueMarks {
  readonly warning: boolean
  readonly breach: boolean
  readonly rungs: ReadonlyArray<ScheduledRung>
}

/** What of a running clock is due at `at`, given the case's current escalation level. */
export function dueMarks(clock: SlaClock, escalationLevel: number, at: Instant): DueMarks {
  const { schedule } = clock
  const breach = !clock.breached && schedule.dueAt <= at
  const warning = !clock.warned && !clock.breached && !breach && schedule.warningAt <= at
  const rungs = schedule.rungs.filter((rung) => rung.level > escalationLevel && rung.at <= at)
  return { warning, breach, rungs }
}

/** The next instant at which something of a running clock becomes due, or undefined. */
export function nextMarkAt(clock: SlaClock, escalationLevel: number): Instant | undefined {
  if (clock.metAt !== undefined) return undefined
  const candidates: Array<Instant> = []
  if (!clock.warned && !clock.breached) candidates.push(clock.schedule.warningAt)
  if (!clock.breached) candidates.push(clock.schedule.dueAt)
  for (const rung of clock.schedule.rungs) if (rung.level > escalationLevel) candidates.push(rung.at)
  return candidates.length === 0 ? undefined : Math.min(...candidates)
}
