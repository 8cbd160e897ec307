import { z } from "zod"
import { type ServiceTarget, serviceTargetShape, withinOccupancy } from "./agents-for.ts"
import { erlangB, nextErlangB } from "./erlang-b.ts"
import {
  agentCountSchema,
  type IntervalTraffic,
  intervalTrafficShape,
  offeredLoad,
  validModelInput,
} from "./traffic.ts"

/** What `erlangA` takes: the interval's traffic, the agents, and how long callers will wait. */
export interface ErlangAInput extends IntervalTraffic {
  readonly agents: number
  /** Mean patience: how long a caller waits on average before hanging up (exponential). */
  readonly averagePatienceSeconds: number
}

const patienceSchema = z
  .number()
  .finite("must be a finite number (use Erlang C for callers who never hang up)")
  .positive("must be positive")

const erlangAInputSchema = z.object({
  ...intervalTrafficShape,
  agents: agentCountSchema,
  averagePatienceSeconds: patienceSchema,
})

/**
 * How an interval performs in the Erlang A model (M/M/N+M, Palm 1943; Garnett, Mandelbaum &
 * Reiman 2002): Erlang C plus callers who hang up after an exponential patience. Abandoned calls
 * shorten the queue for the others, so Erlang A predicts what a real centre sees where Erlang C
 * over-staffs. Times are in seconds.
 */
export interface ErlangAResult {
  /** The offered load A = λ·AHT in Erlangs. */
  readonly load: number
  readonly agents: number
  /** Share of calls that find every agent busy and queue. */
  readonly probabilityOfWaiting: number
  /** Share of calls that hang up before an agent answers. */
  readonly probabilityOfAbandonment: number
  /** Average wait of every call, the abandoned ones up to the moment they hung up. */
  readonly averageWaitSeconds: number
  /** Average speed of answer: the average wait of the calls that were answered. */
  readonly averageSpeedOfAnswerSeconds: number
  /** Average number of calls in the queue (Little: λ · average wait). */
  readonly averageQueueLength: number
  /** Share of agent time spent on calls: the carried load λ·(1 − P(abandon))·AHT over N. */
  readonly occupancy: number
  /**
   * Share of all offered calls answered within `answerWithinSeconds`. Calls that hang up count
   * as not answered, whenever they hang up (the strict convention, the same as the KPIs').
   */
  serviceLevel(answerWithinSeconds: number): number
}

const tailLogMargin = 40

/**
 * Erlang A for validated rates. The stationary law of the birth–death chain (birth λ, death
 * min(n,N)·μ + (n−N)⁺·θ) is split at n = N: below, its mass relative to π_N is 1/B(N,A) − 1
 * from the Erlang B recurrence; above, π_{N+j}/π_N = ∏_{k≤j} y/(x+k) with x = Nμ/θ, y = λ/θ,
 * summed in logarithms until the tail is below e^{−40} of the largest term, so neither factor
 * overflows however large the centre. A caller who finds j others waiting ahead is answered
 * after V_j = Σ_{i=0..j} Exp(θ(x+i)) unless their own Exp(θ) patience runs out first, which gives:
 * P(answered | j) = x/(x+j+1), mean wait (j+1)/(θ(x+j+1)), and P(answered within t | j) =
 * x/(x+j+1) · (1 − I_p(x+1, j+1)) with p = e^{−θt} and I the regularised incomplete beta,
 * summed as a negative-binomial series (the sum of exponentials with rates θ(a+i) is the time a
 * population of a+j Exp(θ) lifetimes takes to fall below a).
 */
