import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, type ValidationError } from "../errors/validation-error.ts"
import { isWellFormedId } from "../ids/ids.ts"
import { type Label, labelSchema } from "../labels/label.ts"
import { type CivilDate, civilDateSchema, type Weekday } from "../time/civil-date.ts"
import { parseTimeOfDay, type TimeOfDay } from "../time/time-of-day.ts"
import { isKnownTimeZone } from "../time/time-zone.ts"

/**
 * A span of working time within one day, in local time to the minute: "09:00"–"12:00".
 * "24:00" is allowed as an end, so a period can run to midnight; a night shift that crosses
 * midnight is two periods, one on each day ("22:00"–"24:00", then "00:00"–"06:00").
 */
export interface WorkingPeriod {
  readonly start: TimeOfDay
  readonly end: TimeOfDay
}

/** A named day off (法定节假日) or a make-up working day (调休上班日). */
export interface CalendarDay {
  readonly date: CivilDate
  readonly name: Label
}

/** A calendar as data: a company may define its own, or extend the official one. */
export interface CalendarDefinition {
  /** A stable machine name: "cn-mainland", "acme-shanghai-support". */
  readonly id: string
  /** The name an administrator sees when choosing a calendar for a policy or a queue. */
  readonly name: Label
  /** The IANA zone the working hours are read in: "Asia/Shanghai", "Europe/Berlin". */
  readonly timeZone: string
  /** Working periods per ISO weekday (1 Monday … 7 Sunday), sorted, non-overlapping. */
  readonly week: Readonly<Record<Weekday, ReadonlyArray<WorkingPeriod>>>
  /** Days off even when the weekday works (holidays). */
  readonly holidays: ReadonlyArray<CalendarDay>
  /** Days that work even when the weekday is off (调休). */
  readonly makeUpWorkdays: ReadonlyArray<CalendarDay>
  /** Hours on make-up working days; default: the hours of Monday (of the first working weekday when Monday is off). */
  readonly makeUpHours?: ReadonlyArray<WorkingPeriod>
  /**
   * The years whose holidays and make-up days `holidays` and `makeUpWorkdays` list in full.
   * Outside them the calendar knows only the weekly pattern, and `covers(date)` says so, so a
   * caller can warn instead of silently treating next year's Spring Festival as working days.
   * Absent: the lists are taken as complete for every year.
   */
  readonly coveredYears?: ReadonlyArray<number>
}

/** What `parseCalendarDefinition` reports problems against. */
export const calendarDefinitionSubject = "calendar.definition"

const timeOfDaySchema = z
  .string()
  .refine((value) => parseTimeOfDay(value) !== undefined, "must be a time HH:MM between 00:00 and 24:00")

const workingPeriodSchema = z
  .strictObject({ start: timeOfDaySchema, end: timeOfDaySchema })
  .superRefine((period, context) => {
    const start = parseTimeOfDay(period.start)
    const end = parseTimeOfDay(period.end)
    if (start === undefined || end === undefined) return
    if (end <= start) context.addIssue({ code: "custom", path: ["end"], message: "must be after start" })
  })

/** Validates a day's periods: each well formed, in order, none overlapping the one before. */
export const workingPeriodsSchema = z.array(workingPeriodSchema).superRefine((periods, context) => {
  for (let index = 1; index < periods.length; index++) {
    const previousEnd = parseTimeOfDay(periods[index - 1]!.end)
    const start = parseTimeOfDay(periods[index]!.start)
    if (previousEnd !== undefined && start !== undefined && start < previousEnd)
      context.addIssue({
        code: "custom",
        path: [index, "start"],
        message: "periods must be in order and must not overlap the one before",
      })
  }
})

/** Validates a named day (a holiday or a make-up day). */
export const calendarDaySchema = z.strictObject({ date: civilDateSchema, name: labelSchema })

/** Validates the working periods of a week, keyed by ISO weekday "1" (Monday) … "7" (Sunday). */
export const workingWeekSchema = z.strictObject({
  1: workingPeriodsSchema,
  2: workingPeriodsSchema,
  3: workingPeriodsSchema,
  4: workingPeriodsSchema,
  5: workingPeriodsSchema,
  6: workingPeriodsSchema,
  7: workingPeriodsSchema,
})

const definitionSchema = z
  .strictObject({
    id: z.string().refine(isWellFormedId, "must be 1–200 letters, digits or . _ : @ / -"),
    name: labelSchema,
    timeZone: z.string().refine(isKnownTimeZone, "must be an IANA time zone such as Asia/Shanghai"),
    week: workingWeekSchema,
    holidays: z.array(calendarDaySchema),
    makeUpWorkdays: z.array(calendarDaySchema),
    makeUpHours: workingPeriodsSchema.min(1, "must list at least one period").optional(),
    coveredYears: z.array(z.number().int().min(1).max(9999)).optional(),
  })
  .superRefine((definition, context) => {
    const weekdays = [1, 2, 3, 4, 5, 6, 7] as const
    if (weekdays.every((weekday) => definition.week[weekday].length === 0))
      context.addIssue({
        code: "custom",
        path: ["week"],
        message: "at least one weekday must have working hours",
      })
    const holidays = new Set<string>()
    definition.holidays.forEach((day, index) => {
      if (holidays.has(day.date))
        context.addIssue({ code: "custom", path: ["holidays", index, "date"], message: "listed twice" })
      holidays.add(day.date)
    })
    const makeUpDays = new Set<string>()
    definition.makeUpWorkdays.forEach((day, index) => {
      if (makeUpDays.has(day.date))
        context.addIssue({ code: "custom", path: ["makeUpWorkdays", index, "date"], message: "listed twice" })
      else if (holidays.has(day.date))
        context.addIssue({
          code: "custom",
          path: ["makeUpWorkdays", index, "date"],
          message: "is also listed as a holiday; a date is either a day off or a working day",
        })
      makeUpDays.add(day.date)
    })
  })

/**
 * Validates a calendar definition from untrusted data (a settings screen, a JSON file): the zone
 * exists, periods are well formed and ordered, no date is both a holiday and a make-up day.
 * Every problem comes back with its path, e.g. `week.1[0].end` or `makeUpWorkdays[2].date`.
 */
export function parseCalendarDefinition(input: unknown): Result.Result<CalendarDefinition, ValidationError> {
  const parsed = definitionSchema.safeParse(input)
  if (!parsed.success) return Result.fail(fromZodIssues(calendarDefinitionSubject, parsed.error.issues))
  return Result.succeed(parsed.data as CalendarDefinition)
}
