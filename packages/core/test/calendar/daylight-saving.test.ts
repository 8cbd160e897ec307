import {
  addDays,
  alwaysOpenCalendar,
  type BusinessCalendar,
  civilDate,
  label,
  makeBusinessCalendar,
  type WorkingPeriod,
} from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const office: ReadonlyArray<WorkingPeriod> = [
  { start: "09:00", end: "12:00" },
  { start: "13:00", end: "17:00" },
]

function officeCalendar(timeZone: string, sunday: ReadonlyArray<WorkingPeriod> = []): BusinessCalendar {
  return Result.getOrThrow(
    makeBusinessCalendar({
      id: "office",
      name: label("办公室", "Office"),
      timeZone,
      week: { 1: office, 2: office, 3: office, 4: office, 5: office, 6: [], 7: sunday },
      holidays: [],
      makeUpWorkdays: [],
    }),
  )
}

const date = (text: string) => civilDate(text)
const minute = 60_000

// Berlin 2026: clocks go 02:00 CET → 03:00 CEST on Sunday 29 March (01:00Z) and
// 03:00 CEST → 02:00 CET on Sunday 25 October (01:00Z).
describe("Europe/Berlin across the 2026 changes", () => {
  // A maintenance desk staffed Sunday 00:00–06:00 — right across both changes.
  const berlin = officeCalendar("Europe/Berlin", [{ start: "00:00", end: "06:00" }])

  it("has a 23-hour and a 25-hour day", () => {
    const hotline = alwaysOpenCalendar("Europe/Berlin")
    const day = (text: string) =>
      hotline.workingMinutesBetween(
        hotline.startOfDay(date(text)),
        hotline.startOfDay(addDays(date(text), 1)),
      )
    expect(day("2026-03-29")).toBe(23 * 60)
    expect(day("2026-10-25")).toBe(25 * 60)
    expect(day("2026-03-28")).toBe(24 * 60)
    expect(hotline.startOfDay(date("2026-03-29"))).toBe(Date.UTC(2026, 2, 28, 23))
    expect(hotline.startOfDay(date("2026-03-30"))).toBe(Date.UTC(2026, 2, 29, 22))
  })

  it("counts the night shift in real minutes: 5 hours in spring, 7 in autumn", () => {
    const spring = berlin.workingIntervalsOn(date("2026-03-29"))
    expect(spring).toEqual([{ start: Date.UTC(2026, 2, 28, 23), end: Date.UTC(2026, 2, 29, 4) }])
    const autumn = berlin.workingIntervalsOn(date("2026-10-25"))
    expect(autumn).toEqual([{ start: Date.UTC(2026, 9, 24, 22), end: Date.UTC(2026, 9, 25, 5) }])
    // Friday 16:00 → Monday 10:00: 1 h + the Sunday shift + 1 h.
    const friday = berlin.instantAt(date("2026-03-27"), "16:00")
    const monday = berlin.instantAt(date("2026-03-30"), "10:00")
    expect(berlin.workingMinutesBetween(friday, monday)).toBe(60 + 300 + 60)
    expect(
      berlin.workingMinutesBetween(
        berlin.instantAt(date("2026-10-23"), "16:00"),
        berlin.instantAt(date("2026-10-26"), "10:00"),
      ),
    ).toBe(60 + 420 + 60)
  })

  it("adds working minutes across the change", () => {
    // From Saturday noon, 360 working minutes: the 300 of the Sunday shift, then Monday 09:00–10:00 CEST.
    const saturday = berlin.instantAt(date("2026-03-28"), "12:00")
    expect(berlin.addWorkingMinutes(saturday, 300)).toBe(Date.UTC(2026, 2, 29, 4))
    expect(berlin.addWorkingMinutes(saturday, 360)).toBe(Date.UTC(2026, 2, 30, 8))
    // 01:59 CET is working time; one working minute later it is 03:00 CEST.
    expect(berlin.addWorkingMinutes(Date.UTC(2026, 2, 29, 0, 59), 1)).toBe(Date.UTC(2026, 2, 29, 1))
    expect(berlin.isWorkingInstant(Date.UTC(2026, 2, 29, 1))).toBe(true)
    // In autumn the repeated hour 02:00–03:00 is worked twice.
    expect(berlin.workingMinutesBetween(Date.UTC(2026, 9, 24, 23), Date.UTC(2026, 9, 25, 3))).toBe(240)
  })

  it("places a skipped local time at the jump and a repeated one at its first occurrence", () => {
    expect(berlin.instantAt(date("2026-03-29"), "02:30")).toBe(Date.UTC(2026, 2, 29, 1))
    expect(berlin.instantAt(date("2026-03-29"), "03:30")).toBe(Date.UTC(2026, 2, 29, 1, 30))
    expect(berlin.instantAt(date("2026-10-25"), "02:30")).toBe(Date.UTC(2026, 9, 25, 0, 30))
    expect(berlin.dateOf(Date.UTC(2026, 2, 29, 21, 59))).toBe("2026-03-29")
    expect(berlin.dateOf(Date.UTC(2026, 2, 29, 22))).toBe("2026-03-30")
  })

  it("shortens a period that starts inside the gap and lengthens one across the repeated hour", () => {
    const early = officeCalendar("Europe/Berlin", [{ start: "02:30", end: "04:00" }])
    expect(early.workingIntervalsOn(date("2026-03-29"))).toEqual([
      { start: Date.UTC(2026, 2, 29, 1), end: Date.UTC(2026, 2, 29, 2) },
    ])
    expect(early.workingIntervalsOn(date("2026-10-25"))).toEqual([
      { start: Date.UTC(2026, 9, 25, 0, 30), end: Date.UTC(2026, 9, 25, 3) },
    ])
  })
})

