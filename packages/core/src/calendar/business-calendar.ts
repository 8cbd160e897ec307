import { Result } from "effect"
import type { ValidationError } from "../errors/validation-error.ts"
import type { Label } from "../labels/label.ts"
import {
  type CivilDate,
  civilParts,
  dayNumber,
  fromDayNumber,
  parseCivilDate,
  type Weekday,
  weekdayOfDayNumber,
} from "../time/civil-date.ts"
import { dayMillis, type Instant, isInstant, minuteMillis } from "../time/instant.ts"
import { parseTimeOfDay } from "../time/time-of-day.ts"
import { timeZoneRules } from "../time/time-zone.ts"
import {
  type CalendarDefinition,
  parseCalendarDefinition,
  type WorkingPeriod,
} from "./calendar-definition.ts"
import type { CalendarDayKind } from "./labels.ts"
import { makeWorkingTimeIndex } from "./working-time-index.ts"

/** A span of working time as instants, half-open: `start` is working time, `end` is not. */
export interface WorkingInterval {
  readonly start: Instant
  readonly end: Instant
}

/** What a calendar says about one date: its kind, the holiday's name, and its working hours. */
export interface CalendarDayDescription {
  readonly date: CivilDate
  /** Working day, rest day, holiday or make-up working day (`calendarDayKind` labels it). */
  readonly kind: CalendarDayKind
  /** The holiday's or make-up day's name (春节, 春节调休上班); absent on ordinary days. */
  readonly name?: Label
  /** The local working periods of the day; empty on days off. */
  readonly periods: ReadonlyArray<WorkingPeriod>
}

/**
 * Working time on a calendar: answers "is this a working instant", "this instant plus N working
 * minutes" and "working minutes between two instants", exactly, in the calendar's zone, across
 * DST changes, holidays and 调休 make-up days. Arithmetic is precomputed per block of days and
 * skips whole days arithmetically, so a span of months costs about as much as a span of minutes.
 *
 * Working time is half-open: a period "09:00"–"12:00" contains 09:00 and not 12:00. Instants are
 * epoch milliseconds (safe integers); methods throw a RangeError or TypeError for arguments that
 * are not instants, dates or counts, as those are programming errors, not user input.
 */
export interface BusinessCalendar {
  /** The validated definition the calendar was built from (store it, show it, extend it). */
  readonly definition: CalendarDefinition
  /** Minutes in a standard working day (the Monday pattern), e.g. 480 — lets policies say "1 working day". */
  readonly standardDayMinutes: number
  /** Whether the date has working hours: not a holiday, and a working weekday or a make-up day. */
  isWorkingDay(date: CivilDate): boolean
  /** Whether the instant lies in a working period (start inclusive, end exclusive). */
  isWorkingInstant(at: Instant): boolean
  /** `at` itself when it is working time, else the start of the next working period. */
  nextWorkingInstant(at: Instant): Instant
  /**
   * The instant at which `minutes` (integer ≥ 0) working minutes have elapsed since `from`.
   * Counting starts at nextWorkingInstant(from). addWorkingMinutes(t, 0) = nextWorkingInstant(t).
   * A count that completes exactly at the end of a period gives that end (a due time of 18:00,
   * not the next morning's 09:00).
   */
  addWorkingMinutes(from: Instant, minutes: number): Instant
  /** Working minutes in [from, to); negative when to < from. Fractions of a minute count as fractions. */
  workingMinutesBetween(from: Instant, to: Instant): number
  /** The local date of an instant in the calendar's zone. */
  dateOf(at: Instant): CivilDate
  /** Local midnight of a date in the calendar's zone (DST-correct). */
  startOfDay(date: CivilDate): Instant
  /**
   * The instant of a local time ("HH:MM", "24:00" being the next midnight) on a date. A time
   * that happens twice when the clocks go back gives its earlier occurrence; a time skipped when
   * they go forward moves forward to the instant of the jump (Berlin 2026-03-29 02:30 → 03:00 CEST).
   */
  instantAt(date: CivilDate, time: string): Instant
  /**
   * The working day `days` working days after (before, when negative) `date`. With 0: `date`
   * when it is a working day, else the next working day, so the answer is always a working day.
   */
  addWorkingDays(date: CivilDate, days: number): CivilDate
  /** The kind of a date (working, rest, holiday, make-up day), its name and its working periods. */
  describeDay(date: CivilDate): CalendarDayDescription
  /** The date's working time as instants, in order (empty on a day off). */
  workingIntervalsOn(date: CivilDate): ReadonlyArray<WorkingInterval>
  /**
   * Whether the calendar lists holidays for the date's year. Outside the covered years only the
   * weekly pattern applies (an official calendar cannot know a holiday not yet announced), so a
   * caller computing a due date there should say the date is provisional.
   */
  covers(date: CivilDate): boolean
}

