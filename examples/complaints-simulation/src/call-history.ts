// The 400 service hotline's traffic, drawn from the company's own contact pattern: the simulated
// complaints say when customers get in touch (time of day, day of week, 春节 and 清明), the hotline
// takes many times as many calls (inquiries, repairs, orders, installations) in the same rhythm,
// and the complaints that actually arrived by phone are among its calls.
import {
  addDays,
  type BusinessCalendar,
  type CallCenter,
  type CivilDate,
  type Instant,
  type Weekday,
  weekdayOf,
} from "@tixi/core"
import type { Random } from "./random.ts"

/** Minutes per interval of the hotline's records: the 96 intervals of the staffing grid. */
export const intervalMinutes = 15
/** Intervals in a day. */
export const intervalsPerDay = 1440 / intervalMinutes
const intervalMillis = intervalMinutes * 60_000

/** When customers get in touch, read from their complaints. */
export interface ContactPattern {
  /** Share of a day's contacts in each 15-minute interval (sums to 1), smoothed. */
  readonly intervalShares: ReadonlyArray<number>
  /** An ordinary day of each weekday relative to the average ordinary day (Monday first, mean 1). */
  readonly weekdayFactors: Readonly<Record<Weekday, number>>
  /** Complaints on an average ordinary day (not a holiday or make-up working day). */
  readonly complaintsPerDay: number
  /** Share of complaints that came by phone, and so through the hotline. */
  readonly phoneShare: number
}

/** How the hotline's traffic relates to the complaints, and how it moves. */
export interface HotlineSetting {
  /** Calls of every kind per complaint on the same day (complaints are a small part of the hotline's work). */
  readonly callsPerComplaint: number
  /** Growth of the hotline's traffic over a quarter (new products, a larger installed base). */
  readonly quarterlyGrowth: number
  /** A holiday's traffic relative to an average day. */
  readonly holidayFactor: number
  /** A make-up working day's (调休上班) traffic relative to an average day. */
  readonly makeUpDayFactor: number
}

/** The demo's hotline: sixty calls for every complaint, growing 8 % a quarter. */
export const hotlineSetting: HotlineSetting = {
  callsPerComplaint: 60,
  quarterlyGrowth: 0.08,
  holidayFactor: 0.4,
  makeUpDayFactor: 0.85,
}

/** One contact the pattern is read from: when it arrived and whether by phone. */
export interface Contact {
  readonly at: Instant
  readonly byPhone: boolean
}

/** The interval of the day an instant falls in (by the local day's midnight). */
export function intervalOf(calendar: BusinessCalendar, at: Instant): { date: CivilDate; interval: number } {
  const date = calendar.dateOf(at)
  return {
    date,
    interval: Math.min(intervalsPerDay - 1, Math.floor((at - calendar.startOfDay(date)) / intervalMillis)),
  }
}

const isOrdinary = (calendar: BusinessCalendar, date: CivilDate) => {
  const kind = calendar.describeDay(date).kind
  return kind === "workingDay" || kind === "restDay"
}

/**
 * Reads the contact pattern from the contacts of `days` days from `from`: intraday shares over
 * ordinary days, smoothed over an hour (the complaints are a few thousand, the hotline's shape is
 * not that ragged), and each weekday's level relative to the others.
 */
