import { Result } from "effect"
import { label } from "../labels/label.ts"
import type { BusinessCalendar } from "./business-calendar.ts"
import { calendarOf } from "./business-calendar.ts"
import {
  type CalendarDefinition,
  parseCalendarDefinition,
  type WorkingPeriod,
} from "./calendar-definition.ts"

const wholeDay: ReadonlyArray<WorkingPeriod> = [{ start: "00:00", end: "24:00" }]

/**
 * A round-the-clock calendar (24-hour service, e.g. the call centre's hotline): every instant is
 * working time, so working minutes are elapsed minutes — 1 380 on a spring-forward day in Berlin,
 * 1 500 on a fall-back day. `standardDayMinutes` is 1 440. The zone still matters for `dateOf`,
 * `startOfDay` and `instantAt`. Throws the ValidationError (path `timeZone`) for an unknown zone.
 */
export function alwaysOpenCalendar(timeZone: string): BusinessCalendar {
  const definition: CalendarDefinition = {
    id: "always-open",
    name: label("全天候服务", "Always open (24/7)"),
    timeZone,
    week: { 1: wholeDay, 2: wholeDay, 3: wholeDay, 4: wholeDay, 5: wholeDay, 6: wholeDay, 7: wholeDay },
    holidays: [],
    makeUpWorkdays: [],
  }
  const parsed = parseCalendarDefinition(definition)
  if (Result.isFailure(parsed)) throw parsed.failure
  return calendarOf(parsed.success)
}
