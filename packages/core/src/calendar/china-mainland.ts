import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError } from "../errors/validation-error.ts"
import { isWellFormedId } from "../ids/ids.ts"
import { type Label, label, labelSchema } from "../labels/label.ts"
import { addDays, type CivilDate, daysBetween } from "../time/civil-date.ts"
import { type BusinessCalendar, calendarOf } from "./business-calendar.ts"
import {
  type CalendarDay,
  type CalendarDefinition,
  calendarDaySchema,
  parseCalendarDefinition,
  type WorkingPeriod,
  workingPeriodsSchema,
  workingWeekSchema,
} from "./calendar-definition.ts"
import type { HolidayArrangement, OfficialHolidayYear } from "./china/official-holiday-year.ts"
import { chinaMainlandCoveredYears, chinaMainlandYears } from "./china/years.ts"
import { chinaOfficialHoliday } from "./labels.ts"

/** What a company may change when it starts from the official mainland-China calendar. */
export interface ChinaMainlandOptions {
  /** Its working hours; default Monday–Friday 09:00–12:00 and 13:00–18:00. */
  readonly week?: CalendarDefinition["week"]
  /** Hours on 调休 make-up days; default the Monday hours. */
  readonly makeUpHours?: ReadonlyArray<WorkingPeriod>
  /** The calendar's id, default "cn-mainland"; give a company calendar its own ("acme-shanghai-support"). */
  readonly id?: string
  /** The calendar's name, default 中国大陆法定工作日历 / Mainland China statutory working calendar. */
  readonly name?: Label
  /**
   * Company-specific extra days off, added to the official ones. An extra day off on an official
   * make-up day means the company does not work that 调休 Saturday or Sunday.
   */
  readonly extraHolidays?: ReadonlyArray<CalendarDay>
  /**
   * Company-specific extra working days. One on an official holiday means the company works that
   * day (a hotline staffed through 春节), with the make-up hours.
   */
  readonly extraMakeUpWorkdays?: ReadonlyArray<CalendarDay>
}

/** What option problems are reported against. */
export const chinaMainlandOptionsSubject = "calendar.chinaMainland"

const officeDay: ReadonlyArray<WorkingPeriod> = [
  { start: "09:00", end: "12:00" },
  { start: "13:00", end: "18:00" },
]

/** Mainland office hours: Monday–Friday 09:00–12:00 and 13:00–18:00, weekends off. */
export const chinaMainlandOfficeWeek: CalendarDefinition["week"] = {
  1: officeDay,
  2: officeDay,
  3: officeDay,
  4: officeDay,
  5: officeDay,
  6: [],
  7: [],
}

/** The name of an item's days off: 春节, or 国庆节、中秋节 when the notice merges two holidays. */
function arrangementName(arrangement: HolidayArrangement): Label {
  const names = arrangement.holidays.map((holiday) => chinaOfficialHoliday.labels[holiday])
  const english = names.map((name) => name.en)
  return label(
    names.map((name) => name["zh-CN"]).join("、"),
    english.length > 1 ? `${english.slice(0, -1).join(", ")} and ${english.at(-1)}` : english[0]!,
  )
}

/** The official days off and make-up days of the years tixi ships, named after their holidays. */
function officialDays(years: ReadonlyArray<OfficialHolidayYear>): {
  readonly holidays: ReadonlyArray<CalendarDay>
  readonly makeUpWorkdays: ReadonlyArray<CalendarDay>
} {
  const holidays: Array<CalendarDay> = []
  const makeUpWorkdays: Array<CalendarDay> = []
  for (const year of years) {
    for (const arrangement of year.arrangements) {
      const name = arrangementName(arrangement)
      const length = daysBetween(arrangement.firstDayOff, arrangement.lastDayOff)
      for (let offset = 0; offset <= length; offset++)
        holidays.push({ date: addDays(arrangement.firstDayOff, offset), name })
      const makeUpName = label(`${name["zh-CN"]}调休上班`, `Make-up working day for ${name.en}`)
      for (const date of arrangement.makeUpWorkdays) makeUpWorkdays.push({ date, name: makeUpName })
    }
  }
  return { holidays, makeUpWorkdays }
}

