import { civilDate } from "../../time/civil-date.ts"
import type { OfficialHolidayYear } from "./official-holiday-year.ts"

/** 2026, from 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04). */
export const chinaHolidays2026: OfficialHolidayYear = {
  year: 2026,
  notice: {
    title: "国务院办公厅关于2026年部分节假日安排的通知",
    documentNumber: "国办发明电〔2025〕7号",
    publishedOn: civilDate("2025-11-04"),
    url: "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm",
  },
  arrangements: [
    {
      holidays: ["newYearsDay"],
      firstDayOff: civilDate("2026-01-01"),
      lastDayOff: civilDate("2026-01-03"),
      statedDays: 3,
      makeUpWorkdays: [civilDate("2026-01-04")],
    },
    {
      holidays: ["springFestival"],
      firstDayOff: civilDate("2026-02-15"),
      lastDayOff: civilDate("2026-02-23"),
      statedDays: 9,
      makeUpWorkdays: [civilDate("2026-02-14"), civilDate("2026-02-28")],
    },
    {
      holidays: ["qingmingFestival"],
      firstDayOff: civilDate("2026-04-04"),
      lastDayOff: civilDate("2026-04-06"),
      statedDays: 3,
      makeUpWorkdays: [],
    },
    {
      holidays: ["labourDay"],
      firstDayOff: civilDate("2026-05-01"),
      lastDayOff: civilDate("2026-05-05"),
      statedDays: 5,
      makeUpWorkdays: [civilDate("2026-05-09")],
    },
    {
      holidays: ["dragonBoatFestival"],
      firstDayOff: civilDate("2026-06-19"),
      lastDayOff: civilDate("2026-06-21"),
      statedDays: 3,
      makeUpWorkdays: [],
    },
    {
      holidays: ["midAutumnFestival"],
      firstDayOff: civilDate("2026-09-25"),
      lastDayOff: civilDate("2026-09-27"),
      statedDays: 3,
      makeUpWorkdays: [],
    },
    {
      holidays: ["nationalDay"],
      firstDayOff: civilDate("2026-10-01"),
      lastDayOff: civilDate("2026-10-07"),
      statedDays: 7,
      makeUpWorkdays: [civilDate("2026-09-20"), civilDate("2026-10-10")],
    },
  ],
}