export function contactPatternOf(
  contacts: ReadonlyArray<Contact>,
  calendar: BusinessCalendar,
  from: CivilDate,
  days: number,
): ContactPattern {
  const counts = new Float64Array(intervalsPerDay)
  const perWeekday = new Float64Array(8)
  const weekdayDays = new Float64Array(8)
  const dayIndex = new Map<CivilDate, number>()
  for (let day = 0; day < days; day++) {
    const date = addDays(from, day)
    dayIndex.set(date, day)
    if (isOrdinary(calendar, date)) weekdayDays[weekdayOf(date)]! += 1
  }
  let ordinary = 0
  let phone = 0
  for (const contact of contacts) {
    const { date, interval } = intervalOf(calendar, contact.at)
    if (!dayIndex.has(date) || !isOrdinary(calendar, date)) continue
    counts[interval]! += 1
    perWeekday[weekdayOf(date)]! += 1
    ordinary += 1
    if (contact.byPhone) phone += 1
  }
  // A centred one-hour kernel, wrapping round midnight (the hotline answers day and night).
  const kernel = [1, 2, 3, 2, 1]
  const smoothed = Array.from({ length: intervalsPerDay }, (_, interval) =>
    kernel.reduce(
      (sum, weight, offset) =>
        sum + weight * counts[(interval + offset - 2 + intervalsPerDay) % intervalsPerDay]!,
      0,
    ),
  )
  const total = smoothed.reduce((sum, value) => sum + value, 0)
  const weekdays: ReadonlyArray<Weekday> = [1, 2, 3, 4, 5, 6, 7]
  const seen = weekdays.filter((weekday) => weekdayDays[weekday]! > 0)
  const seenMean =
    seen.reduce((sum, weekday) => sum + perWeekday[weekday]! / weekdayDays[weekday]!, 0) /
    Math.max(1, seen.length)
  // A weekday the period never saw as an ordinary day (a short run across 春节) counts as average.
  const averages = weekdays.map((weekday) =>
    weekdayDays[weekday]! === 0 ? seenMean : perWeekday[weekday]! / weekdayDays[weekday]!,
  )
  const mean = averages.reduce((sum, value) => sum + value, 0) / weekdays.length
  const ordinaryDays = weekdayDays.reduce((sum, value) => sum + value, 0)
  return {
    intervalShares: smoothed.map((value) => (total === 0 ? 1 / intervalsPerDay : value / total)),
    weekdayFactors: Object.fromEntries(
      weekdays.map((weekday, index) => [weekday, mean === 0 ? 1 : averages[index]! / mean]),
    ) as Record<Weekday, number>,
    complaintsPerDay: ordinaryDays === 0 ? 0 : ordinary / ordinaryDays,
    phoneShare: ordinary === 0 ? 0 : phone / ordinary,
  }
}

/** The hotline's expected calls per interval on a date; `daysFromStart` drives the growth. */
export function expectedCalls(
  pattern: ContactPattern,
  setting: HotlineSetting,
  calendar: BusinessCalendar,
  date: CivilDate,
  daysFromStart: number,
): ReadonlyArray<number> {
  const kind = calendar.describeDay(date).kind
  const level =
    kind === "holiday"
      ? setting.holidayFactor
      : kind === "makeUpWorkday"
        ? setting.makeUpDayFactor
        : pattern.weekdayFactors[weekdayOf(date)]
  const growth = 1 + (setting.quarterlyGrowth * daysFromStart) / 91
  const daily = pattern.complaintsPerDay * setting.callsPerComplaint * level * growth
  return pattern.intervalShares.map((share) => share * daily)
}

/**
 * The hotline's history, one day per date from `from`, oldest first. On the simulated days (from
 * `simulatedFrom`) each interval's calls are the other calls drawn around the expectation (the
 * phone complaints' part of it set aside) plus the complaints that actually came by phone in it;
 * earlier days, when the history reaches back before the simulation, are drawn whole. Holidays
 * and make-up working days are marked `excluded`: they say nothing of an ordinary day and the
 * forecast neither learns from them nor scores its error on them.
 */
export function hotlineHistory(
  random: Random,
  pattern: ContactPattern,
  setting: HotlineSetting,
  calendar: BusinessCalendar,
  from: CivilDate,
  days: number,
  phoneComplaints: ReadonlyArray<Instant>,
  simulatedFrom: CivilDate = from,
): ReadonlyArray<CallCenter.CallHistoryDay> {
  const complaintCalls = new Map<CivilDate, Int32Array>()
  for (const at of phoneComplaints) {
    const { date, interval } = intervalOf(calendar, at)
    let day = complaintCalls.get(date)
    if (day === undefined) {
      day = new Int32Array(intervalsPerDay)
      complaintCalls.set(date, day)
    }
    day[interval]! += 1
  }
  const complaintPart = 1 / setting.callsPerComplaint
  return Array.from({ length: days }, (_, day) => {
    const date = addDays(from, day)
    const expected = expectedCalls(pattern, setting, calendar, date, day)
    const complaints = complaintCalls.get(date)
    const otherShare = date < simulatedFrom ? 1 : 1 - complaintPart * pattern.phoneShare
    return {
      date,
      calls: expected.map(
        (mean, interval) => random.poisson(mean * otherShare) + (complaints?.[interval] ?? 0),
      ),
      ...(isOrdinary(calendar, date) ? {} : { excluded: true }),
    }
  })
}