describe("America/New_York across the 2026 changes", () => {
  const newYork = officeCalendar("America/New_York")

  it("keeps office hours at 09:00 local on both sides of spring-forward (8 March)", () => {
    expect(newYork.instantAt(date("2026-03-06"), "09:00")).toBe(Date.UTC(2026, 2, 6, 14))
    expect(newYork.instantAt(date("2026-03-09"), "09:00")).toBe(Date.UTC(2026, 2, 9, 13))
    const friday = newYork.instantAt(date("2026-03-06"), "09:00")
    const monday = newYork.instantAt(date("2026-03-09"), "17:00")
    expect(newYork.workingMinutesBetween(friday, monday)).toBe(14 * 60)
    expect(newYork.addWorkingMinutes(newYork.instantAt(date("2026-03-06"), "16:00"), 120)).toBe(
      Date.UTC(2026, 2, 9, 14),
    )
    expect(newYork.instantAt(date("2026-03-08"), "02:30")).toBe(Date.UTC(2026, 2, 8, 7))
  })

  it("and of fall-back (1 November)", () => {
    expect(newYork.addWorkingMinutes(newYork.instantAt(date("2026-10-30"), "16:30"), 60)).toBe(
      Date.UTC(2026, 10, 2, 14, 30),
    )
    expect(newYork.instantAt(date("2026-11-01"), "01:30")).toBe(Date.UTC(2026, 10, 1, 5, 30))
  })
})

/**
 * The definition read literally, one minute at a time: an instant is working time when its local
 * wall clock (read through Intl) is on a weekday within office hours. Exact for periods that do
 * not touch the hours the clocks change.
 */
const referenceFormatters = new Map<string, Intl.DateTimeFormat>()
function referenceIsWorking(timeZone: string, at: number): boolean {
  let formatter = referenceFormatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    })
    referenceFormatters.set(timeZone, formatter)
  }
  const parts = formatter.formatToParts(at)
  const get = (type: string) => parts.find((part) => part.type === type)!.value
  if (get("weekday") === "Sat" || get("weekday") === "Sun") return false
  const minutes = Number(get("hour")) * 60 + Number(get("minute"))
  return (minutes >= 540 && minutes < 720) || (minutes >= 780 && minutes < 1020)
}

describe("agrees with the minute-by-minute definition around DST changes", () => {
  for (const [timeZone, change] of [
    ["Europe/Berlin", Date.UTC(2026, 2, 29, 1)],
    ["Europe/Berlin", Date.UTC(2026, 9, 25, 1)],
    ["America/New_York", Date.UTC(2026, 2, 8, 7)],
    ["America/New_York", Date.UTC(2026, 10, 1, 6)],
  ] as const) {
    it(`${timeZone} near ${new Date(change).toISOString().slice(0, 10)}`, () => {
      const calendar = officeCalendar(timeZone)
      const minuteNear = fc
        .integer({ min: -4 * 24 * 60, max: 4 * 24 * 60 })
        .map((offset) => change + offset * minute)
      fc.assert(
        fc.property(minuteNear, fc.integer({ min: 0, max: 3 * 24 * 60 }), (from, span) => {
          let expected = 0
          for (let at = from; at < from + span * minute; at += minute)
            if (referenceIsWorking(timeZone, at)) expected++
          expect(calendar.workingMinutesBetween(from, from + span * minute)).toBe(expected)
          expect(calendar.isWorkingInstant(from)).toBe(referenceIsWorking(timeZone, from))
        }),
        { numRuns: 20 },
      )
    })
  }
})
