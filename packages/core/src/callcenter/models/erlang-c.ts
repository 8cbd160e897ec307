import { z } from "zod"
import { erlangB, erlangCFromB } from "./erlang-b.ts"
import {
  agentCountSchema,
  type IntervalTraffic,
  intervalTrafficShape,
  offeredLoad,
  validModelInput,
} from "./traffic.ts"

/** What `erlangC` takes: the interval's traffic and the agents answering it. */
export interface ErlangCInput extends IntervalTraffic {
  /** Agents on the phones (productive, after shrinkage), a whole number. */
  readonly agents: number
}

const erlangCInputSchema = z.object({ ...intervalTrafficShape, agents: agentCountSchema })

/**
 * How an interval performs in the Erlang C model (M/M/N: Poisson arrivals, exponential handle
 * times, N agents, callers wait and never hang up). Times are in seconds.
 */
export interface ErlangCResult {
  /** The offered load A = λ·AHT in Erlangs. */
  readonly load: number
  readonly agents: number
  /** False when agents ≤ load: the queue grows without bound, every call waits, the SL is 0. */
  readonly stable: boolean
  /** C(N, A): the share of calls that wait at all (Erlang's delay probability). */
  readonly probabilityOfWaiting: number
  /** Average speed of answer over all calls, ASA = C·AHT / (N − A); infinite when unstable. */
  readonly averageSpeedOfAnswerSeconds: number
  /** Average wait of the calls that do wait, AHT / (N − A). */
  readonly averageWaitOfDelayedSeconds: number
  /** Average number of calls in the queue, Lq = C·A / (N − A). */
  readonly averageQueueLength: number
  /** Share of agent time spent on calls, A / N (at most 1). */
  readonly occupancy: number
  /** Share of calls answered within `answerWithinSeconds`: SL(t) = 1 − C·e^{−(N−A)·t/AHT}. */
  serviceLevel(answerWithinSeconds: number): number
}

/** Erlang C for a load and agent count already validated; the hot path of staffing searches. */
export function erlangCOfLoad(
  load: number,
  agents: number,
  averageHandleSeconds: number,
  blocking: number = erlangB(agents, load),
): ErlangCResult {
  const stable = agents > load || (agents === 0 && load === 0)
  const waiting = erlangCFromB(blocking, agents, load)
  const spare = agents - load
  return {
    load,
    agents,
    stable,
    probabilityOfWaiting: waiting,
    averageSpeedOfAnswerSeconds: !stable
      ? Number.POSITIVE_INFINITY
      : spare === 0
        ? 0
        : (waiting * averageHandleSeconds) / spare,
    averageWaitOfDelayedSeconds: !stable
      ? Number.POSITIVE_INFINITY
      : spare === 0
        ? 0
        : averageHandleSeconds / spare,
    averageQueueLength: !stable ? Number.POSITIVE_INFINITY : spare === 0 ? 0 : (waiting * load) / spare,
    occupancy: agents === 0 ? (load === 0 ? 0 : 1) : Math.min(1, load / agents),
    serviceLevel(answerWithinSeconds) {
      if (!(answerWithinSeconds >= 0) || !Number.isFinite(answerWithinSeconds)) {
        throw new RangeError(`answerWithinSeconds must be a finite number ≥ 0: ${answerWithinSeconds}`)
      }
      if (!stable) return 0
      return 1 - waiting * Math.exp((-spare * answerWithinSeconds) / averageHandleSeconds)
    },
  }
}

/**
 * Erlang C (Erlang 1917; the M/M/N queue of every call-centre handbook): the probability that a
 * call waits, its service level, average speed of answer and occupancy, for one interval.
 * Exact and stable for any size of centre: Erlang B is computed by its recurrence and converted
 * to C, never through factorials or powers. Throws `ValidationError` on bad input.
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const valid = validModelInput("callcenter.erlangC", erlangCInputSchema, input)
  return erlangCOfLoad(offeredLoad(valid), valid.agents, valid.averageHandleSeconds)
}
