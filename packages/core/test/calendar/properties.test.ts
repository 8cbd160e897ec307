import {
  type BusinessCalendar,
  chinaMainlandCalendar,
  chinaMainlandDefinition,
  chinaMainlandOfficeWeek,
  civilDate,
  dayNumber,
  label,
  makeBusinessCalendar,
  weekdayOf,
} from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const minute = 60_000
const china = chinaMainlandCalendar()
const berlin = Result.getOrThrow(
  makeBusinessCalendar({
    id: "berlin-night-desk",
    name: label("柏林夜班", "Berlin night desk"),
    timeZone: "Europe/Berlin",
    // Night work across both DST changes, a lunch break, and Saturday mornings.
    week: {
      ...chinaMainlandOfficeWeek,
      6: [{ start: "08:00", end: "12:00" }],
      7: [
        { start: "00:00", end: "03:30" },
        { start: "22:00", end: "24:00" },
      ],
    },
    holidays: [{ date: "2026-12-25", name: label("圣诞节", "Christmas Day") }],
    makeUpWorkdays: [],
  }),
)

const calendars: ReadonlyArray<[string, BusinessCalendar]> = [
  ["China mainland", china],
  ["Berlin night desk", berlin],
]
// Any millisecond in 2025–2026 (and a little beyond, where only the weekly pattern applies).
const instant = fc.integer({ min: Date.UTC(2024, 11, 20), max: Date.UTC(2027, 0, 10) })
const minutes = fc.integer({ min: 0, max: 120_000 }) // up to about 250 working days

describe.each(calendars)("working-time properties: %s", (_name, calendar) => {
  it("adding a then b is adding a + b (b ≥ 1)", () => {
    fc.assert(
      fc.property(instant, minutes, fc.integer({ min: 1, max: 120_000 }), (from, a, b) => {
        expect(calendar.addWorkingMinutes(calendar.addWorkingMinutes(from, a), b)).toBe(
          calendar.addWorkingMinutes(from, a + b),
        )
      }),
    )
  })

  it("adding 0 after a count lands on the next working instant (why b ≥ 1 above)", () => {
    fc.assert(
      fc.property(instant, minutes, (from, a) => {
        const landed = calendar.addWorkingMinutes(from, a)
        expect(calendar.addWorkingMinutes(landed, 0)).toBe(calendar.nextWorkingInstant(landed))
      }),
    )
  })

  it("the working minutes from t to t + n working minutes are n", () => {
    fc.assert(
      fc.property(instant, minutes, (from, count) => {
        expect(calendar.workingMinutesBetween(from, calendar.addWorkingMinutes(from, count))).toBe(count)
        const start = calendar.nextWorkingInstant(from)
        expect(calendar.isWorkingInstant(start)).toBe(true)
        expect(calendar.workingMinutesBetween(start, calendar.addWorkingMinutes(start, count))).toBe(count)
      }),
    )
  })

  it("results land on working instants, or on the end of a period", () => {
    fc.assert(
      fc.property(instant, minutes, (from, count) => {
        const landed = calendar.addWorkingMinutes(from, count)
        if (count === 0) expect(calendar.isWorkingInstant(landed)).toBe(true)
        else expect(calendar.isWorkingInstant(landed) || calendar.isWorkingInstant(landed - 1)).toBe(true)
        expect(landed).toBeGreaterThanOrEqual(from)
      }),
    )
  })

  it("is monotone in the start, the count and the end", () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (first, second, a, b) => {
        const [early, late] = first <= second ? [first, second] : [second, first]
        const [few, many] = a <= b ? [a, b] : [b, a]
        expect(calendar.addWorkingMinutes(early, few)).toBeLessThanOrEqual(
          calendar.addWorkingMinutes(late, few),
        )
        expect(calendar.addWorkingMinutes(early, few)).toBeLessThanOrEqual(
          calendar.addWorkingMinutes(early, many),
        )
        expect(calendar.workingMinutesBetween(early, late)).toBeGreaterThanOrEqual(0)
        expect(
          calendar.workingMinutesBetween(early, late) + calendar.workingMinutesBetween(late, early),
        ).toBe(0)
      }),
    )
  })

  it("adds working time up: between(a, c) = between(a, b) + between(b, c)", () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const sum = calendar.workingMinutesBetween(a, b) + calendar.workingMinutesBetween(b, c)
        expect(calendar.workingMinutesBetween(a, c)).toBeCloseTo(sum, 6)
      }),
    )
  })

  it("never counts more working time than elapsed time, and none on a day off", () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        expect(calendar.workingMinutesBetween(from, to)).toBeLessThanOrEqual((to - from) / minute)
        const day = calendar.dateOf(from)
        if (!calendar.isWorkingDay(day)) expect(calendar.workingIntervalsOn(day)).toEqual([])
      }),
    )
  })
})

/**
 * The China calendar's definition read literally, minute by minute: Shanghai is UTC+8 without
 * DST, so the local time is plain arithmetic here, independent of the implementation.
 */
const definition = Result.getOrThrow(chinaMainlandDefinition())
const holidays = new Set(definition.holidays.map((day) => dayNumber(day.date)))
const makeUpDays = new Set(definition.makeUpWorkdays.map((day) => dayNumber(day.date)))
function chinaIsWorkingMinute(at: number): boolean {
  const local = at + 8 * 60 * minute
  const day = Math.floor(local / 86_400_000)
  const minuteOfDay = Math.floor((local - day * 86_400_000) / minute)
  if (holidays.has(day)) return false
  const weekday = weekdayOf(civilDate(new Date(day * 86_400_000).toISOString().slice(0, 10)))
  if (!makeUpDays.has(day) && (weekday === 6 || weekday === 7)) return false
  return (minuteOfDay >= 540 && minuteOfDay < 720) || (minuteOfDay >= 780 && minuteOfDay < 1080)
}

describe("agrees with the minute-by-minute reading of the China definition", () => {
  const wholeMinute = instant.map((at) => Math.floor(at / minute) * minute)

  it("on additions", () => {
    fc.assert(
      fc.property(wholeMinute, fc.integer({ min: 0, max: 3000 }), (from, count) => {
        let at = from
        while (!chinaIsWorkingMinute(at)) at += minute
        let counted = 0
        while (counted < count) {
          if (chinaIsWorkingMinute(at)) counted++
          at += minute
        }
        if (count > 0) expect(china.addWorkingMinutes(from, count)).toBe(at)
        else expect(china.nextWorkingInstant(from)).toBe(at)
      }),
      { numRuns: 60 },
    )
  })

  it("on spans", () => {
    fc.assert(
      fc.property(wholeMinute, fc.integer({ min: 0, max: 20 * 1440 }), (from, span) => {
        let expected = 0
        for (let at = from; at < from + span * minute; at += minute) if (chinaIsWorkingMinute(at)) expected++
        expect(china.workingMinutesBetween(from, from + span * minute)).toBe(expected)
      }),
      { numRuns: 30 },
    )
  })
})
