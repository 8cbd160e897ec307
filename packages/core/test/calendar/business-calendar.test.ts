import {
  alwaysOpenCalendar,
  type BusinessCalendar,
  calendarDayKind,
  calendarDefinitionLabels,
  chinaMainlandCalendar,
  chinaMainlandOfficeWeek,
  civilDate,
  label,
  makeBusinessCalendar,
  ValidationError,
  weekdayLabels,
} from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const calendar = chinaMainlandCalendar()
const date = (text: string) => civilDate(text)
const at = (day: string, time: string) => calendar.instantAt(date(day), time)
const minute = 60_000

/** A valid company definition to vary in the validation tests. */
const companyDefinition = {
  id: "acme-support",
  name: label("客服中心", "Support centre"),
  timeZone: "Asia/Shanghai",
  week: chinaMainlandOfficeWeek,
  holidays: [{ date: "2026-12-24", name: label("公司年会", "Company party") }],
  makeUpWorkdays: [{ date: "2026-12-26", name: label("补班", "Make-up day") }],
}

function issuesOf(input: unknown) {
  const result = makeBusinessCalendar(input)
  if (Result.isSuccess(result)) throw new Error("expected the definition to be rejected")
  expect(result.failure).toBeInstanceOf(ValidationError)
  expect(result.failure.subject).toBe("calendar.definition")
  return result.failure.issues.map((issue) => ({ path: issue.path, message: issue.message }))
}

describe("working periods", () => {
  it("include their start and exclude their end", () => {
    expect(calendar.isWorkingInstant(at("2026-11-23", "09:00"))).toBe(true)
    expect(calendar.isWorkingInstant(at("2026-11-23", "09:00") - 1)).toBe(false)
    expect(calendar.isWorkingInstant(at("2026-11-23", "12:00") - 1)).toBe(true)
    expect(calendar.isWorkingInstant(at("2026-11-23", "12:00"))).toBe(false)
    expect(calendar.isWorkingInstant(at("2026-11-23", "13:00"))).toBe(true)
    expect(calendar.isWorkingInstant(at("2026-11-23", "18:00") - 1)).toBe(true)
    expect(calendar.isWorkingInstant(at("2026-11-23", "18:00"))).toBe(false)
    expect(calendar.isWorkingInstant(at("2026-11-22", "10:00"))).toBe(false) // Sunday
  })

  it("skip the lunch break", () => {
    expect(calendar.isWorkingInstant(at("2026-11-23", "12:30"))).toBe(false)
    expect(calendar.nextWorkingInstant(at("2026-11-23", "12:30"))).toBe(at("2026-11-23", "13:00"))
    expect(calendar.addWorkingMinutes(at("2026-11-23", "11:30"), 60)).toBe(at("2026-11-23", "13:30"))
    expect(calendar.workingMinutesBetween(at("2026-11-23", "11:00"), at("2026-11-23", "14:00"))).toBe(120)
    expect(calendar.standardDayMinutes).toBe(480)
    expect(calendar.workingIntervalsOn(date("2026-11-23"))).toEqual([
      { start: at("2026-11-23", "09:00"), end: at("2026-11-23", "12:00") },
      { start: at("2026-11-23", "13:00"), end: at("2026-11-23", "18:00") },
    ])
    expect(calendar.workingIntervalsOn(date("2026-11-22"))).toEqual([])
  })

  it("end a count exactly at a period end, and start the next from the next period", () => {
    expect(calendar.addWorkingMinutes(at("2026-11-23", "09:00"), 180)).toBe(at("2026-11-23", "12:00"))
    expect(calendar.addWorkingMinutes(at("2026-11-23", "09:00"), 181)).toBe(at("2026-11-23", "13:01"))
    expect(calendar.addWorkingMinutes(at("2026-11-23", "09:00"), 480)).toBe(at("2026-11-23", "18:00"))
    expect(calendar.addWorkingMinutes(at("2026-11-23", "12:00"), 0)).toBe(at("2026-11-23", "13:00"))
    expect(calendar.addWorkingMinutes(at("2026-11-23", "18:00"), 0)).toBe(at("2026-11-24", "09:00"))
    // Friday evening to Monday morning.
    expect(calendar.addWorkingMinutes(at("2026-11-20", "17:30"), 60)).toBe(at("2026-11-23", "09:30"))
    expect(calendar.nextWorkingInstant(at("2026-11-21", "10:00"))).toBe(at("2026-11-23", "09:00"))
    expect(calendar.nextWorkingInstant(at("2026-11-23", "10:15"))).toBe(at("2026-11-23", "10:15"))
  })

  it("measure working time across nights, weekends and holidays, and negatively backwards", () => {
    const from = at("2026-11-20", "17:00")
    const to = at("2026-11-23", "10:00")
    expect(calendar.workingMinutesBetween(from, to)).toBe(120)
    expect(calendar.workingMinutesBetween(to, from)).toBe(-120)
    expect(calendar.workingMinutesBetween(from, from)).toBe(0)
    expect(calendar.workingMinutesBetween(at("2026-11-22", "12:00"), at("2026-11-22", "10:00"))).toBe(0) // not -0
    expect(calendar.workingMinutesBetween(from, from + 30_000)).toBe(0.5)
    // A year of working time: 2026 has 248 working days (261 weekdays − 19 weekday holidays + 6 调休 days).
    expect(calendar.workingMinutesBetween(at("2026-01-01", "00:00"), at("2027-01-01", "00:00"))).toBe(
      248 * 480,
    )
    expect(calendar.addWorkingMinutes(at("2026-01-01", "00:00"), 248 * 480)).toBe(at("2026-12-31", "18:00"))
  })

  it("count working days forwards and backwards", () => {
    expect(calendar.addWorkingDays(date("2026-11-20"), 1)).toBe("2026-11-23")
    expect(calendar.addWorkingDays(date("2026-11-23"), -1)).toBe("2026-11-20")
    expect(calendar.addWorkingDays(date("2026-11-21"), 0)).toBe("2026-11-23")
    expect(calendar.addWorkingDays(date("2026-11-23"), 0)).toBe("2026-11-23")
    // Whole weeks skipped at once give the same days as counting one by one.
    for (const days of [5, 10, 23, 60, 250, -5, -60, -250]) {
      let expected = date("2026-01-05")
      let remaining = Math.abs(days)
      const step = days > 0 ? 1 : -1
      let cursor = dayAfter(expected, 0)
      while (remaining > 0) {
        cursor = dayAfter(cursor, step)
        if (calendar.isWorkingDay(cursor)) remaining -= 1
      }
      expected = cursor
      expect(calendar.addWorkingDays(date("2026-01-05"), days)).toBe(expected)
    }
  })

  it("reads dates and local times in the calendar's zone", () => {
    expect(calendar.dateOf(Date.UTC(2026, 10, 22, 16))).toBe("2026-11-23") // 00:00 in Shanghai
    expect(calendar.dateOf(Date.UTC(2026, 10, 22, 15, 59))).toBe("2026-11-22")
    expect(calendar.startOfDay(date("2026-11-23"))).toBe(Date.UTC(2026, 10, 22, 16))
    expect(calendar.instantAt(date("2026-11-23"), "24:00")).toBe(calendar.startOfDay(date("2026-11-24")))
  })

  it("rejects arguments that are not instants, dates, times or counts", () => {
    expect(() => calendar.addWorkingMinutes(at("2026-11-23", "09:00"), -1)).toThrow(RangeError)
    expect(() => calendar.addWorkingMinutes(at("2026-11-23", "09:00"), 1.5)).toThrow(RangeError)
    expect(() => calendar.isWorkingInstant(Number.NaN)).toThrow(RangeError)
    expect(() => calendar.instantAt(date("2026-11-23"), "9:00")).toThrow(TypeError)
    expect(() => calendar.isWorkingDay("2026-02-30" as never)).toThrow(TypeError)
    expect(() => calendar.addWorkingDays(date("2026-11-23"), 0.5)).toThrow(RangeError)
  })
})

