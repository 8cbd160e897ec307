import { z } from "zod"

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

/**
 * The earliest instant tixi accepts from outside, 1800-01-01T00:00:00Z. Untrusted instants are
 * bounded so that every instant a command carries has a date the platform's `Intl` can format and
 * a four-digit year (JavaScript's own limit, ±8.64e15, makes `Intl` throw a RangeError).
 */
export const earliestInstant: Instant = -5_364_662_400_000
/** The first instant tixi no longer accepts from outside, 2200-01-01T00:00:00Z (see `earliestInstant`). */
export const latestInstant: Instant = 7_258_118_400_000

/** Whether an instant lies in the range tixi accepts from outside (`earliestInstant` to before `latestInstant`). */
export const isInstantInRange = (value: unknown): value is Instant =>
  isInstant(value) && value >= earliestInstant && value < latestInstant

/**
 * Validates an instant from untrusted data (a command's `at`, a form's date-time): whole
 * milliseconds from 1800 to 2199, so date arithmetic on it can never leave the platform's range.
 */
export const instantSchema: z.ZodType<Instant> = z
  .number()
  .int("must be whole milliseconds")
  .min(earliestInstant, "must be an instant from the year 1800 on")
  .max(latestInstant - 1, "must be an instant before the year 2200")