const weekdays: ReadonlyArray<Weekday> = [1, 2, 3, 4, 5, 6, 7]

function periodMinutes(periods: ReadonlyArray<WorkingPeriod>): ReadonlyArray<number> {
  return periods.flatMap((period) => [parseTimeOfDay(period.start)!, parseTimeOfDay(period.end)!])
}

function totalMinutes(minutes: ReadonlyArray<number>): number {
  let total = 0
  for (let index = 0; index < minutes.length; index += 2) total += minutes[index + 1]! - minutes[index]!
  return total
}

function requireInstant(name: string, value: Instant): void {
  if (!isInstant(value))
    throw new RangeError(`${name} must be an instant (integer epoch milliseconds): ${value}`)
}

function requireDate(name: string, value: CivilDate): number {
  if (typeof value !== "string" || parseCivilDate(value) === undefined)
    throw new TypeError(`${name} must be a date written YYYY-MM-DD: ${String(value)}`)
  return dayNumber(value)
}

function lowerBound(sorted: ReadonlyArray<number>, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Validates a calendar definition (zone exists, periods well formed and ordered, no date both a
 * holiday and a make-up day) and builds the calendar; problems come back with their field paths.
 */
export function makeBusinessCalendar(definition: unknown): Result.Result<BusinessCalendar, ValidationError> {
  return Result.map(parseCalendarDefinition(definition), calendarOf)
}

/** Builds the calendar of a definition that has been validated. */
export function calendarOf(definition: CalendarDefinition): BusinessCalendar {
  const zone = timeZoneRules(definition.timeZone)
  const weekMinutes = new Map<Weekday, ReadonlyArray<number>>(
    weekdays.map((weekday) => [weekday, periodMinutes(definition.week[weekday])]),
  )
  // "The Monday pattern"; a company closed on Mondays gets its first working weekday instead.
  const standardWeekday = weekdays.find((weekday) => weekMinutes.get(weekday)!.length > 0) ?? 1
  const standardMinutes = weekMinutes.get(standardWeekday)!
  const makeUpMinutes = definition.makeUpHours ? periodMinutes(definition.makeUpHours) : standardMinutes
  const makeUpPeriods = definition.makeUpHours ?? definition.week[standardWeekday]
  const holidays = new Map(definition.holidays.map((day) => [dayNumber(day.date), day.name]))
  const makeUpDays = new Map(definition.makeUpWorkdays.map((day) => [dayNumber(day.date), day.name]))
  const specialDays = [...holidays.keys(), ...makeUpDays.keys()].sort((a, b) => a - b)
  const workingDaysPerWeek = weekdays.filter((weekday) => weekMinutes.get(weekday)!.length > 0).length
  const coveredYears = definition.coveredYears ? new Set(definition.coveredYears) : undefined
  const noPeriods: ReadonlyArray<number> = []

  const periodsOf = (day: number): ReadonlyArray<number> => {
    if (holidays.has(day)) return noPeriods
    if (makeUpDays.has(day)) return makeUpMinutes
    return weekMinutes.get(weekdayOfDayNumber(day))!
  }
  const isWorkingDayNumber = (day: number) => periodsOf(day).length > 0
  const index = makeWorkingTimeIndex(zone, periodsOf)

  /** The working day `count` working days from `day` in `direction`, skipping plain weeks 7 days at a time. */
  function stepWorkingDays(day: number, count: number, direction: 1 | -1): number {
    let current = day
    let remaining = count
    while (remaining > 0) {
      // A week with no holiday or make-up day in it has exactly `workingDaysPerWeek` working days.
      if (remaining > workingDaysPerWeek) {
        const low = direction === 1 ? current + 1 : current - 7
        const found = lowerBound(specialDays, low)
        if (found >= specialDays.length || specialDays[found]! > low + 6) {
          current += 7 * direction
          remaining -= workingDaysPerWeek
          continue
        }
      }
      current += direction
      if (isWorkingDayNumber(current)) remaining -= 1
    }
    return current
  }

  const calendar: BusinessCalendar = {
    definition,
    standardDayMinutes: totalMinutes(standardMinutes),
    isWorkingDay: (date) => isWorkingDayNumber(requireDate("date", date)),
    isWorkingInstant(at) {
      requireInstant("at", at)
      return index.isWorkingInstant(at)
    },
    nextWorkingInstant(at) {
      requireInstant("at", at)
      return index.addWorkingMillis(at, 0)
    },
    addWorkingMinutes(from, minutes) {
      requireInstant("from", from)
      if (!Number.isSafeInteger(minutes) || minutes < 0)
        throw new RangeError(`minutes must be a whole number ≥ 0: ${minutes}`)
      return index.addWorkingMillis(from, minutes * minuteMillis)
    },
    workingMinutesBetween(from, to) {
      requireInstant("from", from)
      requireInstant("to", to)
      // `0 -` rather than unary minus: no working time backwards is 0, not -0.
      if (to < from) return 0 - index.workingMillisBetween(to, from) / minuteMillis
      return index.workingMillisBetween(from, to) / minuteMillis
    },
    dateOf(at) {
      requireInstant("at", at)
      return fromDayNumber(Math.floor(zone.wallClockOf(at) / dayMillis))
    },
    startOfDay: (date) => zone.instantOfWallClock(requireDate("date", date) * dayMillis),
    instantAt(date, time) {
      const day = requireDate("date", date)
      const minutes = parseTimeOfDay(time)
      if (minutes === undefined) throw new TypeError(`time must be written HH:MM (00:00–24:00): ${time}`)
      return zone.instantOfWallClock(day * dayMillis + minutes * minuteMillis)
    },
    addWorkingDays(date, days) {
      const day = requireDate("date", date)
      if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number: ${days}`)
      if (days === 0) return fromDayNumber(isWorkingDayNumber(day) ? day : stepWorkingDays(day, 1, 1))
      return fromDayNumber(stepWorkingDays(day, Math.abs(days), days > 0 ? 1 : -1))
    },
    describeDay(date) {
      const day = requireDate("date", date)
      const holiday = holidays.get(day)
      if (holiday) return { date, kind: "holiday", name: holiday, periods: [] }
      const makeUp = makeUpDays.get(day)
      if (makeUp) return { date, kind: "makeUpWorkday", name: makeUp, periods: makeUpPeriods }
      const periods = definition.week[weekdayOfDayNumber(day)]
      return { date, kind: periods.length > 0 ? "workingDay" : "restDay", periods }
    },
    workingIntervalsOn(date) {
      const bounds = index.day(requireDate("date", date)).bounds
      const intervals: Array<WorkingInterval> = []
      for (let position = 0; position < bounds.length; position += 2)
        intervals.push({ start: bounds[position]!, end: bounds[position + 1]! })
      return intervals
    },
    covers: (date) => {
      requireDate("date", date)
      return coveredYears === undefined || coveredYears.has(civilParts(date).year)
    },
  }
  return calendar
}