function dayAfter(day: ReturnType<typeof civilDate>, days: number) {
  const base = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
  return civilDate(new Date(base + days * 86_400_000).toISOString().slice(0, 10))
}

describe("company-defined calendars", () => {
  it("accepts a valid definition with holidays, make-up days and make-up hours", () => {
    const made = makeBusinessCalendar({
      ...companyDefinition,
      makeUpHours: [{ start: "10:00", end: "15:00" }],
    })
    expect(Result.isSuccess(made)).toBe(true)
    const company = Result.getOrThrow(made)
    expect(company.isWorkingDay(date("2026-12-24"))).toBe(false) // Thursday, company party
    expect(company.isWorkingDay(date("2026-12-26"))).toBe(true) // Saturday, make-up
    expect(
      company.workingMinutesBetween(
        company.startOfDay(date("2026-12-26")),
        company.startOfDay(date("2026-12-27")),
      ),
    ).toBe(300)
    expect(company.covers(date("2031-01-01"))).toBe(true) // no coveredYears: the lists are complete
  })

  it("runs night shifts across midnight as two periods", () => {
    const night = Result.getOrThrow(
      makeBusinessCalendar({
        ...companyDefinition,
        holidays: [],
        makeUpWorkdays: [],
        week: {
          1: [{ start: "22:00", end: "24:00" }],
          2: [
            { start: "00:00", end: "06:00" },
            { start: "22:00", end: "24:00" },
          ],
          3: [{ start: "00:00", end: "06:00" }],
          4: [],
          5: [],
          6: [],
          7: [],
        },
      }),
    )
    const monday = night.instantAt(date("2026-11-23"), "22:00")
    expect(night.addWorkingMinutes(monday, 120)).toBe(night.startOfDay(date("2026-11-24")))
    expect(night.addWorkingMinutes(monday, 121)).toBe(night.startOfDay(date("2026-11-24")) + minute)
    expect(night.workingMinutesBetween(monday, night.instantAt(date("2026-11-25"), "06:00"))).toBe(16 * 60)
    expect(night.standardDayMinutes).toBe(120)
  })

  it("names the field of every problem", () => {
    expect(issuesOf({ ...companyDefinition, timeZone: "Asia/Atlantis" })).toEqual([
      { path: ["timeZone"], message: "must be an IANA time zone such as Asia/Shanghai" },
    ])
    expect(
      issuesOf({
        ...companyDefinition,
        week: { ...chinaMainlandOfficeWeek, 3: [{ start: "09:00", end: "25:00" }] },
      }),
    ).toEqual([{ path: ["week", "3", 0, "end"], message: "must be a time HH:MM between 00:00 and 24:00" }])
    expect(
      issuesOf({
        ...companyDefinition,
        week: {
          ...chinaMainlandOfficeWeek,
          2: [
            { start: "13:00", end: "18:00" },
            { start: "09:00", end: "12:00" },
          ],
        },
      }),
    ).toEqual([
      {
        path: ["week", "2", 1, "start"],
        message: "periods must be in order and must not overlap the one before",
      },
    ])
    expect(
      issuesOf({
        ...companyDefinition,
        week: { ...chinaMainlandOfficeWeek, 5: [{ start: "12:00", end: "12:00" }] },
      }),
    ).toEqual([{ path: ["week", "5", 0, "end"], message: "must be after start" }])
    expect(
      issuesOf({
        ...companyDefinition,
        makeUpWorkdays: [{ date: "2026-12-24", name: label("补班", "Make-up day") }],
      }),
    ).toEqual([
      {
        path: ["makeUpWorkdays", 0, "date"],
        message: "is also listed as a holiday; a date is either a day off or a working day",
      },
    ])
    expect(
      issuesOf({ ...companyDefinition, holidays: [{ date: "2026-02-30", name: label("x", "x") }] }),
    ).toEqual([{ path: ["holidays", 0, "date"], message: "must be a real date written YYYY-MM-DD" }])
    expect(
      issuesOf({ ...companyDefinition, holidays: [{ date: "2026-12-24", name: { "zh-CN": "", en: "x" } }] }),
    ).toEqual([{ path: ["holidays", 0, "name", "zh-CN"], message: "must not be empty" }])
    expect(
      issuesOf({ ...companyDefinition, week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } }).map(
        (issue) => issue.path,
      ),
    ).toEqual([["week"]])
    expect(issuesOf({ ...companyDefinition, makeUpHours: [] }).map((issue) => issue.path)).toEqual([
      ["makeUpHours"],
    ])
    expect(issuesOf({ ...companyDefinition, weekk: {} }).map((issue) => issue.path)).toEqual([[]])
    expect(issuesOf({ ...companyDefinition, id: "has spaces" }).map((issue) => issue.path)).toEqual([["id"]])
    const rejected = makeBusinessCalendar({ ...companyDefinition, timeZone: "Nowhere/Else" })
    expect(Result.isFailure(rejected) && rejected.failure.message).toContain("calendar.definition.timeZone")
    expect(issuesOf("not a calendar").length).toBe(1)
  })
})

