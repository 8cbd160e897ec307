import { addDays, CallCenter, type CivilDate, chinaMainlandCalendar } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { type CallCentreReport, renderCallCentre, runCallCentreDay } from "../src/call-centre.ts"
import { shiftIntervals, simulateFloorDay } from "../src/call-day.ts"
import {
  type Contact,
  contactPatternOf,
  hotlineHistory,
  hotlineSetting,
  intervalsPerDay,
} from "../src/call-history.ts"
import { Random } from "../src/random.ts"
import { displayWidth } from "../src/text-table.ts"

const calendar = chinaMainlandCalendar()
const start = "2026-01-05" as CivilDate
const days = 90
const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0)

/** Complaints arriving mostly in office hours, more early in the week, a third by phone. */
function contacts(seed = 4): ReadonlyArray<Contact> {
  const random = new Random(seed)
  const hours = [
    0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.5, 2.5, 3, 2.8, 2, 2.4, 2.8, 2.6, 2.3, 2, 1.6, 1.4, 1.2,
    0.9, 0.5, 0.2,
  ]
  const weekday = [1.25, 1.1, 1.05, 1, 0.95, 0.55, 0.45]
  const out: Array<Contact> = []
  for (let day = 0; day < days; day++) {
    const date = addDays(start, day)
    const holiday = calendar.describeDay(date).kind === "holiday"
    const count = Math.round(30 * (holiday ? 0.35 : weekday[(day % 7) as 0]!) * (0.9 + 0.2 * random.next()))
    for (let index = 0; index < count; index++) {
      const hour = Number(
        random.weighted(Object.fromEntries(hours.map((weight, at) => [String(at), weight]))),
      )
      out.push({
        at: calendar.startOfDay(date) + hour * 3_600_000 + random.int(0, 3_599) * 1000,
        byPhone: random.chance(0.35),
      })
    }
  }
  return out
}

const complaints = contacts()
const run = (seed: number): CallCentreReport =>
  runCallCentreDay({ contacts: complaints, calendar, seed, periodStart: start, periodDays: days })

describe("the demo's hotline history", () => {
  it("reads the contact pattern from the complaints: shares of the day, weekday levels around 1", () => {
    const pattern = contactPatternOf(complaints, calendar, start, days)
    expect(pattern.intervalShares).toHaveLength(intervalsPerDay)
    expect(sum(pattern.intervalShares)).toBeCloseTo(1, 12)
    expect(sum(Object.values(pattern.weekdayFactors)) / 7).toBeCloseTo(1, 12)
    expect(pattern.weekdayFactors[1]).toBeGreaterThan(pattern.weekdayFactors[7])
    // Mid-morning is busier than the small hours.
    expect(pattern.intervalShares[42]!).toBeGreaterThan(10 * pattern.intervalShares[12]!)
    expect(pattern.phoneShare).toBeGreaterThan(0.25)
    expect(pattern.phoneShare).toBeLessThan(0.45)
  })

  it("holds every day of the period, holidays excluded, the phone complaints among the calls", () => {
    const pattern = contactPatternOf(complaints, calendar, start, days)
    const phone = complaints.filter((contact) => contact.byPhone).map((contact) => contact.at)
    const history = hotlineHistory(new Random(1), pattern, hotlineSetting, calendar, start, days, phone)
    expect(history).toHaveLength(days)
    expect(history.every((day) => day.calls.length === intervalsPerDay)).toBe(true)
    const excluded = history.filter((day) => day.excluded).map((day) => day.date)
    expect(excluded).toContain("2026-02-17") // 春节
    expect(excluded).toContain("2026-02-14") // 调休上班
    expect(excluded).not.toContain("2026-01-06")
    // The history's calls include each phone complaint in its interval.
    const onDay = (date: CivilDate) => history.find((day) => day.date === date)!
    for (const at of phone.slice(0, 50)) {
      const date = calendar.dateOf(at)
      const interval = Math.floor((at - calendar.startOfDay(date)) / 900_000)
      expect(onDay(date).calls[interval]!).toBeGreaterThanOrEqual(1)
    }
  })
})

