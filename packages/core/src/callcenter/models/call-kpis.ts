import { z } from "zod"
import type { Instant } from "../../time/instant.ts"
import { hourMillis } from "../../time/instant.ts"
import { ServiceLevelConvention } from "../labels/call-labels.ts"
import type { CallRecord } from "../schema/call-record.ts"
import { validModelInput } from "./traffic.ts"

/** How the KPIs are taken; every threshold is the centre's to set. */
export interface CallKpiOptions {
  /** The service level's answer time, e.g. 20 s for 80/20. */
  readonly answerWithinSeconds: number
  /** Callers who hang up within this many seconds are short abandons (misdials, ghost calls). */
  readonly shortAbandonSeconds: number
  /** Which calls the service level is taken over. */
  readonly serviceLevelConvention: ServiceLevelConvention
  /** Seconds per ring cycle (China's ringing tone is 1 s on, 4 s off: 5 s). */
  readonly ringSeconds: number
  /** The handbook's rule: answer within three rings (来电铃响 3 声内必须应答). */
  readonly rings: number
  /** A repeat call by the same customer (for the same reason) within this window undoes first-call resolution. */
  readonly repeatWindowHours: number
  /** Agent time logged in and available or busy, for occupancy; occupancy is undefined without it. */
  readonly staffedAgentSeconds?: number
  /** When given, the KPIs are also broken down per interval from `start`. */
  readonly intervals?: { readonly start: Instant; readonly minutes: number; readonly count: number }
}

/** The inbound KPIs of a set of calls. Rates are shares (0–1); undefined when nothing to divide by. */
export interface InboundKpis {
  readonly offered: number
  readonly answered: number
  readonly abandoned: number
  readonly shortAbandoned: number
  /** Answered within `answerWithinSeconds`, over the calls the convention counts. */
  readonly serviceLevel: number | undefined
  /** Average speed of answer: mean wait of the answered calls, seconds. */
  readonly averageSpeedOfAnswerSeconds: number | undefined
  /** Abandoned after the short-abandon threshold, over offered less short abandons. */
  readonly abandonmentRate: number | undefined
  /** Mean wait of the callers who hung up, seconds. */
  readonly averageTimeToAbandonSeconds: number | undefined
  /** Average handle time: talk plus after-call work of the answered calls, seconds. */
  readonly averageHandleSeconds: number | undefined
  /** Handle time of all calls (outbound too) over staffed agent time; per interval undefined. */
  readonly occupancy: number | undefined
  /** Answered calls resolved without a repeat call within the window (or so marked), over answered calls. */
  readonly firstCallResolution: number | undefined
  /** Answered calls picked up within `rings` rings of alerting, over answered calls (the handbook's rule). */
  readonly answeredWithinRings: number | undefined
  /** The longest wait of any caller, seconds. */
  readonly longestWaitSeconds: number
}

/** The outbound KPIs of a set of calls. */
export interface OutboundKpis {
  readonly attempts: number
  readonly connected: number
  readonly connectRate: number | undefined
  /** Mean talk plus after-call work of the connected calls, seconds. */
  readonly averageHandleSeconds: number | undefined
}

/** KPIs of one interval. */
export interface IntervalKpis extends InboundKpis {
  readonly interval: number
  readonly start: Instant
}

/** The KPIs of a set of call records. */
export interface CallKpis {
  readonly inbound: InboundKpis
  readonly outbound: OutboundKpis
  readonly intervals: ReadonlyArray<IntervalKpis> | undefined
}

const optionsSchema = z.object({
  answerWithinSeconds: z.number().finite().min(0),
  shortAbandonSeconds: z.number().finite().min(0),
  serviceLevelConvention: ServiceLevelConvention.schema,
  ringSeconds: z.number().finite().positive(),
  rings: z.number().int().min(1),
  repeatWindowHours: z.number().finite().min(0),
  staffedAgentSeconds: z.number().finite().min(0).optional(),
  intervals: z
    .object({
      start: z.number().int(),
      minutes: z.number().int().positive(),
      count: z.number().int().positive().max(100_000),
    })
    .optional(),
})

const seconds = (from: Instant, to: Instant) => (to - from) / 1000
const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? undefined : numerator / denominator

/**
 * Repeat-call first-call resolution: an answered inbound call is resolved on first contact unless
 * the same customer (customer id, else phone number) calls again within the window, for the same
 * reason when both calls carry one. An explicit `resolvedOnFirstContact` wins. Calls without a
 * customer key are judged only when they carry the explicit flag.
 */
function firstContactResolved(calls: ReadonlyArray<CallRecord>, windowMillis: number): Map<string, boolean> {
  const verdicts = new Map<string, boolean>()
  const byCustomer = new Map<string, Array<CallRecord>>()
  for (const call of calls) {
    if (call.direction !== "inbound") continue
    const key = call.customerId ?? call.phoneNumber
    if (key !== undefined) {
      const list = byCustomer.get(key)
      if (list) list.push(call)
      else byCustomer.set(key, [call])
    }
    if (call.answeredAt !== undefined && call.resolvedOnFirstContact !== undefined) {
      verdicts.set(call.id, call.resolvedOnFirstContact)
    }
  }
  for (const list of byCustomer.values()) {
    list.sort((left, right) => left.offeredAt - right.offeredAt)
    list.forEach((call, index) => {
      if (call.answeredAt === undefined || verdicts.has(call.id)) return
      let repeated = false
      for (let next = index + 1; next < list.length; next++) {
        const later = list[next]!
        if (later.offeredAt - call.offeredAt > windowMillis) break
        if (call.reason === undefined || later.reason === undefined || later.reason === call.reason) {
          repeated = true
          break
        }
      }
      verdicts.set(call.id, !repeated)
    })
  }
  return verdicts
}

