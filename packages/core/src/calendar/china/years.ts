import { chinaHolidays2025 } from "./2025.ts"
import { chinaHolidays2026 } from "./2026.ts"
import type { OfficialHolidayYear } from "./official-holiday-year.ts"

/**
 * Every year of the official mainland-China calendar tixi ships, oldest first. A new year is a
 * data change only: transcribe its State Council notice into `<year>.ts` and add one line here.
 */
export const chinaMainlandYears: ReadonlyArray<OfficialHolidayYear> = [chinaHolidays2025, chinaHolidays2026]

/** The years whose holidays and 调休 the official calendar knows: [2025, 2026, …]. */
export const chinaMainlandCoveredYears: ReadonlyArray<number> = chinaMainlandYears.map((entry) => entry.year)
