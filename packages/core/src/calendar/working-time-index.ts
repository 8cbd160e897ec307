import { dayMillis, type Instant, minuteMillis } from "../time/instant.ts"
import { minutesPerDay } from "../time/time-of-day.ts"
import type { TimeZoneRules } from "../time/time-zone.ts"

/**
 * The working time of one local day as instants: `bounds` holds start, end, start, end … of its
 * working intervals (half-open, in order, disjoint), all within the day's slot `[start, end)`
 * (local midnight to the next local midnight, which is 23 or 25 hours on DST days).
 */
export interface DaySchedule {
  readonly dayNumber: number
  readonly start: Instant
  readonly end: Instant
  readonly bounds: ReadonlyArray<number>
  /** Working milliseconds in the day. */
  readonly total: number
}

/**
 * Working time as an index over the time line: per-day schedules computed lazily in blocks of
 * days, each block with prefix sums of working time, so arithmetic skips whole days and blocks
 * with a subtraction instead of stepping through them, and stays exact to the millisecond.
 */
export interface WorkingTimeIndex {
  /** The schedule of a day (by day number, days since 1970-01-01). */
  day(dayNumber: number): DaySchedule
  isWorkingInstant(at: Instant): boolean
  /** The instant at which `amount` working milliseconds have elapsed from `from` (see BusinessCalendar). */
  addWorkingMillis(from: Instant, amount: number): Instant
  /** Working milliseconds in `[from, to)`; `from` must not be after `to`. */
  workingMillisBetween(from: Instant, to: Instant): number
}

/** Days per block: a month of working time is one or two prefix-sum lookups. */
const blockDays = 32
/** Past this many cached blocks (about 360 years of days) the cache starts afresh, bounding memory. */
const maximumCachedBlocks = 4096
/** A search that finds no working time in this many blocks (about 875 years) gives up. */
const maximumBlocksSearched = 10_000

interface Block {
  readonly days: ReadonlyArray<DaySchedule>
  /** prefix[k] = working milliseconds in the block's days before day k; prefix[blockDays] = total. */
  readonly prefix: Float64Array
  readonly total: number
}

/** Where an instant falls: its block, the day's position in the block, and the block's number. */
interface Position {
  readonly blockIndex: number
  readonly block: Block
  readonly index: number
}

/**
 * Builds the index of a calendar from its zone and a function giving each day's working periods
 * as minutes after local midnight (start, end, start, end …; "24:00" is 1440).
 */
