import { addDays, CallCenter, civilDate, ValidationError, weekdayOf } from "@tixi/core"
import { describe, expect, it } from "vitest"

const { forecastCalls } = CallCenter

/** A seeded uniform generator and a Poisson draw (Knuth for small means, normal above). */
function poissonSource(seed: number) {
  let state = seed >>> 0
  const uniform = () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return (state + 0.5) / 4294967296
  }
  return (mean: number) => {
    if (mean > 50) {
      const normal = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal))
    }
    const limit = Math.exp(-mean)
    let count = 0
    let product = uniform()
    while (product > limit) {
      count += 1
      product *= uniform()
    }
    return count
  }
}

const weekdayFactor = [1.15, 1.05, 1, 1, 0.95, 0.55, 0.3] // Monday … Sunday
/** A two-peak day (10:30 and 15:00), quiet at night. */
const shape = Array.from({ length: 96 }, (_, interval) => {
  const hour = interval / 4
  return 0.2 + 10 * Math.exp(-((hour - 10.5) ** 2) / 4) + 7 * Math.exp(-((hour - 15) ** 2) / 3)
})
const shapeTotal = shape.reduce((sum, value) => sum + value, 0)
const truth = shape.map((value) => value / shapeTotal)

function history(days: number, level: (day: number) => number, seed = 7) {
  const draw = poissonSource(seed)
  const start = civilDate("2026-01-05") // a Monday
  return Array.from({ length: days }, (_, day) => {
    const date = addDays(start, day)
    const total = level(day) * weekdayFactor[weekdayOf(date) - 1]!
    return { date, calls: truth.map((share) => draw(share * total)) }
  })
}

describe("call forecast", () => {
  it("recovers the weekday pattern and the intraday profile of eight weeks of calls", () => {
    const forecast = forecastCalls({ history: history(56, () => 4000), horizonDays: 7 })
    expect(forecast.days).toHaveLength(7)
    expect(forecast.days[0]!.date).toBe("2026-03-02")
    for (const day of forecast.days) {
      const expected = 4000 * weekdayFactor[day.weekday - 1]!
      expect(Math.abs(day.total / expected - 1)).toBeLessThan(0.05)
      expect(day.calls.reduce((sum, calls) => sum + calls, 0)).toBeCloseTo(day.total, 6)
    }
    // The 10:30 peak interval of a Monday is forecast within 10 % of the truth.
    const monday = forecast.days.find((day) => day.weekday === 1)!
    expect(Math.abs(monday.calls[42]! / (truth[42]! * 4000 * 1.15) - 1)).toBeLessThan(0.1)
    expect(forecast.weekdayIndices[7]).toBeLessThan(forecast.weekdayIndices[1])
    expect(forecast.fitErrorPercent).toBeLessThan(5)
    expect(forecast.method).toContain("Holt–Winters")
  })

  it("follows a growing volume with its trend", () => {
    const forecast = forecastCalls({ history: history(70, (day) => 2000 + 20 * day), horizonDays: 14 })
    // The level two weeks on is about 2000 + 20·83 = 3660 before the weekday factor.
    const lastWeek = forecast.days.slice(7)
    const deseasonalised =
      lastWeek.reduce((sum, day) => sum + day.total / weekdayFactor[day.weekday - 1]!, 0) / 7
    expect(Math.abs(deseasonalised / (2000 + 20 * 80) - 1)).toBeLessThan(0.08)
  })

  it("keeps a flat series flat", () => {
    const flat = Array.from({ length: 28 }, (_, day) => ({
      date: addDays(civilDate("2026-02-02"), day),
      calls: new Array(96).fill(5),
    }))
    const forecast = forecastCalls({ history: flat, horizonDays: 3 })
    for (const day of forecast.days) {
      expect(day.total).toBeCloseTo(480, 6)
      for (const calls of day.calls) expect(calls).toBeCloseTo(5, 6)
    }
  })

  it("ignores an excluded holiday instead of learning a dip from it", () => {
    const days = history(42, () => 3000)
    const holiday = 30
    const withHoliday = days.map((day, index) =>
      index === holiday
        ? { ...day, calls: day.calls.map((calls) => Math.round(calls / 10)), excluded: true }
        : day,
    )
    const clean = forecastCalls({ history: days, horizonDays: 7 })
    const excluded = forecastCalls({ history: withHoliday, horizonDays: 7 })
    const total = (forecast: typeof clean) => forecast.days.reduce((sum, day) => sum + day.total, 0)
    expect(Math.abs(total(excluded) / total(clean) - 1)).toBeLessThan(0.03)
  })

  it("refuses gaps and short histories with the path of the problem", () => {
    const days = history(21, () => 1000)
    const gapped = [...days.slice(0, 10), ...days.slice(11)]
    try {
      forecastCalls({ history: gapped, horizonDays: 7 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues[0]!.path).toEqual(["history", 10, "date"])
    }
    expect(() => forecastCalls({ history: days.slice(0, 10), horizonDays: 7 })).toThrow(ValidationError)
  })
})
