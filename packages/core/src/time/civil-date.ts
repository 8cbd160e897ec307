import { z } from "zod"
import { dayMillis, type Instant } from "./instant.ts"

/**
 * A calendar date without a time or zone, written `YYYY-MM-DD`: a holiday, a promised handling
 * date (承诺办理日), a form's 受理日期. Compared as strings, they sort chronologically.
 */
export type CivilDate = string & { readonly __civilDate: true }

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

const civilPattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days in a month of a year of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Parses `YYYY-MM-DD`, rejecting dates that do not exist (2026-02-30); undefined if invalid. */
export function parseCivilDate(text: string): CivilDate | undefined {
  const match = civilPattern.exec(text)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return text as CivilDate
}

/**
 * The earliest year a date from untrusted data may have. A credit file's 创业日期 may lie centuries
 * back, but no customer-service date lies before 1800; the bound keeps date arithmetic (adding a
 * service level, a window) inside four-digit years.
 */
export const earliestCivilYear = 1800
/** The latest year a date from untrusted data may have (see `earliestCivilYear`). */
export const latestCivilYear = 2199

/** Whether a parsed date's year lies from `earliestCivilYear` to `latestCivilYear`. */
export const isCivilDateInRange = (date: CivilDate): boolean => {
  const year = Number(date.slice(0, 4))
  return year >= earliestCivilYear && year <= latestCivilYear
}

/**
 * Validates a `YYYY-MM-DD` date from untrusted data, rejecting dates that do not exist and years
 * outside 1800–2199. The brand is for the type checker only, so the schema is cast rather than
 * given a `.transform`, which would make every parse of a form with a date several times slower.
 */
export const civilDateSchema: z.ZodType<CivilDate> = z.string().superRefine((value, context) => {
  const parsed = parseCivilDate(value)
  if (parsed === undefined)
    context.addIssue({ code: "custom", message: "must be a real date written YYYY-MM-DD" })
  else if (!isCivilDateInRange(parsed))
    context.addIssue({
      code: "custom",
      message: `must be a date from ${earliestCivilYear} to ${latestCivilYear}`,
    })
}) as unknown as z.ZodType<CivilDate>

/** Like `parseCivilDate`, but throws; for literals in code, data and tests. */
export function civilDate(text: string): CivilDate {
  const parsed = parseCivilDate(text)
  if (parsed === undefined) throw new TypeError(`not a date (YYYY-MM-DD): ${text}`)
  return parsed
}

/** The date with the given year, month (1–12) and day. */
export function civilDateOf(year: number, month: number, day: number): CivilDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CivilDate
}

/** Year, month (1–12) and day of a date. */
export function civilParts(date: CivilDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

/**
 * Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil` algorithm:
 * exact integer arithmetic, no Date object.
 */
export function dayNumberOfParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/** Days since 1970-01-01 of a date. */
export function dayNumber(date: CivilDate): number {
  const { year, month, day } = civilParts(date)
  return dayNumberOfParts(year, month, day)
}

/** The date of a day number (inverse of `dayNumber`), by Hinnant's `civil_from_days`. */
export function fromDayNumber(days: number): CivilDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const monthPrime = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * monthPrime + 2) / 5) + 1
  const month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return civilDateOf(year, month, day)
}

/** The date `days` later (earlier when negative). */
export const addDays = (date: CivilDate, days: number): CivilDate => fromDayNumber(dayNumber(date) + days)

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CivilDate, to: CivilDate): number => dayNumber(to) - dayNumber(from)

/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
export const weekdayOfDayNumber = (days: number): Weekday => (((((days + 3) % 7) + 7) % 7) + 1) as Weekday

/** ISO weekday of a date (1 Monday … 7 Sunday). */
export const weekdayOf = (date: CivilDate): Weekday => weekdayOfDayNumber(dayNumber(date))

/** The UTC date of an instant; for zone-aware dates use a business calendar's `dateOf`. */
export const utcDateOf = (instant: Instant): CivilDate => fromDayNumber(Math.floor(instant / dayMillis))