export function makeWorkingTimeIndex(
  zone: TimeZoneRules,
  periodsOf: (dayNumber: number) => ReadonlyArray<number>,
): WorkingTimeIndex {
  let blocks = new Map<number, Block>()

  function buildBlock(blockIndex: number): Block {
    const firstDay = blockIndex * blockDays
    const windowStart = firstDay * dayMillis - dayMillis
    const windowEnd = (firstDay + blockDays + 1) * dayMillis + dayMillis
    // Most blocks see no offset change: then every local time converts with one subtraction.
    const steadyOffset =
      zone.transitionsBetween(windowStart, windowEnd).length === 0 ? zone.offsetAt(windowStart) : undefined
    const instantOf = (wallClock: number): Instant =>
      steadyOffset === undefined ? zone.instantOfWallClock(wallClock) : wallClock - steadyOffset
    const midnights: Array<Instant> = []
    for (let offset = 0; offset <= blockDays; offset++)
      midnights.push(instantOf((firstDay + offset) * dayMillis))
    const days: Array<DaySchedule> = []
    const prefix = new Float64Array(blockDays + 1)
    let total = 0
    for (let offset = 0; offset < blockDays; offset++) {
      const dayNumber = firstDay + offset
      const start = midnights[offset]!
      const end = midnights[offset + 1]!
      const minutes = periodsOf(dayNumber)
      const bounds: Array<number> = []
      let dayTotal = 0
      for (let index = 0; index < minutes.length; index += 2) {
        const startMinute = minutes[index]!
        const endMinute = minutes[index + 1]!
        const periodStart =
          startMinute === 0 ? start : instantOf(dayNumber * dayMillis + startMinute * minuteMillis)
        const periodEnd =
          endMinute === minutesPerDay ? end : instantOf(dayNumber * dayMillis + endMinute * minuteMillis)
        if (periodEnd <= periodStart) continue // swallowed by a DST gap
        if (bounds.length > 0 && bounds[bounds.length - 1] === periodStart)
          bounds[bounds.length - 1] = periodEnd
        else bounds.push(periodStart, periodEnd)
        dayTotal += periodEnd - periodStart
      }
      days.push({ dayNumber, start, end, bounds, total: dayTotal })
      total += dayTotal
      prefix[offset + 1] = total
    }
    return { days, prefix, total }
  }

  function blockAt(blockIndex: number): Block {
    let block = blocks.get(blockIndex)
    if (block === undefined) {
      if (blocks.size >= maximumCachedBlocks) blocks = new Map()
      block = buildBlock(blockIndex)
      blocks.set(blockIndex, block)
    }
    return block
  }

  function positionOfDay(dayNumber: number): Position {
    const blockIndex = Math.floor(dayNumber / blockDays)
    return { blockIndex, block: blockAt(blockIndex), index: dayNumber - blockIndex * blockDays }
  }

  function day(dayNumber: number): DaySchedule {
    const { block, index } = positionOfDay(dayNumber)
    return block.days[index]!
  }

  /** The day whose slot holds the instant; usually its local date, but never ambiguous on DST days. */
  function locate(at: Instant): Position {
    let dayNumber = Math.floor(zone.wallClockOf(at) / dayMillis)
    let position = positionOfDay(dayNumber)
    let schedule = position.block.days[position.index]!
    while (at < schedule.start) {
      position = positionOfDay(--dayNumber)
      schedule = position.block.days[position.index]!
    }
    while (at >= schedule.end) {
      position = positionOfDay(++dayNumber)
      schedule = position.block.days[position.index]!
    }
    return position
  }

  function workedBefore(schedule: DaySchedule, at: Instant): number {
    const bounds = schedule.bounds
    let worked = 0
    for (let index = 0; index < bounds.length; index += 2) {
      const start = bounds[index]!
      if (at <= start) break
      const end = bounds[index + 1]!
      worked += (at < end ? at : end) - start
    }
    return worked
  }

  function isWorkingInstant(at: Instant): boolean {
    const { block, index } = locate(at)
    const bounds = block.days[index]!.bounds
    for (let position = 0; position < bounds.length; position += 2) {
      if (at < bounds[position]!) return false
      if (at < bounds[position + 1]!) return true
    }
    return false
  }

  /** The instant `need` working milliseconds into a day (0 gives its first working instant). */
  function instantWithinDay(schedule: DaySchedule, need: number): Instant {
    const bounds = schedule.bounds
    let remaining = need
    for (let index = 0; index < bounds.length; index += 2) {
      const length = bounds[index + 1]! - bounds[index]!
      if (remaining <= length) return bounds[index]! + remaining
      remaining -= length
    }
    return bounds[bounds.length - 1]!
  }

  function addWorkingMillis(from: Instant, amount: number): Instant {
    let { blockIndex, block, index } = locate(from)
    let remaining = amount
    const bounds = block.days[index]!.bounds
    for (let position = 0; position < bounds.length; position += 2) {
      const end = bounds[position + 1]!
      if (end <= from) continue
      const start = bounds[position]! > from ? bounds[position]! : from
      const available = end - start
      if (remaining <= available) return start + remaining
      remaining -= available
    }
    // The rest of the count runs in later days: skip whole blocks, then bisect the prefix sums.
    let first = index + 1
    for (let searched = 0; searched < maximumBlocksSearched; searched++) {
      const prefix = block.prefix
      const base = prefix[first]!
      const available = block.total - base
      if (remaining === 0 && available > 0) {
        let target = first
        while (block.days[target]!.total === 0) target++
        return block.days[target]!.bounds[0]!
      }
      if (remaining > 0 && available >= remaining) {
        let low = first
        let high = blockDays - 1
        while (low < high) {
          const middle = (low + high) >> 1
          if (prefix[middle + 1]! - base >= remaining) high = middle
          else low = middle + 1
        }
        return instantWithinDay(block.days[low]!, remaining - (prefix[low]! - base))
      }
      remaining -= available
      blockIndex += 1
      block = blockAt(blockIndex)
      first = 0
    }
    throw new RangeError(`no working time within ${maximumBlocksSearched * blockDays} days after ${from}`)
  }

  function workingMillisBetween(from: Instant, to: Instant): number {
    const start = locate(from)
    const end = locate(to)
    const fromDay = start.block.days[start.index]!
    const toDay = end.block.days[end.index]!
    if (start.blockIndex === end.blockIndex && start.index === end.index)
      return workedBefore(toDay, to) - workedBefore(fromDay, from)
    let total = fromDay.total - workedBefore(fromDay, from) + workedBefore(toDay, to)
    if (start.blockIndex === end.blockIndex)
      return total + end.block.prefix[end.index]! - start.block.prefix[start.index + 1]!
    total += start.block.total - start.block.prefix[start.index + 1]!
    for (let blockIndex = start.blockIndex + 1; blockIndex < end.blockIndex; blockIndex++)
      total += blockAt(blockIndex).total
    return total + end.block.prefix[end.index]!
  }

  return { day, isWorkingInstant, addWorkingMillis, workingMillisBetween }
}
