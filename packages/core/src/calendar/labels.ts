import { enumeration } from "../labels/enumeration.ts"
import { type Label, label } from "../labels/label.ts"
import type { Weekday } from "../time/civil-date.ts"

/** The names of the ISO weekdays, for rendering a calendar's week (1 Monday … 7 Sunday). */
export const weekdayLabels: Readonly<Record<Weekday, Label>> = {
  1: label("星期一", "Monday"),
  2: label("星期二", "Tuesday"),
  3: label("星期三", "Wednesday"),
  4: label("星期四", "Thursday"),
  5: label("星期五", "Friday"),
  6: label("星期六", "Saturday"),
  7: label("星期日", "Sunday"),
}

/**
 * What kind of day a date is on a business calendar: an ordinary working day, a day the weekly
 * pattern leaves off (周末), a public holiday (法定节假日) or a make-up working day (调休上班日).
 */
export const calendarDayKind = enumeration("calendar.dayKind", {
  workingDay: label("工作日", "Working day"),
  restDay: label("休息日", "Rest day"),
  holiday: label("节假日", "Holiday"),
  makeUpWorkday: label("调休上班日", "Make-up working day"),
})

/** A kind of day on a business calendar. */
export type CalendarDayKind = (typeof calendarDayKind.values)[number]

/**
 * The public holidays of mainland China (全国年节及纪念日放假办法, art. 2), whose dates and
 * 调休 the State Council sets each year.
 */
export const chinaOfficialHoliday = enumeration("calendar.chinaOfficialHoliday", {
  newYearsDay: label("元旦", "New Year's Day"),
  springFestival: label("春节", "Spring Festival"),
  qingmingFestival: label("清明节", "Qingming Festival"),
  labourDay: label("劳动节", "Labour Day"),
  dragonBoatFestival: label("端午节", "Dragon Boat Festival"),
  midAutumnFestival: label("中秋节", "Mid-Autumn Festival"),
  nationalDay: label("国庆节", "National Day"),
})

/** One of mainland China's public holidays. */
export type ChinaOfficialHoliday = (typeof chinaOfficialHoliday.values)[number]

/**
 * Captions of a calendar definition's fields, for the settings screen where an administrator
 * defines the company's calendar, and for error messages that name a field.
 */
export const calendarDefinitionLabels = {
  id: label("日历编号", "Calendar id"),
  name: label("日历名称", "Calendar name"),
  timeZone: label("时区", "Time zone"),
  week: label("每周工作时间", "Weekly working hours"),
  holidays: label("节假日", "Holidays"),
  makeUpWorkdays: label("调休上班日", "Make-up working days"),
  makeUpHours: label("调休上班日工作时间", "Hours on make-up working days"),
  coveredYears: label("已收录节假日的年份", "Years with holidays listed"),
  periodStart: label("开始时间", "Start time"),
  periodEnd: label("结束时间", "End time"),
  dayDate: label("日期", "Date"),
  dayName: label("名称", "Name"),
} as const satisfies Record<string, Label>
