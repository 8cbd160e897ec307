import type { CivilDate } from "../../time/civil-date.ts"
import type { ChinaOfficialHoliday } from "../labels.ts"

/**
 * The State Council notice (国务院办公厅关于某年部分节假日安排的通知) that sets a year's holidays
 * and 调休, published each autumn for the following year.
 */
export interface HolidayNotice {
  /** The notice's title as published. */
  readonly title: string
  /** Its document number (发文字号), e.g. 国办发明电〔2024〕12号. */
  readonly documentNumber: string
  /** The date the notice is dated and was published. */
  readonly publishedOn: CivilDate
  /** Where the State Council publishes it (www.gov.cn). */
  readonly url: string
}

/**
 * One item of a notice: a holiday (or two merged, as 国庆节、中秋节 in 2025), its consecutive
 * days off, and the Saturdays or Sundays that become working days (调休上班) to pay for them.
 */
export interface HolidayArrangement {
  /** The holidays this item covers, in the notice's order. */
  readonly holidays: ReadonlyArray<ChinaOfficialHoliday>
  /** The first day off. */
  readonly firstDayOff: CivilDate
  /** The last day off (included; the same as the first for a one-day holiday). */
  readonly lastDayOff: CivilDate
  /** "共N天": the number of days off the notice states, kept as a check on the dates. */
  readonly statedDays: number
  /** The make-up working days (调休上班日) of this item. */
  readonly makeUpWorkdays: ReadonlyArray<CivilDate>
}

/** A year of mainland China's official calendar, transcribed from its notice. */
export interface OfficialHolidayYear {
  readonly year: number
  /** The notice the dates are transcribed from; cite it when a customer asks why a day is off. */
  readonly notice: HolidayNotice
  /** The notice's items in its order (一、元旦 … 七、国庆节). */
  readonly arrangements: ReadonlyArray<HolidayArrangement>
}
