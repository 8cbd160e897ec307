// One day on the hotline's floor, call by call: callers arrive around the day's true expectation
// (which the forecast only estimates), wait in one first-come-first-served queue, are answered by
// the agents the schedule put on the floor — less those absent that day and those on a break in
// that interval — or hang up when their patience runs out; some call back. The switch's records
// (CallRecord) are what the KPIs are then computed from, as a centre computes them from its ACD.
import { type CallCenter, type Instant, PriorityQueue } from "@tixi/core"
import { intervalMinutes, intervalsPerDay } from "./call-history.ts"
import type { Random } from "./random.ts"

const intervalMillis = intervalMinutes * 60_000
const second = 1000

/** How callers and agents behave on the day. */
export interface FloorSetting {
  /** Mean talk time of an answered call, seconds (log-normal around it). */
  readonly talkSeconds: number
  /** Mean after-call work, seconds. */
  readonly wrapUpSeconds: number
  /** Mean patience of a waiting caller before hanging up, seconds (exponential, as in Erlang A). */
  readonly patienceSeconds: number
  /** Share of answered calls not resolved, whose caller rings again later in the day. */
  readonly unresolvedShare: number
  /** Share of callers who hung up (after the short-abandon threshold) and try again a few minutes later. */
  readonly retryShare: number
  /** Share of scheduled agents absent all day (absence and leave, from the policy's shrinkage). */
  readonly absentShare: number
  /** Share of a present agent's intervals spent off the phones (breaks, coaching, training). */
  readonly offPhoneShare: number
}

/** Why callers ring, with how often; repeat calls keep their reason. */
const reasons = { inquiry: 0.38, repair: 0.27, order: 0.14, installation: 0.15, complaint: 0.06 } as const

/** A shift of the schedule as the floor sees it: the intervals its agents are due on the phones. */
export interface ShiftOnFloor {
  readonly start: string
  readonly end: string
  readonly meal: { readonly start: string; readonly end: string } | undefined
  readonly agents: number
}

