/**
 * A point in time as milliseconds since 1970-01-01T00:00:00Z. The core keeps time as plain
 * numbers so that deciders and working-time arithmetic stay allocation-free; it never reads the
 * wall clock itself (time comes from Effect's `Clock` at the edge).
 */
export type Instant = number

/** One minute in milliseconds. */
export const minuteMillis = 60_000
/** One hour in milliseconds. */
export const hourMillis = 3_600_000
/** One day (24 hours, not a calendar day) in milliseconds. */
export const dayMillis = 86_400_000

/** Whether a value is a usable instant: a finite integer number of milliseconds. */
export const isInstant = (value: unknown): value is Instant =>
  typeof value === "number" && Number.isSafeInteger(value)
