import { dayNumberOfParts } from "./civil-date.ts"
import { dayMillis, type Instant } from "./instant.ts"

/**
 * A change of a zone's UTC offset: from `at` on, local wall-clock time is `at + offsetAfter`.
 * Offsets are in milliseconds (+08:00 is 28 800 000).
 */
export interface OffsetTransition {
  readonly at: Instant
  readonly offsetBefore: number
  readonly offsetAfter: number
}

/**
 * The rules of one IANA time zone ("Asia/Shanghai", "Europe/Berlin"), read from the platform's
 * time-zone database through `Intl` (the core may not use `Date`).
 *
 * Wall-clock time is written as "wall-clock milliseconds": the local date and time counted as if
 * it were UTC, i.e. `dayNumber(date) × 86 400 000 + milliseconds since local midnight`. That
 * keeps conversions plain arithmetic on numbers.
 */
export interface TimeZoneRules {
  /** The zone's identifier as given ("Asia/Shanghai"). */
  readonly id: string
  /** The UTC offset in milliseconds in force at an instant (local = UTC + offset). */
  offsetAt(at: Instant): number
  /** The local wall-clock time of an instant, in wall-clock milliseconds. */
  wallClockOf(at: Instant): number
  /**
   * The instant a local wall-clock time happens: the first instant whose wall-clock time is at
   * or after it. So a time that happens twice (the clocks go back) gives its earlier occurrence,
   * and a time that never happens (the clocks jump forward over it) gives the instant of the
   * jump, the first local time after the gap: in Berlin, 2026-03-29 02:30 gives 03:00 CEST.
   * The mapping never goes backwards: a later wall-clock time never gives an earlier instant,
   * which keeps working periods ordered and working-time arithmetic exact on DST days.
   */
  instantOfWallClock(wallClock: number): Instant
  /** The offset changes in `[from, to]`, in order. */
  transitionsBetween(from: Instant, to: Instant): ReadonlyArray<OffsetTransition>
}

const secondMillis = 1000
/** Offsets are cached per UTC day; the zone database has no offset that changes and changes back within a day. */
const bucketMillis = dayMillis
/** Past this many cached days a zone's cache starts afresh, so a sweep over centuries cannot hold memory. */
const maximumCachedDays = 100_000

interface DayOffsets {
  readonly offsetAtStart: number
  readonly transitions: ReadonlyArray<OffsetTransition>
}

const noTransitions: ReadonlyArray<OffsetTransition> = []
const rulesByZone = new Map<string, TimeZoneRules>()

function makeFormatter(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    era: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  })
}

/**
 * Whether `Intl` knows a time zone. IANA names are matched case-insensitively by the platform
 * ("asia/shanghai" works); fixed offsets such as "+08:00" are accepted too.
 */
export function isKnownTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0) return false
  if (rulesByZone.has(zone)) return true
  try {
    makeFormatter(zone)
    return true
  } catch {
    return false
  }
}

/**
 * The rules of a zone, shared by every caller in the process: offsets are looked up through
 * `Intl` once per UTC day and cached, so working-time arithmetic stays on plain numbers.
 * Throws a RangeError for an unknown zone; validate user input with `isKnownTimeZone` first.
 */
export function timeZoneRules(zone: string): TimeZoneRules {
  const cached = rulesByZone.get(zone)
  if (cached) return cached
  let formatter: Intl.DateTimeFormat
  try {
    formatter = makeFormatter(zone)
  } catch {
    throw new RangeError(`unknown time zone: ${JSON.stringify(zone)}`)
  }
  const rules = buildRules(zone, formatter)
  rulesByZone.set(zone, rules)
  return rules
}

const formattedPattern = /^(\d{1,2})\/(\d{1,2})\/(\d+) (AD|BC), (\d{2}):(\d{2}):(\d{2})$/

/** Local date and time fields from Intl's parts (proleptic Gregorian, years before 1 CE as 0, −1, …). */
function fieldsFromParts(parts: ReadonlyArray<Intl.DateTimeFormatPart>) {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  let beforeCommonEra = false
  for (const part of parts) {
    if (part.type === "era") beforeCommonEra = part.value === "BC" || part.value === "B"
    else if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value)
  }
  if (beforeCommonEra) fields.year = 1 - fields.year
  return fields
}

