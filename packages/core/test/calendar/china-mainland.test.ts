import {
  addDays,
  type CivilDate,
  chinaHolidays2025,
  chinaHolidays2026,
  chinaMainlandCalendar,
  chinaMainlandCoveredYears,
  chinaMainlandDefinition,
  chinaMainlandYears,
  chinaOfficialHoliday,
  civilDate,
  daysBetween,
  label,
  ValidationError,
  weekdayOf,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const calendar = chinaMainlandCalendar()
const date = (text: string) => civilDate(text)
const at = (day: string, time: string) => calendar.instantAt(date(day), time)
/** Shanghai is UTC+8 with no DST: an independent way to write expected instants. */
const shanghai = (year: number, month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(year, month - 1, day, hour - 8, minute)
const hours = (count: number) => count * 60

describe("the official mainland-China data", () => {
  it("covers 2025 and 2026, each from its State Council notice", () => {
    expect(chinaMainlandCoveredYears).toEqual([2025, 2026])
    expect(chinaHolidays2025.notice).toMatchObject({
      documentNumber: "国办发明电〔2024〕12号",
      publishedOn: "2024-11-12",
    })
    expect(chinaHolidays2026.notice).toMatchObject({
      documentNumber: "国办发明电〔2025〕7号",
      publishedOn: "2025-11-04",
    })
    for (const year of chinaMainlandYears) {
      expect(year.notice.title).toBe(`国务院办公厅关于${year.year}年部分节假日安排的通知`)
      expect(year.notice.url).toMatch(/^https:\/\/www\.gov\.cn\//)
      // Notices come out in the autumn of the year before.
      expect(year.notice.publishedOn.slice(0, 4)).toBe(String(year.year - 1))
    }
  })

  it("transcribes every item consistently: stated day counts, in-year dates, 调休 on weekends only", () => {
    for (const year of chinaMainlandYears) {
      const seen = new Set<string>()
      for (const item of year.arrangements) {
        expect(daysBetween(item.firstDayOff, item.lastDayOff) + 1).toBe(item.statedDays)
        expect(item.firstDayOff.slice(0, 4)).toBe(String(year.year))
        for (const holiday of item.holidays) {
          expect(chinaOfficialHoliday.is(holiday)).toBe(true)
          expect(seen.has(holiday)).toBe(false)
          seen.add(holiday)
        }
        for (const makeUp of item.makeUpWorkdays) expect([6, 7]).toContain(weekdayOf(makeUp))
      }
      // Every one of the seven holidays appears once a year.
      expect([...seen].sort()).toEqual([...chinaOfficialHoliday.values].sort())
    }
  })

  it("names every holiday and make-up day in both languages, and no date is both", () => {
    const definition = Result.getOrThrow(chinaMainlandDefinition())
    for (const day of [...definition.holidays, ...definition.makeUpWorkdays]) {
      expect(day.name["zh-CN"].trim()).not.toBe("")
      expect(day.name.en.trim()).not.toBe("")
    }
    const holidays = new Set(definition.holidays.map((day) => day.date))
    for (const day of definition.makeUpWorkdays) expect(holidays.has(day.date)).toBe(false)
    for (const value of chinaOfficialHoliday.values) {
      expect(chinaOfficialHoliday.label(value, "zh-CN")).not.toBe("")
      expect(chinaOfficialHoliday.label(value, "en")).not.toBe("")
    }
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(definition.holidays.filter((day) => day.date.startsWith("2025")).length).toBe(28)
    expect(definition.holidays.filter((day) => day.date.startsWith("2026")).length).toBe(33)
    expect(definition.makeUpWorkdays.map((day) => day.date)).toEqual([
      "2025-01-26",
      "2025-02-08",
      "2025-04-27",
      "2025-09-28",
      "2025-10-11",
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ])
  })

  it("describes days with their names", () => {
    expect(calendar.describeDay(date("2026-02-17"))).toEqual({
      date: "2026-02-17",
      kind: "holiday",
      name: label("春节", "Spring Festival"),
      periods: [],
    })
    expect(calendar.describeDay(date("2025-10-06"))).toMatchObject({
      kind: "holiday",
      name: label("国庆节、中秋节", "National Day and Mid-Autumn Festival"),
    })
    expect(calendar.describeDay(date("2026-02-14"))).toEqual({
      date: "2026-02-14",
      kind: "makeUpWorkday",
      name: label("春节调休上班", "Make-up working day for Spring Festival"),
      periods: [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "18:00" },
      ],
    })
    expect(calendar.describeDay(date("2026-11-21")).kind).toBe("restDay") // a Saturday
    expect(calendar.describeDay(date("2026-11-23")).kind).toBe("workingDay")
  })
})

describe("the 2026 Spring Festival week (春节 2/15–2/23, 调休 2/14 and 2/28)", () => {
  it("works the 调休 Saturdays and rests through the holiday", () => {
    expect(calendar.isWorkingDay(date("2026-02-13"))).toBe(true) // Friday
    expect(calendar.isWorkingDay(date("2026-02-14"))).toBe(true) // Saturday, 调休
    for (let day = date("2026-02-15"); day <= "2026-02-23"; day = addDays(day, 1))
      expect(calendar.isWorkingDay(day)).toBe(false)
    expect(calendar.isWorkingDay(date("2026-02-24"))).toBe(true)
    expect(calendar.isWorkingDay(date("2026-02-28"))).toBe(true) // Saturday, 调休
    expect(calendar.isWorkingDay(date("2026-03-01"))).toBe(false) // an ordinary Sunday
  })

  it("a complaint registered Friday 16:00 with 8 working hours to go is due Saturday 2/14 16:00", () => {
    const registered = at("2026-02-13", "16:00")
    expect(registered).toBe(shanghai(2026, 2, 13, 16))
    // Friday 16:00–18:00 is 2 h; the 调休 Saturday gives 09:00–12:00 and 13:00–16:00.
    expect(calendar.addWorkingMinutes(registered, hours(8))).toBe(shanghai(2026, 2, 14, 16))
  })

  it("one with 16 working hours to go is due after the holiday, Tuesday 2/24 16:00", () => {
    const registered = at("2026-02-13", "16:00")
    // 2 h Friday + 8 h Saturday = 10 h by 2/14 18:00; nine days off; then 6 h on Tuesday 2/24.
    expect(calendar.addWorkingMinutes(registered, hours(16))).toBe(shanghai(2026, 2, 24, 16))
    expect(calendar.addWorkingMinutes(registered, hours(10))).toBe(shanghai(2026, 2, 14, 18))
    expect(calendar.addWorkingMinutes(registered, hours(10) + 1)).toBe(shanghai(2026, 2, 24, 9, 1))
  })

  it("counts no working time inside the holiday and the Saturday's hours across it", () => {
    expect(calendar.workingMinutesBetween(at("2026-02-15", "00:00"), at("2026-02-24", "00:00"))).toBe(0)
    expect(calendar.workingMinutesBetween(at("2026-02-13", "00:00"), at("2026-02-25", "00:00"))).toBe(
      hours(8) * 3, // Friday, the 调休 Saturday, Tuesday 2/24
    )
    expect(calendar.addWorkingDays(date("2026-02-13"), 1)).toBe("2026-02-14")
    expect(calendar.addWorkingDays(date("2026-02-13"), 2)).toBe("2026-02-24")
    expect(calendar.addWorkingDays(date("2026-02-24"), -1)).toBe("2026-02-14")
    expect(calendar.nextWorkingInstant(at("2026-02-16", "10:00"))).toBe(shanghai(2026, 2, 24, 9))
  })
})

describe("National Day 2026 (中秋 9/25–9/27, 国庆 10/1–10/7, 调休 9/20 and 10/10)", () => {
  it("works Sunday 9/20 and Saturday 10/10", () => {
    expect(calendar.isWorkingDay(date("2026-09-19"))).toBe(false)
    expect(calendar.isWorkingDay(date("2026-09-20"))).toBe(true)
    expect(calendar.workingMinutesBetween(at("2026-09-19", "00:00"), at("2026-09-21", "00:00"))).toBe(
      hours(8),
    )
    expect(calendar.isWorkingDay(date("2026-10-10"))).toBe(true)
    expect(calendar.isWorkingDay(date("2026-10-11"))).toBe(false)
    expect(calendar.isWorkingInstant(at("2026-10-10", "09:00"))).toBe(true)
  })

  it("carries a due time over the week off", () => {
    // Wednesday 9/30 17:00 + 2 h: 1 h that day, then Thursday 10/8 09:00–10:00.
    expect(calendar.addWorkingMinutes(at("2026-09-30", "17:00"), hours(2))).toBe(shanghai(2026, 10, 8, 10))
    // Thursday 9/24 17:00 + 1 working day: the Mid-Autumn weekend is off, so Monday 9/28 17:00.
    expect(calendar.addWorkingMinutes(at("2026-09-24", "17:00"), calendar.standardDayMinutes)).toBe(
      shanghai(2026, 9, 28, 17),
    )
    // 9/28, 9/29, 9/30, 10/8, 10/9, 10/10 (Saturday, 调休), 10/12 …
    expect(calendar.addWorkingDays(date("2026-09-25"), 6)).toBe("2026-10-10")
    expect(calendar.addWorkingDays(date("2026-09-25"), 7)).toBe("2026-10-12")
  })

  it("counts September and October 2026 working time across the holidays", () => {
    // September: 22 weekdays − 9/25 + Sunday 9/20 = 22; October: 22 weekdays − 5 + 10/10 = 18.
    expect(calendar.workingMinutesBetween(at("2026-09-01", "00:00"), at("2026-10-01", "00:00"))).toBe(
      22 * hours(8),
    )
    expect(calendar.workingMinutesBetween(at("2026-10-01", "00:00"), at("2026-11-01", "00:00"))).toBe(
      18 * hours(8),
    )
  })
})

describe("2025 examples", () => {
  it("Spring Festival 1/28–2/4 with 调休 Sunday 1/26 and Saturday 2/8", () => {
    expect(calendar.isWorkingDay(date("2025-01-26"))).toBe(true)
    expect(calendar.isWorkingDay(date("2025-01-27"))).toBe(true)
    expect(calendar.isWorkingDay(date("2025-01-28"))).toBe(false)
    expect(calendar.isWorkingDay(date("2025-02-04"))).toBe(false)
    expect(calendar.isWorkingDay(date("2025-02-08"))).toBe(true)
    // Monday 1/27 17:00 + 2 h → 1 h on Monday, then Wednesday 2/5 10:00.
    expect(calendar.addWorkingMinutes(at("2025-01-27", "17:00"), hours(2))).toBe(shanghai(2025, 2, 5, 10))
  })

  it("National Day and Mid-Autumn merged 10/1–10/8 with 调休 9/28 and 10/11", () => {
    expect(calendar.isWorkingDay(date("2025-09-28"))).toBe(true)
    expect(calendar.isWorkingDay(date("2025-10-08"))).toBe(false)
    expect(calendar.isWorkingDay(date("2025-10-09"))).toBe(true)
    expect(calendar.isWorkingDay(date("2025-10-11"))).toBe(true)
    expect(calendar.addWorkingDays(date("2025-09-30"), 1)).toBe("2025-10-09")
    // Labour Day: 调休 Sunday 4/27, off 5/1–5/5.
    expect(calendar.workingMinutesBetween(at("2025-04-26", "00:00"), at("2025-05-07", "00:00"))).toBe(
      hours(8) * 5, // 4/27, 4/28, 4/29, 4/30, 5/6
    )
  })

  it("New Year's Day 2025 is one day with no 调休", () => {
    expect(calendar.isWorkingDay(date("2024-12-31"))).toBe(true)
    expect(calendar.isWorkingDay(date("2025-01-01"))).toBe(false)
    expect(calendar.isWorkingDay(date("2025-01-02"))).toBe(true)
  })
})

describe("coverage and company calendars", () => {
  it("says which dates it covers; outside them only the weekly pattern applies", () => {
    expect(calendar.covers(date("2026-12-31"))).toBe(true)
    expect(calendar.covers(date("2024-12-31"))).toBe(false)
    expect(calendar.covers(date("2027-02-08"))).toBe(false)
    expect(calendar.definition.coveredYears).toEqual([2025, 2026])
    // 2027's notice is not in tixi yet: its days fall back to Monday–Friday.
    expect(calendar.isWorkingDay(date("2027-01-01"))).toBe(true) // a Friday
  })

  it("shares the default calendar and validates options", () => {
    expect(chinaMainlandCalendar()).toBe(calendar)
    expect(() =>
      chinaMainlandCalendar({ extraHolidays: [{ date: "2026-13-01" as CivilDate, name: label("x", "x") }] }),
    ).toThrow(ValidationError)
    const both = chinaMainlandDefinition({
      extraHolidays: [{ date: date("2026-12-24"), name: label("公司年会", "Company party") }],
      extraMakeUpWorkdays: [{ date: date("2026-12-24"), name: label("加班", "Overtime") }],
    })
    expect(Result.isFailure(both)).toBe(true)
    if (Result.isFailure(both)) {
      expect(both.failure.subject).toBe("calendar.chinaMainland")
      expect(both.failure.issues[0]!.path).toEqual(["extraMakeUpWorkdays", 0, "date"])
    }
    const badWeek = chinaMainlandDefinition({
      week: { 1: [{ start: "18:00", end: "09:00" }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] },
    })
    expect(Result.isFailure(badWeek) && badWeek.failure.issues[0]!.path).toEqual(["week", "1", 0, "end"])
  })

  it("lets a company add days off, skip a 调休 day, and staff a holiday", () => {
    const company = chinaMainlandCalendar({
      id: "acme-shanghai-support",
      extraHolidays: [
        { date: date("2026-12-24"), name: label("公司年会", "Company party") },
        { date: date("2026-02-28"), name: label("不调休", "No make-up Saturday") },
      ],
      extraMakeUpWorkdays: [{ date: date("2026-02-16"), name: label("春节值班", "Spring Festival duty") }],
      makeUpHours: [{ start: "10:00", end: "16:00" }],
    })
    expect(company.definition.id).toBe("acme-shanghai-support")
    expect(company.isWorkingDay(date("2026-12-24"))).toBe(false)
    expect(company.isWorkingDay(date("2026-02-28"))).toBe(false)
    expect(company.isWorkingDay(date("2026-02-16"))).toBe(true)
    expect(company.isWorkingDay(date("2026-02-17"))).toBe(false)
    expect(company.workingIntervalsOn(date("2026-02-16"))).toEqual([
      { start: shanghai(2026, 2, 16, 10), end: shanghai(2026, 2, 16, 16) },
    ])
    // The official make-up Saturday 2/14 now runs on the company's make-up hours.
    expect(company.workingMinutesBetween(at("2026-02-14", "00:00"), at("2026-02-15", "00:00"))).toBe(hours(6))
  })
})
