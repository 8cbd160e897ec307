import { civilDate } from "../../time/civil-date.ts"
import type { OfficialHolidayYear } from "./official-holiday-year.ts"

/**
 * 2025, from 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), the first
 * notice under the revised 全国年节及纪念日放假办法 that added a day each to 春节 and 劳动节.
 */
export const chinaHolidays2025: OfficialHolidayYear = {
  year: 2025,
  notice: {
    title: "国务院办公厅关于2025年部分节假日安排的通知",
    documentNumber: "国办发明电〔2024〕12号",
    publishedOn: civilDate("2024-11-12"),
    url: "https://www.gov.cn/zhengce/content/202411/content_6986382.htm",
  },
  arrangements: [
    {
      holidays: ["newYearsDay"],
      firstDayOff: civilDate("2025-01-01"),
      lastDayOff: civilDate("2025-01-01"),
      statedDays: 1,
      makeUpWorkdays: [],
    },
    {
      holidays: ["springFestival"],
      firstDayOff: civilDate("2025-01-28"),
      lastDayOff: civilDate("2025-02-04"),
      statedDays: 8,
      makeUpWorkdays: [civilDate("2025-01-26"), civilDate("2025-02-08")],
    },
    {
      holidays: ["qingmingFestival"],
      firstDayOff: civilDate("2025-04-04"),
      lastDayOff: civilDate("2025-04-06"),
      statedDays: 3,
      makeUpWorkdays: [],
    },
    {
      holidays: ["labourDay"],
      firstDayOff: civilDate("2025-05-01"),
      lastDayOff: civilDate("2025-05-05"),
      statedDays: 5,
      makeUpWorkdays: [civilDate("2025-04-27")],
    },
    {
      holidays: ["dragonBoatFestival"],
      firstDayOff: civilDate("2025-05-31"),
      lastDayOff: civilDate("2025-06-02"),
      statedDays: 3,
      makeUpWorkdays: [],
    },
    {
      holidays: ["nationalDay", "midAutumnFestival"],
      firstDayOff: civilDate("2025-10-01"),
      lastDayOff: civilDate("2025-10-08"),
      statedDays: 8,
      makeUpWorkdays: [civilDate("2025-09-28"), civilDate("2025-10-11")],
    },
  ],
}