describe("the always-open calendar", () => {
  const hotline: BusinessCalendar = alwaysOpenCalendar("Asia/Shanghai")

  it("counts every minute", () => {
    const from = at("2026-02-16", "03:17")
    expect(hotline.isWorkingInstant(from)).toBe(true)
    expect(hotline.addWorkingMinutes(from, 1000)).toBe(from + 1000 * minute)
    expect(hotline.workingMinutesBetween(from, from + 90 * 86_400_000)).toBe(90 * 1440)
    expect(hotline.standardDayMinutes).toBe(1440)
    expect(hotline.addWorkingDays(date("2026-02-16"), 3)).toBe("2026-02-19")
  })

  it("rejects an unknown zone naming the field", () => {
    try {
      alwaysOpenCalendar("Asia/Atlantis")
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues[0]!.path).toEqual(["timeZone"])
    }
  })
})

describe("labels", () => {
  it("label every weekday, day kind and definition field in both languages", () => {
    for (const text of [
      ...Object.values(weekdayLabels),
      ...Object.values(calendarDayKind.labels),
      ...Object.values(calendarDefinitionLabels),
    ]) {
      expect(text["zh-CN"].length).toBeGreaterThan(0)
      expect(text.en.length).toBeGreaterThan(0)
    }
    expect(calendarDayKind.label("makeUpWorkday", "zh-CN")).toBe("调休上班日")
    expect(Object.keys(weekdayLabels)).toEqual(["1", "2", "3", "4", "5", "6", "7"])
  })
})
