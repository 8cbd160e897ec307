/** Milliseconds of a Salesforce datetime (`2026-01-05T08:30:00.000+0000`, `…Z`, `…+08:00`). */
export const instantOf = (value: string): number => Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))

/** The calendar date of an instant in a time zone (`YYYY-MM-DD`), for date-only fields. */
export function dateIn(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant)
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? ""
  return `${part("year")}-${part("month")}-${part("day")}`
}

/** A SOQL datetime literal (`2026-01-05T08:30:00Z`, unquoted). */
export const formatSoqlDateTime = (instant: number): string =>
  `${new Date(instant).toISOString().slice(0, 19)}Z`