export function erlangAOfRates(
  arrivalsPerSecond: number,
  averageHandleSeconds: number,
  averagePatienceSeconds: number,
  agents: number,
  /** Erlang B for these agents and load, when the caller already has it (searches keep a table). */
  blocking?: number,
): ErlangAResult {
  const load = arrivalsPerSecond * averageHandleSeconds
  if (arrivalsPerSecond === 0) {
    return {
      load: 0,
      agents,
      probabilityOfWaiting: 0,
      probabilityOfAbandonment: 0,
      averageWaitSeconds: 0,
      averageSpeedOfAnswerSeconds: 0,
      averageQueueLength: 0,
      occupancy: 0,
      serviceLevel: () => 1,
    }
  }
  const theta = 1 / averagePatienceSeconds
  const x = (agents * averagePatienceSeconds) / averageHandleSeconds
  const y = arrivalsPerSecond * averagePatienceSeconds
  const logY = Math.log(y)

  // Pass 1: log weights of the queue states relative to π_N, until the tail is negligible.
  let logWeights = new Float64Array(64)
  let count = 1
  let logWeight = 0
  let logMax = 0
  for (let ahead = 1; ; ahead++) {
    logWeight += logY - Math.log(x + ahead)
    if (count === logWeights.length) {
      const grown = new Float64Array(count * 2)
      grown.set(logWeights)
      logWeights = grown
    }
    logWeights[count] = logWeight
    count += 1
    if (logWeight > logMax) logMax = logWeight
    const ratio = y / (x + ahead + 1)
    if (ratio < 1 && logWeight - Math.log1p(-ratio) < logMax - tailLogMargin) break
  }

  // Pass 2: the normalised distribution of the queue seen by a waiting caller.
  const weights = new Float64Array(count)
  let queueMass = 0
  for (let ahead = 0; ahead < count; ahead++) {
    const weight = Math.exp(logWeights[ahead]! - logMax)
    weights[ahead] = weight
    queueMass += weight
  }
  let abandonGivenWait = 0
  let answeredWaitGivenWait = 0
  let harmonic = 0
  for (let ahead = 0; ahead < count; ahead++) {
    const share = weights[ahead]! / queueMass
    weights[ahead] = share
    const answered = x / (x + ahead + 1)
    harmonic += averagePatienceSeconds / (x + 1 + ahead)
    abandonGivenWait += share * (1 - answered)
    answeredWaitGivenWait += share * answered * harmonic
  }

  const blockingOfAgents = blocking ?? erlangB(agents, load)
  const logBelow =
    blockingOfAgents === 1
      ? Number.NEGATIVE_INFINITY
      : Math.log1p(-blockingOfAgents) - Math.log(blockingOfAgents)
  const probabilityOfWaiting = 1 / (1 + Math.exp(logBelow - logMax - Math.log(queueMass)))
  const probabilityOfAbandonment = probabilityOfWaiting * abandonGivenWait
  const averageWaitSeconds = probabilityOfWaiting * abandonGivenWait * averagePatienceSeconds
  const answeredShare = 1 - probabilityOfAbandonment
  const distribution = weights
  return {
    load,
    agents,
    probabilityOfWaiting,
    probabilityOfAbandonment,
    averageWaitSeconds,
    averageSpeedOfAnswerSeconds:
      answeredShare === 0 ? 0 : (probabilityOfWaiting * answeredWaitGivenWait) / answeredShare,
    averageQueueLength: arrivalsPerSecond * averageWaitSeconds,
    occupancy: agents === 0 ? 1 : Math.min(1, (load * answeredShare) / agents),
    serviceLevel(answerWithinSeconds) {
      if (!(answerWithinSeconds >= 0) || !Number.isFinite(answerWithinSeconds)) {
        throw new RangeError(`answerWithinSeconds must be a finite number ≥ 0: ${answerWithinSeconds}`)
      }
      const shape = x + 1
      const logStill = -theta * answerWithinSeconds
      const logGone = Math.log(-Math.expm1(logStill))
      let logTerm = shape * logStill
      let stillWaiting = Math.exp(logTerm)
      let answeredWithin = 0
      for (let ahead = 0; ahead < distribution.length; ahead++) {
        if (ahead > 0) {
          logTerm += logGone + Math.log(shape + ahead - 1) - Math.log(ahead)
          stillWaiting += Math.exp(logTerm)
        }
        answeredWithin += distribution[ahead]! * (x / (x + ahead + 1)) * Math.max(0, 1 - stillWaiting)
      }
      return 1 - probabilityOfWaiting + probabilityOfWaiting * answeredWithin
    },
  }
}