const officialCalendarDays = officialDays(chinaMainlandYears)

const optionsSchema = z.strictObject({
  week: workingWeekSchema.optional(),
  makeUpHours: workingPeriodsSchema.min(1, "must list at least one period").optional(),
  id: z.string().refine(isWellFormedId, "must be 1–200 letters, digits or . _ : @ / -").optional(),
  name: labelSchema.optional(),
  extraHolidays: z.array(calendarDaySchema).optional(),
  extraMakeUpWorkdays: z.array(calendarDaySchema).optional(),
})

/**
 * The official calendar as data, with a company's changes applied, ready to store, show or
 * extend further and pass to `makeBusinessCalendar`. Options are validated; problems name the
 * option (`extraMakeUpWorkdays[0].date`).
 */
export function chinaMainlandDefinition(
  options: ChinaMainlandOptions = {},
): Result.Result<CalendarDefinition, ValidationError> {
  const parsed = optionsSchema.safeParse(options)
  if (!parsed.success) return Result.fail(fromZodIssues(chinaMainlandOptionsSubject, parsed.error.issues))
  const extraHolidays = options.extraHolidays ?? []
  const extraMakeUpWorkdays = options.extraMakeUpWorkdays ?? []
  const extraOff = new Set<CivilDate>(extraHolidays.map((day) => day.date))
  const extraOn = new Set<CivilDate>(extraMakeUpWorkdays.map((day) => day.date))
  const conflicts = extraMakeUpWorkdays.flatMap((day, index) =>
    extraOff.has(day.date)
      ? [
          {
            path: ["extraMakeUpWorkdays", index, "date"],
            message: "is also an extra holiday",
            code: "custom",
          },
        ]
      : [],
  )
  if (conflicts.length > 0)
    return Result.fail(new ValidationError({ subject: chinaMainlandOptionsSubject, issues: conflicts }))
  const overridden = (day: CalendarDay) => !extraOff.has(day.date) && !extraOn.has(day.date)
  const definition = {
    id: options.id ?? "cn-mainland",
    name: options.name ?? label("中国大陆法定工作日历", "Mainland China statutory working calendar"),
    timeZone: "Asia/Shanghai",
    week: options.week ?? chinaMainlandOfficeWeek,
    holidays: [...officialCalendarDays.holidays.filter(overridden), ...extraHolidays],
    makeUpWorkdays: [...officialCalendarDays.makeUpWorkdays.filter(overridden), ...extraMakeUpWorkdays],
    ...(options.makeUpHours ? { makeUpHours: options.makeUpHours } : {}),
    coveredYears: chinaMainlandCoveredYears,
  }
  return parseCalendarDefinition(definition)
}

let defaultCalendar: BusinessCalendar | undefined

/**
 * The official mainland-China calendar (Asia/Shanghai, Mon–Fri 09:00–12:00 and 13:00–18:00
 * unless overridden), with the State Council's holidays and 调休 days for every year tixi ships
 * (`chinaMainlandCoveredYears`: 2025, 2026). For a date outside those years the calendar knows
 * only the weekly pattern — it cannot know holidays not yet announced — and `covers(date)` is
 * false, so a caller can mark a due date there as provisional.
 *
 * Throws the ValidationError when options are invalid (they are code, not user input); use
 * `chinaMainlandDefinition` with `makeBusinessCalendar` to get it as a Result instead. The
 * calendar without options is built once and shared.
 */
export function chinaMainlandCalendar(options?: ChinaMainlandOptions): BusinessCalendar {
  if (options === undefined || Object.keys(options).length === 0) {
    defaultCalendar ??= calendarOf(Result.getOrThrow(chinaMainlandDefinition()))
    return defaultCalendar
  }
  const definition = chinaMainlandDefinition(options)
  if (Result.isFailure(definition)) throw definition.failure
  return calendarOf(definition.success)
}
