import { addDays, civilDate, dayNumber, fromDayNumber, parseCivilDate, weekdayOf } from "@tixi/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

describe("civil dates", () => {
  it("rejects dates that do not exist", () => {
    expect(parseCivilDate("2026-02-29")).toBeUndefined()
    expect(parseCivilDate("2024-02-29")).toBe("2024-02-29")
    expect(parseCivilDate("1900-02-29")).toBeUndefined()
    expect(parseCivilDate("2000-02-29")).toBe("2000-02-29")
    expect(parseCivilDate("2026-13-01")).toBeUndefined()
    expect(parseCivilDate("2026-1-01")).toBeUndefined()
  })

  it("numbers days from 1970-01-01 and knows the weekday", () => {
    expect(dayNumber(civilDate("1970-01-01"))).toBe(0)
    expect(dayNumber(civilDate("2026-11-22"))).toBe(20779) // 56 × 365 + 14 leap days + 325 days into 2026
    expect(weekdayOf(civilDate("2026-11-22"))).toBe(7) // a Sunday
    expect(weekdayOf(civilDate("2026-02-17"))).toBe(2) // Spring Festival 2026, a Tuesday
    expect(weekdayOf(civilDate("1969-12-31"))).toBe(3)
    expect(addDays(civilDate("2026-12-31"), 1)).toBe("2027-01-01")
    expect(addDays(civilDate("2024-03-01"), -1)).toBe("2024-02-29")
  })

  it("round-trips every day number over four centuries", () => {
    fc.assert(
      fc.property(fc.integer({ min: -80_000, max: 80_000 }), (days) => {
        expect(dayNumber(fromDayNumber(days))).toBe(days)
      }),
    )
  })
})