/** What the day produced. */
export interface FloorDay {
  readonly records: ReadonlyArray<CallCenter.CallRecord>
  /** Agents present and on the phones, per interval. */
  readonly onPhones: ReadonlyArray<number>
  /** Σ agents on the phones × interval length, for occupancy. */
  readonly staffedAgentSeconds: number
  /** Agents on the schedule who did not come in. */
  readonly absentAgents: number
  /** Calls that were a caller trying again, after hanging up or an unresolved answer. */
  readonly repeatCalls: number
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** The intervals (0–95) a shift's agents are due on the floor: start to end, round midnight, less the meal. */
export function shiftIntervals(shift: Pick<ShiftOnFloor, "start" | "end" | "meal">): ReadonlyArray<number> {
  const start = minutesOf(shift.start) / intervalMinutes
  let end = minutesOf(shift.end) / intervalMinutes
  if (end <= start) end += intervalsPerDay
  // A meal after midnight belongs to the same shift: count it on from the shift's start.
  let mealStart = shift.meal ? minutesOf(shift.meal.start) / intervalMinutes : end
  if (mealStart < start) mealStart += intervalsPerDay
  let mealEnd = shift.meal ? minutesOf(shift.meal.end) / intervalMinutes : end
  while (mealEnd < mealStart) mealEnd += intervalsPerDay
  const rows: Array<number> = []
  for (let step = start; step < end; step++)
    if (step < mealStart || step >= mealEnd) rows.push(step % intervalsPerDay)
  return rows
}

interface Arrival {
  readonly at: Instant
  /** Breaks ties between calls arriving in the same millisecond, so runs are reproducible. */
  readonly sequence: number
  readonly phone: string
  readonly reason: string
  readonly repeat: boolean
}

/**
 * Runs the day from local midnight `dayStart`: `expected` calls per interval (the truth the
 * forecast estimated), the schedule's shifts, and the floor's behaviour. Calls are served first
 * come, first served by the agent free soonest (the longest idle on a tie); an agent finishes the
 * call in hand when due off the phones. Callers still waiting at midnight are served by the same
 * pattern of the next day (the schedule repeats), and the records keep only calls offered today.
 */
export function simulateFloorDay(
  random: Random,
  dayStart: Instant,
  expected: ReadonlyArray<number>,
  shifts: ReadonlyArray<ShiftOnFloor>,
  setting: FloorSetting,
): FloorDay {
  // The agents: who came in, and in which intervals each is on the phones.
  const available: Array<Uint8Array> = []
  let absentAgents = 0
  for (const shift of shifts) {
    const rows = shiftIntervals(shift)
    for (let agent = 0; agent < shift.agents; agent++) {
      if (random.chance(setting.absentShare)) {
        absentAgents += 1
        continue
      }
      const onPhones = new Uint8Array(intervalsPerDay)
      for (const row of rows) if (!random.chance(setting.offPhoneShare)) onPhones[row] = 1
      available.push(onPhones)
    }
  }
  const onPhones = Array.from({ length: intervalsPerDay }, (_, interval) =>
    available.reduce((sum, agent) => sum + agent[interval]!, 0),
  )
  const freeAt = new Float64Array(available.length).fill(dayStart)
  /** The first instant from `from` at which the agent is both free and due on the phones (within two days). */
  const startFor = (agent: number, from: Instant): Instant => {
    let at = Math.max(from, freeAt[agent]!)
    for (let guard = 0; guard < 2 * intervalsPerDay; guard++) {
      const step = Math.floor((at - dayStart) / intervalMillis)
      if (available[agent]![((step % intervalsPerDay) + intervalsPerDay) % intervalsPerDay] === 1) return at
      at = dayStart + (step + 1) * intervalMillis
    }
    return Number.POSITIVE_INFINITY
  }

  const queue = new PriorityQueue<Arrival>(
    (left, right) => left.at < right.at || (left.at === right.at && left.sequence < right.sequence),
  )
  let sequence = 0
  const dayEnd = dayStart + intervalsPerDay * intervalMillis
  let caller = 0
  const newPhone = () => `1${String(3_800_000_000 + caller++ * 7919).padStart(10, "0")}`
  expected.forEach((mean, interval) => {
    const count = random.poisson(mean)
    for (let call = 0; call < count; call++)
      queue.push({
        at: dayStart + Math.floor((interval + random.next()) * intervalMillis),
        sequence: sequence++,
        phone: newPhone(),
        reason: random.weighted(reasons),
        repeat: false,
      })
  })

  const records: Array<CallCenter.CallRecord> = []
  const sigma = 0.7
  const talkMedian = setting.talkSeconds / Math.exp((sigma * sigma) / 2)
  let repeatCalls = 0
  for (let arrival = queue.pop(); arrival !== undefined; arrival = queue.pop()) {
    if (arrival.at >= dayEnd) continue
    if (arrival.repeat) repeatCalls += 1
    const id = `CALL-${String(records.length + 1).padStart(5, "0")}`
    const patience = -Math.log(Math.max(random.next(), Number.EPSILON)) * setting.patienceSeconds * second
    let best = -1
    let bestStart = Number.POSITIVE_INFINITY
    for (let agent = 0; agent < available.length; agent++) {
      const start = startFor(agent, arrival.at)
      if (start < bestStart || (start === bestStart && freeAt[agent]! < freeAt[best]!)) {
        best = agent
        bestStart = start
      }
    }
    const base = {
      id,
      direction: "inbound" as const,
      queue: "400",
      phoneNumber: arrival.phone,
      reason: arrival.reason,
      offeredAt: arrival.at,
    }
    if (best < 0 || bestStart - arrival.at > patience) {
      const endedAt = arrival.at + Math.round(patience)
      records.push({ ...base, endedAt })
      if (patience > 5 * second && random.chance(setting.retryShare))
        queue.push({
          ...arrival,
          at: endedAt + random.int(60, 900) * second,
          sequence: sequence++,
          repeat: true,
        })
      continue
    }
    const answeredAt = Math.round(bestStart)
    const talk = Math.round(random.logNormal(talkMedian, sigma) * second)
    const wrapUp = Math.round(setting.wrapUpSeconds * (0.5 + random.next()))
    freeAt[best] = answeredAt + talk + wrapUp * second
    records.push({
      ...base,
      answeredAt,
      endedAt: answeredAt + talk,
      wrapUpSeconds: wrapUp,
      agentId: `agent-${best + 1}`,
    })
    if (random.chance(setting.unresolvedShare))
      queue.push({
        ...arrival,
        at: answeredAt + talk + random.int(30, 300) * 60 * second,
        sequence: sequence++,
        repeat: true,
      })
  }
  return {
    records,
    onPhones,
    staffedAgentSeconds: onPhones.reduce((sum, agents) => sum + agents, 0) * intervalMinutes * 60,
    absentAgents,
    repeatCalls,
  }
}
