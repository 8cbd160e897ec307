import type { BusinessCalendar } from "../calendar/business-calendar.ts"
import type { Instant } from "../time/instant.ts"
import { type LadderRung, type ScheduledLadder, scheduleLadder } from "./escalation-ladder.ts"

/**
 * The ladders of the actions an approval (✓) sets going (改进措施, 补救措施): each due after its
 * own number of working days of the company's standard day from `from`, reminded and escalated
 * as the policy says. Decided with the approval and kept in its event, so replay never depends on
 * today's calendar.
 */
export const workingDayLadders = (
  calendar: BusinessCalendar,
  from: Instant,
  actions: ReadonlyArray<{ readonly workingDays: number }>,
  policy: { readonly remindBeforeWorkingMinutes?: number; readonly rungs: ReadonlyArray<LadderRung> },
): ReadonlyArray<ScheduledLadder> =>
  actions.map((action) =>
    scheduleLadder(calendar, from, action.workingDays * calendar.standardDayMinutes, policy),
  )
