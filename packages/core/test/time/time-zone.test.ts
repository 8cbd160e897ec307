import {
  civilDate,
  dayMillis,
  dayNumber,
  hourMillis,
  isKnownTimeZone,
  minuteMillis,
  timeZoneRules,
} from "@tixi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

// Tests may use Date (the core may not): it is the independent reference here.
const wallClock = (date: string, time = "00:00") =>
  dayNumber(civilDate(date)) * dayMillis +
  Number(time.slice(0, 2)) * hourMillis +
  Number(time.slice(3)) * minuteMillis

/** The wall clock of an instant in a zone, read independently through Intl's formatted string. */
function referenceWallClock(zone: string, at: number): number {
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(at)
  const [date, time] = text.split(" ")
  const [hour, minute, second] = time!.split(":").map(Number)
  return dayNumber(civilDate(date!)) * dayMillis + ((hour! * 60 + minute!) * 60 + second!) * 1000
}

describe("time-zone rules", () => {
  it("knows Shanghai is UTC+8 all year", () => {
    const shanghai = timeZoneRules("Asia/Shanghai")
    expect(shanghai.offsetAt(Date.UTC(2026, 0, 15))).toBe(8 * hourMillis)
    expect(shanghai.offsetAt(Date.UTC(2026, 6, 15))).toBe(8 * hourMillis)
    expect(shanghai.transitionsBetween(Date.UTC(2025, 0, 1), Date.UTC(2027, 0, 1))).toEqual([])
    expect(shanghai.instantOfWallClock(wallClock("2026-02-13", "16:00"))).toBe(Date.UTC(2026, 1, 13, 8))
  })

  it("finds Berlin's 2026 changes to the second", () => {
    const berlin = timeZoneRules("Europe/Berlin")
    expect(berlin.transitionsBetween(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { at: Date.UTC(2026, 2, 29, 1), offsetBefore: hourMillis, offsetAfter: 2 * hourMillis },
      { at: Date.UTC(2026, 9, 25, 1), offsetBefore: 2 * hourMillis, offsetAfter: hourMillis },
    ])
    expect(berlin.offsetAt(Date.UTC(2026, 2, 29, 1) - 1)).toBe(hourMillis)
    expect(berlin.offsetAt(Date.UTC(2026, 2, 29, 1))).toBe(2 * hourMillis)
  })

  it("moves a time skipped by spring-forward to the instant of the jump", () => {
    const berlin = timeZoneRules("Europe/Berlin")
    // 02:00 CET jumps to 03:00 CEST: 02:30 never happens, the first local time after it is 03:00.
    expect(berlin.instantOfWallClock(wallClock("2026-03-29", "02:30"))).toBe(Date.UTC(2026, 2, 29, 1))
    expect(berlin.instantOfWallClock(wallClock("2026-03-29", "02:00"))).toBe(Date.UTC(2026, 2, 29, 1))
    expect(berlin.instantOfWallClock(wallClock("2026-03-29", "03:00"))).toBe(Date.UTC(2026, 2, 29, 1))
    expect(berlin.instantOfWallClock(wallClock("2026-03-29", "01:59"))).toBe(Date.UTC(2026, 2, 29, 0, 59))
    const newYork = timeZoneRules("America/New_York")
    expect(newYork.instantOfWallClock(wallClock("2026-03-08", "02:15"))).toBe(Date.UTC(2026, 2, 8, 7))
  })

  it("gives the earlier of a time repeated by fall-back", () => {
    const berlin = timeZoneRules("Europe/Berlin")
    // 03:00 CEST goes back to 02:00 CET: 02:30 happens at 00:30Z and again at 01:30Z.
    expect(berlin.instantOfWallClock(wallClock("2026-10-25", "02:30"))).toBe(Date.UTC(2026, 9, 25, 0, 30))
    expect(berlin.instantOfWallClock(wallClock("2026-10-25", "03:00"))).toBe(Date.UTC(2026, 9, 25, 2))
    const newYork = timeZoneRules("America/New_York")
    expect(newYork.instantOfWallClock(wallClock("2026-11-01", "01:30"))).toBe(Date.UTC(2026, 10, 1, 5, 30))
  })

  it("handles half-hour changes and a skipped day", () => {
    const lordHowe = timeZoneRules("Australia/Lord_Howe") // +10:30, +11:00 in summer
    expect(lordHowe.offsetAt(Date.UTC(2026, 6, 1))).toBe(10.5 * hourMillis)
    expect(lordHowe.offsetAt(Date.UTC(2026, 0, 1))).toBe(11 * hourMillis)
    expect(timeZoneRules("Asia/Kathmandu").offsetAt(Date.UTC(2026, 0, 1))).toBe(5.75 * hourMillis)
    // Samoa skipped 2011-12-30 entirely: that day starts and ends at the jump.
    const apia = timeZoneRules("Pacific/Apia")
    const jump = apia.instantOfWallClock(wallClock("2011-12-30"))
    expect(jump).toBe(apia.instantOfWallClock(wallClock("2011-12-31")))
    expect(apia.wallClockOf(jump)).toBe(wallClock("2011-12-31"))
    expect(apia.wallClockOf(jump - 1)).toBe(wallClock("2011-12-30") - 1)
  })

  it("falls back to Intl's parts when the formatted text is not the expected en-US shape", () => {
    // `format` is an accessor on Intl.DateTimeFormat.prototype returning a bound function.
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, "format")!
    let formatted = 0
    Object.defineProperty(Intl.DateTimeFormat.prototype, "format", {
      configurable: true,
      get: () => () => {
        formatted += 1
        return "29.03.2026, 03:00"
      },
    })
    try {
      // A zone no other test has loaded, so its offsets are read while `format` is broken.
      const havana = timeZoneRules("America/Havana")
      expect(havana.offsetAt(Date.UTC(2026, 0, 15))).toBe(-5 * hourMillis)
      expect(havana.offsetAt(Date.UTC(2026, 6, 15))).toBe(-4 * hourMillis)
      expect(formatted).toBeGreaterThan(0)
    } finally {
      Object.defineProperty(Intl.DateTimeFormat.prototype, "format", original)
    }
  })

  it("rejects unknown zones", () => {
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false)
    expect(isKnownTimeZone("")).toBe(false)
    expect(isKnownTimeZone(42)).toBe(false)
    expect(isKnownTimeZone("Asia/Shanghai")).toBe(true)
    expect(() => timeZoneRules("Mars/Olympus_Mons")).toThrow(RangeError)
  })

  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Shanghai",
  ]
  const instants = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 0, 1) })

  it("reads the same wall clock as Intl at any instant", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, at) => {
        const second = Math.floor(at / 1000) * 1000
        expect(timeZoneRules(zone).wallClockOf(second)).toBe(referenceWallClock(zone, second))
      }),
      { numRuns: 300 },
    )
  })

  it("converts a wall clock back to the first instant showing it, never going backwards", () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, instants, (zone, first, second) => {
        const rules = timeZoneRules(zone)
        const wall = rules.wallClockOf(first)
        const back = rules.instantOfWallClock(wall)
        expect(back).toBeLessThanOrEqual(first)
        expect(rules.wallClockOf(back)).toBe(wall)
        const [low, high] = [rules.wallClockOf(first), rules.wallClockOf(second)].sort((a, b) => a - b)
        expect(rules.instantOfWallClock(low!)).toBeLessThanOrEqual(rules.instantOfWallClock(high!))
      }),
      { numRuns: 300 },
    )
  })
})