describe("the demo's call-centre day", () => {
  const report = run(8)

  it("is deterministic: the same seed gives the same day, another seed another", () => {
    expect(JSON.stringify(run(8))).toBe(JSON.stringify(report))
    expect(JSON.stringify(run(9))).not.toBe(JSON.stringify(report))
  })

  it("plans the next working day after the history", () => {
    expect(report.history.to).toBe("2026-04-04")
    expect(report.date).toBe("2026-04-07") // 清明 takes the 5th and 6th
    expect(report.forecast.horizonDays).toBe(3)
    expect(sum(report.intervals.map((row) => row.forecast))).toBeCloseTo(report.forecast.total, 6)
    expect(Math.abs(report.forecast.errorPercent)).toBeLessThan(15)
  })

  it("staffs every interval to the target, and schedules at least the required agents in each", () => {
    const shrinkage = report.staffing.shrinkage
    for (const row of report.intervals) {
      expect(row.required).toBe(CallCenter.scheduledAgentsFor(row.erlangCAgents, shrinkage))
      expect(row.scheduled).toBeGreaterThanOrEqual(row.required)
      expect(row.erlangCAgents).toBeGreaterThanOrEqual(2) // the policy's 24-hour minimum
      if (row.forecast > 1)
        expect(row.plannedServiceLevel).toBeGreaterThanOrEqual(report.staffing.targetServiceLevel)
    }
    expect(report.schedule.uncoveredIntervals).toBe(0)
    // Erlang A, whose callers hang up, needs no more agent-hours than Erlang C.
    expect(report.staffing.erlangA.productiveAgentHours).toBeLessThanOrEqual(
      report.staffing.erlangC.productiveAgentHours,
    )
    expect(report.schedule.headcount).toBe(sum(report.schedule.shifts.map((shift) => shift.agents)))
    expect(report.schedule.paidAgentHours).toBeCloseTo(
      sum(report.schedule.shifts.map((shift) => shift.agents * shift.paidHours)),
      9,
    )
    expect(report.schedule.requiredAgentHours).toBeCloseTo(
      sum(report.intervals.map((row) => row.required)) / 4,
      9,
    )
    expect(report.schedule.efficiency).toBeCloseTo(
      report.schedule.requiredAgentHours / report.schedule.paidAgentHours,
      12,
    )
    expect(report.schedule.efficiency).toBeLessThanOrEqual(1)
  })

  it("computes the day's KPIs from its call records, and they add up", () => {
    const kpis = report.day.kpis
    expect(kpis.answered + kpis.abandoned + kpis.shortAbandoned).toBe(kpis.offered)
    expect(sum(report.intervals.map((row) => row.offered))).toBe(kpis.offered)
    expect(sum(report.intervals.map((row) => row.abandoned))).toBe(kpis.abandoned)
    expect(report.forecast.actualFirstCalls + report.day.repeatCalls).toBe(kpis.offered)
    expect(kpis.serviceLevel!).toBeGreaterThan(0.5)
    expect(kpis.occupancy!).toBeGreaterThan(0.3)
    expect(kpis.occupancy!).toBeLessThanOrEqual(1)
    expect(kpis.averageHandleSeconds!).toBeGreaterThan(250)
    expect(kpis.averageHandleSeconds!).toBeLessThan(350)
  })

  it("reaches back before a short period so the forecast has ordinary days to learn from", () => {
    const short = runCallCentreDay({
      contacts: complaints.filter((contact) => calendar.dateOf(contact.at) >= "2026-02-09"),
      calendar,
      seed: 8,
      periodStart: "2026-02-09" as CivilDate,
      periodDays: 21,
    })
    expect(short.history.days).toBe(56)
    expect(short.history.to).toBe("2026-03-01")
    expect(short.date).toBe("2026-03-02")
    expect(short.history.days - short.history.excluded.length).toBeGreaterThanOrEqual(14)
    expect(short.schedule.uncoveredIntervals).toBe(0)
  })

  it("shows the busiest intervals by forecast, in time order", () => {
    expect(report.peaks).toHaveLength(8)
    expect([...report.peaks].sort((left, right) => left - right)).toEqual(report.peaks)
    const least = Math.min(...report.peaks.map((index) => report.intervals[index]!.forecast))
    const others = report.intervals.filter((row) => !report.peaks.includes(row.interval))
    expect(others.every((row) => row.forecast <= least)).toBe(true)
  })

  it("renders in both languages with the tables lined up", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const text = renderCallCentre(report, locale)
      expect(text).toContain("Erlang A")
      expect(text).toContain(locale === "zh-CN" ? "排班效率" : "Schedule efficiency")
      const lines = text.split("\n")
      lines.forEach((line, index) => {
        if (!line.trim().startsWith("─")) return
        expect(displayWidth(lines[index - 1]!.trimEnd())).toBeLessThanOrEqual(displayWidth(line))
      })
    }
  })
})

describe("a day on the floor", () => {
  it("puts a shift's agents on the floor from start to end, round midnight, less the meal", () => {
    const night = shiftIntervals({ start: "22:00", end: "07:00", meal: { start: "02:00", end: "03:00" } })
    expect(night).toHaveLength(32)
    expect(night).toContain(88)
    expect(night).toContain(0)
    expect(night).not.toContain(8) // 02:00–03:00 at the meal
    expect(night).not.toContain(28) // 07:00 is the end
  })

  it("writes valid switch records: answered in order, abandoned after waiting, nobody answered without agents", () => {
    const expected = new Array<number>(intervalsPerDay)
      .fill(0)
      .map((_, index) => (index >= 36 && index < 72 ? 20 : 1))
    const floor = simulateFloorDay(
      new Random(2),
      0,
      expected,
      [{ start: "08:00", end: "17:00", meal: { start: "12:00", end: "13:00" }, agents: 8 }],
      {
        talkSeconds: 250,
        wrapUpSeconds: 50,
        patienceSeconds: 150,
        unresolvedShare: 0.1,
        retryShare: 0.5,
        absentShare: 0,
        offPhoneShare: 0,
      },
    )
    expect(Result.isSuccess(CallCenter.parseCallRecords(floor.records))).toBe(true)
    expect(floor.onPhones[40]).toBe(8)
    expect(floor.onPhones[48]).toBe(0) // the meal
    expect(floor.staffedAgentSeconds).toBe(8 * 8 * 3600)
    for (const record of floor.records) {
      const interval = Math.floor(record.offeredAt / 900_000)
      if (record.answeredAt === undefined) continue
      // Answered only when an agent was on the phones (the agents' calls may run over the end).
      const answeredIn = Math.floor(record.answeredAt / 900_000) % intervalsPerDay
      expect(floor.onPhones[answeredIn]!).toBeGreaterThan(0)
      expect(record.answeredAt).toBeGreaterThanOrEqual(record.offeredAt)
      expect(interval).toBeLessThan(intervalsPerDay)
    }
    // Night callers find nobody and hang up.
    const night = floor.records.filter((record) => record.offeredAt < 6 * 3_600_000)
    expect(night.length).toBeGreaterThan(0)
    expect(night.every((record) => record.answeredAt === undefined)).toBe(true)
  })
})
