import { z } from "zod"
import { erlangCFromB, nextErlangB } from "./erlang-b.ts"
import { type ErlangCResult, erlangCOfLoad } from "./erlang-c.ts"
import {
  type IntervalTraffic,
  intervalTrafficShape,
  offeredLoad,
  targetShareSchema,
  validModelInput,
} from "./traffic.ts"

/** A service-level target for one interval: X % of calls answered within Y seconds (80/20). */
export interface ServiceTarget {
  /** The share of calls to answer within `answerWithinSeconds`, e.g. 0.8; below 1. */
  readonly targetServiceLevel: number
  readonly answerWithinSeconds: number
  /** The highest occupancy agents may run at (burn-out guard), e.g. 0.85; 1 when absent. */
  readonly maxOccupancy?: number
}

/** What `agentsFor` takes: the interval's traffic and its target. */
export interface AgentsForInput extends IntervalTraffic, ServiceTarget {}

/** Validates a service target's fields; shared by the Erlang C and Erlang A searches. */
export const serviceTargetShape = {
  targetServiceLevel: targetShareSchema,
  answerWithinSeconds: z.number().finite("must be a finite number").min(0, "must not be negative"),
  maxOccupancy: z.number().gt(0, "must be above 0").max(1, "must be at most 1").optional(),
}

const agentsForInputSchema = z.object({ ...intervalTrafficShape, ...serviceTargetShape })

/**
 * Whether `agents` keep occupancy A/N at or below the cap. The relative slack of 10⁻¹² keeps a
 * load computed as 121.5 and one computed as 121.49999999999999 from being staffed differently
 * at exactly the cap (121.5 / 135 = 0.9000000000000001).
 */
export const withinOccupancy = (load: number, agents: number, maxOccupancy: number): boolean =>
  load <= maxOccupancy * agents * (1 + 1e-12)

/** The staffing of one interval: the agents, what they achieve, and which constraint decided it. */
export interface IntervalStaffing {
  readonly agents: number
  readonly result: ErlangCResult
  /** The achieved service level at `agents`. */
  readonly serviceLevel: number
  /**
   * What set the number: the service level, the occupancy cap, or nothing (no calls at all).
   * When the cap decides, the centre is over-staffed for the SL on purpose.
   */
  readonly limitedBy: "serviceLevel" | "occupancy" | "noTraffic"
}

/**
 * The smallest N with SL(N) ≥ target and A/N ≤ maxOccupancy, for a load already validated.
 * SL rises with N above the load, so the first N that meets the target, walking up from the
 * first stable N, is the minimum. The walk continues the Erlang B recurrence, one O(1) step per
 * agent: reaching the load costs O(A) steps and the walk beyond it O(√A) (square-root staffing),
 * which is cheaper than a bisection that would restart the recurrence at each probe.
 */
export function staffLoad(
  load: number,
  averageHandleSeconds: number,
  target: ServiceTarget,
): IntervalStaffing {
  const maxOccupancy = target.maxOccupancy ?? 1
  if (load === 0) {
    const result = erlangCOfLoad(0, 0, averageHandleSeconds, 1)
    return { agents: 0, result, serviceLevel: 1, limitedBy: "noTraffic" }
  }
  const decay = target.answerWithinSeconds / averageHandleSeconds
  let agents = 0
  let blocking = 1
  const firstStable = Math.floor(load) + 1
  while (agents < firstStable) {
    agents += 1
    blocking = nextErlangB(blocking, agents, load)
  }
  let firstMeetingServiceLevel: number | undefined
  for (;;) {
    const waiting = erlangCFromB(blocking, agents, load)
    const serviceLevel = 1 - waiting * Math.exp(-(agents - load) * decay)
    if (serviceLevel >= target.targetServiceLevel) {
      firstMeetingServiceLevel ??= agents
      if (withinOccupancy(load, agents, maxOccupancy)) {
        return {
          agents,
          result: erlangCOfLoad(load, agents, averageHandleSeconds, blocking),
          serviceLevel,
          limitedBy: firstMeetingServiceLevel < agents ? "occupancy" : "serviceLevel",
        }
      }
    }
    agents += 1
    blocking = nextErlangB(blocking, agents, load)
  }
}

/**
 * Staffs one interval with Erlang C: the smallest number of agents that answers
 * `targetServiceLevel` of the calls within `answerWithinSeconds` without running above
 * `maxOccupancy`, with what they achieve. Throws `ValidationError` on bad input.
 */
export function staffInterval(input: AgentsForInput): IntervalStaffing {
  const valid = validModelInput("callcenter.agentsFor", agentsForInputSchema, input)
  return staffLoad(offeredLoad(valid), valid.averageHandleSeconds, {
    targetServiceLevel: valid.targetServiceLevel,
    answerWithinSeconds: valid.answerWithinSeconds,
    ...(valid.maxOccupancy === undefined ? {} : { maxOccupancy: valid.maxOccupancy }),
  })
}

/**
 * The smallest number of agents that meets an 80/20-style target in the Erlang C model (and the
 * occupancy cap, when given): exact, never an approximation, and fast for centres of thousands
 * of agents. Zero when no calls are expected. Throws `ValidationError` on bad input.
 */
export function agentsFor(input: AgentsForInput): number {
  return staffInterval(input).agents
}
