/**
 * A local time of day written `HH:MM` on the 24-hour clock ("09:00", "13:30"), as working hours
 * are written on a notice board. "24:00" is the end of the day, so a period can run to midnight.
 */
export type TimeOfDay = string

/** Minutes in one calendar day without a DST change: "24:00" is this many minutes after midnight. */
export const minutesPerDay = 1440

const timeOfDayPattern = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * Minutes after midnight of an `HH:MM` time (0–1439), or 1440 for "24:00";
 * undefined when the text is not such a time ("9:00", "25:00", "12:60" are rejected).
 */
export function parseTimeOfDay(text: string): number | undefined {
  if (text === "24:00") return minutesPerDay
  const match = timeOfDayPattern.exec(text)
  if (!match) return undefined
  return Number(match[1]) * 60 + Number(match[2])
}

/** The `HH:MM` text of a number of minutes after midnight (0–1440). */
export function formatTimeOfDay(minutes: number): TimeOfDay {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > minutesPerDay)
    throw new RangeError(`not a minute of the day (0–1440): ${minutes}`)
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
}