function inboundKpis(
  calls: ReadonlyArray<CallRecord>,
  options: CallKpiOptions,
  verdicts: ReadonlyMap<string, boolean>,
): InboundKpis {
  let answered = 0
  let abandoned = 0
  let shortAbandoned = 0
  let answeredWithin = 0
  let waitOfAnswered = 0
  let waitOfAbandoned = 0
  let handle = 0
  let resolved = 0
  let judged = 0
  let withinRings = 0
  let longestWait = 0
  const ringLimit = options.rings * options.ringSeconds
  for (const call of calls) {
    if (call.answeredAt !== undefined) {
      answered += 1
      const wait = seconds(call.offeredAt, call.answeredAt)
      waitOfAnswered += wait
      longestWait = Math.max(longestWait, wait)
      if (wait <= options.answerWithinSeconds) answeredWithin += 1
      if (seconds(call.alertedAt ?? call.offeredAt, call.answeredAt) <= ringLimit) withinRings += 1
      handle += seconds(call.answeredAt, call.endedAt) + (call.wrapUpSeconds ?? 0)
      const verdict = verdicts.get(call.id)
      if (verdict !== undefined) {
        judged += 1
        if (verdict) resolved += 1
      }
    } else {
      const wait = seconds(call.offeredAt, call.endedAt)
      longestWait = Math.max(longestWait, wait)
      if (wait <= options.shortAbandonSeconds) shortAbandoned += 1
      else {
        abandoned += 1
        waitOfAbandoned += wait
      }
    }
  }
  const offered = calls.length
  const denominator =
    options.serviceLevelConvention === "offered"
      ? offered
      : options.serviceLevelConvention === "excludeShortAbandons"
        ? offered - shortAbandoned
        : answered
  return {
    offered,
    answered,
    abandoned,
    shortAbandoned,
    serviceLevel: ratio(answeredWithin, denominator),
    averageSpeedOfAnswerSeconds: ratio(waitOfAnswered, answered),
    abandonmentRate: ratio(abandoned, offered - shortAbandoned),
    averageTimeToAbandonSeconds: ratio(waitOfAbandoned, abandoned),
    averageHandleSeconds: ratio(handle, answered),
    occupancy: undefined,
    firstCallResolution: ratio(resolved, judged),
    answeredWithinRings: ratio(withinRings, answered),
    longestWaitSeconds: longestWait,
  }
}

/**
 * The call centre's KPIs from its call records (000 ch.9 报表; DOMAIN 7): service level, average
 * speed of answer, abandonment, average handle time, occupancy, first-call resolution and the
 * handbook's three-ring rule for inbound calls, connect rate for outbound ones, overall and per
 * interval. Records are assumed valid (see `parseCallRecords`); options are validated and a bad
 * one throws `ValidationError`.
 */
export function callKpis(records: ReadonlyArray<CallRecord>, options: CallKpiOptions): CallKpis {
  const valid = validModelInput("callcenter.kpiOptions", optionsSchema, options) as CallKpiOptions
  const inbound = records.filter((call) => call.direction === "inbound")
  const outbound = records.filter((call) => call.direction === "outbound")
  const verdicts = firstContactResolved(inbound, valid.repeatWindowHours * hourMillis)
  let connected = 0
  let outboundHandle = 0
  for (const call of outbound) {
    if (call.answeredAt === undefined) continue
    connected += 1
    outboundHandle += seconds(call.answeredAt, call.endedAt) + (call.wrapUpSeconds ?? 0)
  }
  let intervals: Array<IntervalKpis> | undefined
  if (valid.intervals) {
    const { start, minutes, count } = valid.intervals
    const length = minutes * 60_000
    const buckets: Array<Array<CallRecord>> = Array.from({ length: count }, () => [])
    for (const call of inbound) {
      const index = Math.floor((call.offeredAt - start) / length)
      if (index >= 0 && index < count) buckets[index]!.push(call)
    }
    intervals = buckets.map((calls, interval) => ({
      interval,
      start: start + interval * length,
      ...inboundKpis(calls, valid, verdicts),
    }))
  }
  const inboundResult = inboundKpis(inbound, valid, verdicts)
  const handled = (inboundResult.averageHandleSeconds ?? 0) * inboundResult.answered + outboundHandle
  const staffed = valid.staffedAgentSeconds
  return {
    // Occupancy counts every call the agents handled, outbound included.
    inbound: {
      ...inboundResult,
      occupancy: staffed === undefined || staffed === 0 ? undefined : Math.min(1, handled / staffed),
    },
    outbound: {
      attempts: outbound.length,
      connected,
      connectRate: ratio(connected, outbound.length),
      averageHandleSeconds: ratio(outboundHandle, connected),
    },
    intervals,
  }
}