/**
 * Erlang A (M/M/N+M): Erlang C with callers who hang up, the better model wherever callers do
 * (Garnett, Mandelbaum & Reiman 2002, "Designing a call center with impatient customers").
 * Exact (no approximation beyond a tail below e^{−40}) and stable for thousands of agents.
 * Throws `ValidationError` on bad input.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const valid = validModelInput("callcenter.erlangA", erlangAInputSchema, input)
  return erlangAOfRates(
    valid.callsPerInterval / valid.intervalSeconds,
    valid.averageHandleSeconds,
    valid.averagePatienceSeconds,
    valid.agents,
  )
}

/** What `agentsForErlangA` takes: traffic, patience, the target, and an optional abandonment cap. */
export interface AgentsForErlangAInput extends IntervalTraffic, ServiceTarget {
  readonly averagePatienceSeconds: number
  /** The highest share of callers allowed to hang up, e.g. 0.05; no cap when absent. */
  readonly maxAbandonment?: number
}

const agentsForErlangAInputSchema = z.object({
  ...intervalTrafficShape,
  ...serviceTargetShape,
  averagePatienceSeconds: patienceSchema,
  maxAbandonment: z.number().min(0, "must be at least 0").max(1, "must be at most 1").optional(),
})

/** The staffing of one interval under Erlang A. */
export interface ErlangAStaffing {
  readonly agents: number
  readonly result: ErlangAResult
  readonly serviceLevel: number
}

/**
 * The smallest N meeting the target under Erlang A for validated input. Service level rises and
 * abandonment and occupancy fall as agents are added, so a galloping search from the load
 * brackets the answer and a bisection finds the first N that meets every constraint; each probe
 * costs O(N) for the Erlang B recurrence plus the queue tail.
 */
export function staffErlangA(input: AgentsForErlangAInput): ErlangAStaffing {
  const arrivals = input.callsPerInterval / input.intervalSeconds
  const load = offeredLoad(input)
  // Erlang B for 0…N, extended as the search reaches further: each probe then costs only its queue tail.
  const blockings = [1]
  const blockingOf = (agents: number) => {
    while (blockings.length <= agents) blockings.push(nextErlangB(blockings.at(-1)!, blockings.length, load))
    return blockings[agents]!
  }
  const evaluate = (agents: number) => {
    const result = erlangAOfRates(
      arrivals,
      input.averageHandleSeconds,
      input.averagePatienceSeconds,
      agents,
      blockingOf(agents),
    )
    const serviceLevel = result.serviceLevel(input.answerWithinSeconds)
    const meets =
      serviceLevel >= input.targetServiceLevel &&
      withinOccupancy(result.occupancy * agents, agents, input.maxOccupancy ?? 1) &&
      result.probabilityOfAbandonment <= (input.maxAbandonment ?? 1)
    return { agents, result, serviceLevel, meets }
  }
  if (arrivals === 0) {
    const none = evaluate(0)
    return { agents: 0, result: none.result, serviceLevel: none.serviceLevel }
  }
  let probe = evaluate(Math.max(1, Math.ceil(load)))
  let failing = -1
  let meeting: ReturnType<typeof evaluate>
  if (probe.meets) {
    meeting = probe
    let step = 1
    for (;;) {
      const lower = meeting.agents - step
      if (lower < 0) break
      const candidate = evaluate(lower)
      if (!candidate.meets) {
        failing = lower
        break
      }
      meeting = candidate
      step *= 2
    }
  } else {
    failing = probe.agents
    let step = Math.max(1, Math.ceil(Math.sqrt(load)))
    for (;;) {
      probe = evaluate(failing + step)
      if (probe.meets) {
        meeting = probe
        break
      }
      failing = probe.agents
      step *= 2
    }
  }
  while (meeting.agents - failing > 1) {
    const middle = evaluate(Math.floor((meeting.agents + failing) / 2))
    if (middle.meets) meeting = middle
    else failing = middle.agents
  }
  return { agents: meeting.agents, result: meeting.result, serviceLevel: meeting.serviceLevel }
}

/**
 * The smallest number of agents that meets a service-level target under Erlang A, and the
 * occupancy and abandonment caps when given. Throws `ValidationError` on bad input.
 */
export function agentsForErlangA(input: AgentsForErlangAInput): number {
  const valid = validModelInput("callcenter.agentsForErlangA", agentsForErlangAInputSchema, input)
  return staffErlangA(valid as AgentsForErlangAInput).agents
}