function buildRules(zone: string, formatter: Intl.DateTimeFormat): TimeZoneRules {
  let days = new Map<number, DayOffsets>()
  let samples = new Map<number, number>()

  /** The offset at a whole second, read from Intl (a few µs; callers cache it per day). */
  function intlOffset(at: Instant): number {
    // `format` is several times faster than `formatToParts`; the parts are the fallback should a
    // platform print en-US differently from "3/29/2026 AD, 03:00:00".
    const match = formattedPattern.exec(formatter.format(at))
    const fields = match
      ? {
          year: match[4] === "BC" ? 1 - Number(match[3]) : Number(match[3]),
          month: Number(match[1]),
          day: Number(match[2]),
          hour: Number(match[5]),
          minute: Number(match[6]),
          second: Number(match[7]),
        }
      : fieldsFromParts(formatter.formatToParts(at))
    const wallClock =
      dayNumberOfParts(fields.year, fields.month, fields.day) * dayMillis +
      ((fields.hour * 60 + fields.minute) * 60 + fields.second) * secondMillis
    return wallClock - at
  }

  function offsetAtDayStart(dayIndex: number): number {
    let offset = samples.get(dayIndex)
    if (offset === undefined) {
      offset = intlOffset(dayIndex * bucketMillis)
      samples.set(dayIndex, offset)
    }
    return offset
  }

  /** Finds the changes in (low, high] by bisection on whole seconds (zone changes fall on whole seconds). */
  function findTransitions(
    low: Instant,
    lowOffset: number,
    high: Instant,
    highOffset: number,
    into: Array<OffsetTransition>,
  ): void {
    let before = low
    let after = high
    let afterOffset = highOffset
    while (after - before > secondMillis) {
      const middle = before + Math.floor((after - before) / (2 * secondMillis)) * secondMillis
      const middleOffset = intlOffset(middle)
      if (middleOffset === lowOffset) before = middle
      else {
        after = middle
        afterOffset = middleOffset
      }
    }
    into.push({ at: after, offsetBefore: lowOffset, offsetAfter: afterOffset })
    if (afterOffset !== highOffset) findTransitions(after, afterOffset, high, highOffset, into)
  }

  function dayOffsets(dayIndex: number): DayOffsets {
    const cached = days.get(dayIndex)
    if (cached) return cached
    if (days.size >= maximumCachedDays) {
      days = new Map()
      samples = new Map()
    }
    const start = dayIndex * bucketMillis
    const offsetAtStart = offsetAtDayStart(dayIndex)
    const offsetAtEnd = offsetAtDayStart(dayIndex + 1)
    let transitions = noTransitions
    if (offsetAtStart !== offsetAtEnd) {
      const found: Array<OffsetTransition> = []
      findTransitions(start, offsetAtStart, start + bucketMillis, offsetAtEnd, found)
      transitions = found
    }
    const entry = { offsetAtStart, transitions }
    days.set(dayIndex, entry)
    return entry
  }

  function offsetAt(at: Instant): number {
    const entry = dayOffsets(Math.floor(at / bucketMillis))
    let offset = entry.offsetAtStart
    for (const transition of entry.transitions) if (at >= transition.at) offset = transition.offsetAfter
    return offset
  }

  function transitionsBetween(from: Instant, to: Instant): ReadonlyArray<OffsetTransition> {
    let found: Array<OffsetTransition> | undefined
    const last = Math.floor(to / bucketMillis)
    for (let index = Math.floor(from / bucketMillis); index <= last; index++) {
      for (const transition of dayOffsets(index).transitions) {
        if (transition.at < from || transition.at > to) continue
        found ??= []
        found.push(transition)
      }
    }
    return found ?? noTransitions
  }

  function instantOfWallClock(wallClock: number): Instant {
    // Offsets stay within ±1 day, so every instant showing this wall-clock time lies in the window.
    const windowStart = wallClock - dayMillis
    const transitions = transitionsBetween(windowStart, wallClock + dayMillis)
    const offsetAtWindowStart = offsetAt(windowStart)
    if (transitions.length === 0) return wallClock - offsetAtWindowStart
    let first = Number.POSITIVE_INFINITY
    const consider = (offset: number) => {
      const candidate = wallClock - offset
      if (candidate < first && offsetAt(candidate) === offset) first = candidate
    }
    consider(offsetAtWindowStart)
    for (const transition of transitions) {
      consider(transition.offsetAfter)
      // The clocks jump over this wall-clock time: it first "happens" at the jump.
      const gapStart = transition.at + transition.offsetBefore
      const gapEnd = transition.at + transition.offsetAfter
      if (gapStart <= wallClock && wallClock < gapEnd && transition.at < first) first = transition.at
    }
    return first
  }

  return {
    id: zone,
    offsetAt,
    wallClockOf: (at) => at + offsetAt(at),
    instantOfWallClock,
    transitionsBetween,
  }
}
