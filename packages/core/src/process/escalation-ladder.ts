import type { BusinessCalendar } from "../calendar/business-calendar.ts"
import type { Role } from "../roles/role.ts"
import type { Instant } from "../time/instant.ts"
import type { Deadline, Unstamped } from "./definition.ts"

/** One rung of an escalation ladder as a policy states it: whom to tell, how long after the due instant. */
export interface LadderRung {
  readonly role: Role
  /** Working minutes after the due instant; 0 escalates at the due instant itself. */
  readonly afterDueWorkingMinutes: number
}

/** One rung with the instant it is due. */
export interface ScheduledRung {
  /** 1 for the first rung above the person responsible. */
  readonly level: number
  readonly role: Role
  readonly at: Instant
}

/**
 * The instants of a step's deadline: a reminder before it, the due instant, and the rungs after
 * it, all counted in the company's working time. A flow computes it in `decide` and keeps it in
 * the event, so replay never depends on today's calendar.
 */
export interface ScheduledLadder {
  readonly remindAt: Instant | undefined
  readonly dueAt: Instant
  readonly rungs: ReadonlyArray<ScheduledRung>
}

/** The rungs of `rungs` counted in working time after `dueAt`. */
export function scheduleRungs(
  dueAt: Instant,
  rungs: ReadonlyArray<LadderRung>,
  calendar: BusinessCalendar,
): ReadonlyArray<ScheduledRung> {
  return rungs.map((rung, index) => ({
    level: index + 1,
    role: rung.role,
    at:
      rung.afterDueWorkingMinutes === 0
        ? dueAt
        : calendar.addWorkingMinutes(dueAt, rung.afterDueWorkingMinutes),
  }))
}

/**
 * The ladder of a step of `workingMinutes` from `startedAt`: due once that much working time has
 * passed, a reminder `remindBeforeWorkingMinutes` earlier (none when that is not after the start),
 * then the rungs.
 */
export function scheduleLadder(
  calendar: BusinessCalendar,
  startedAt: Instant,
  workingMinutes: number,
  policy: { readonly remindBeforeWorkingMinutes?: number; readonly rungs: ReadonlyArray<LadderRung> },
): ScheduledLadder {
  const dueAt = calendar.addWorkingMinutes(startedAt, workingMinutes)
  const before = policy.remindBeforeWorkingMinutes ?? 0
  return {
    remindAt:
      before > 0 && before < workingMinutes
        ? calendar.addWorkingMinutes(startedAt, workingMinutes - before)
        : undefined,
    dueAt,
    rungs: scheduleRungs(dueAt, policy.rungs, calendar),
  }
}

/** How far an instance has climbed its ladder: whether it was reminded and the highest rung reached (0: none). */
export interface LadderProgress {
  readonly reminded: boolean
  readonly level: number
}

/** The marks of a ladder that are due at `at` and not yet passed: the reminder, the rungs. */
export function ladderMarksDue(
  ladder: ScheduledLadder,
  progress: LadderProgress,
  at: Instant,
): { readonly remind: boolean; readonly rungs: ReadonlyArray<ScheduledRung> } {
  return {
    remind: !progress.reminded && ladder.remindAt !== undefined && ladder.remindAt <= at,
    rungs: ladder.rungs.filter((rung) => rung.level > progress.level && rung.at <= at),
  }
}

/**
 * The timers of a ladder not yet passed, under keys `${prefix}:remind` and `${prefix}:rung:N`,
 * each firing `command` (which decides every mark due at its instant).
 */
export function ladderDeadlines<Command>(
  prefix: string,
  ladder: ScheduledLadder,
  progress: LadderProgress,
  command: Unstamped<Command>,
): ReadonlyArray<Deadline<Command>> {
  const out: Array<Deadline<Command>> = []
  if (!progress.reminded && ladder.remindAt !== undefined)
    out.push({ key: `${prefix}:remind`, dueAt: ladder.remindAt, command })
  for (const rung of ladder.rungs) {
    if (rung.level > progress.level)
      out.push({ key: `${prefix}:rung:${rung.level}`, dueAt: rung.at, command })
  }
  return out
}
