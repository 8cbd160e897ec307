import { dayMillis, type Instant } from "../time/instant.ts"

/**
 * A timer's due instant counted in calendar days from an instant the state recorded (the plan's
 * approval, the last contact), negative days counting back; none while that instant is not yet
 * known, so the timer is simply not set.
 */
export const daysAfter = (instant: Instant | undefined, days: number): Instant | undefined =>
  instant === undefined ? undefined : instant + days * dayMillis
