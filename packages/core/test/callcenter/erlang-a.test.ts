import { CallCenter, ValidationError } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const { agentsForErlangA, erlangA, erlangC, scheduledAgentsFor } = CallCenter

/** A small seeded generator (mulberry32), so the simulation is the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A discrete-event simulation of the M/M/N+M queue, independent of the formulas: callers arrive
 * in a Poisson stream with exponential patience and are served first come, first served by the
 * earliest free agent; a caller whose wait would exceed their patience hangs up and takes no
 * agent. (Under FCFS the wait of a caller is fixed by the agents' free times when they reach the
 * head, so processing callers in arrival order with a heap of agent free times is exact.)
 * Returns per-batch shares so the test can estimate the standard error by batch means.
 */
function simulate(options: {
  arrivalsPerSecond: number
  handleSeconds: number
  patienceSeconds: number
  agents: number
  calls: number
  batches: number
  within: number
  seed: number
}) {
  const random = generator(options.seed)
  const exponential = (mean: number) => -mean * Math.log(1 - random())
  const free: Array<number> = new Array(options.agents).fill(0)
  const siftDown = () => {
    let index = 0
    for (;;) {
      const left = 2 * index + 1
      const right = left + 1
      let smallest = index
      if (left < free.length && free[left]! < free[smallest]!) smallest = left
      if (right < free.length && free[right]! < free[smallest]!) smallest = right
      if (smallest === index) return
      ;[free[index], free[smallest]] = [free[smallest]!, free[index]!]
      index = smallest
    }
  }
  const warmUp = Math.floor(options.calls / 20)
  const perBatch = Math.floor((options.calls - warmUp) / options.batches)
  const batches = Array.from({ length: options.batches }, () => ({
    waited: 0,
    abandoned: 0,
    answeredWithin: 0,
    calls: 0,
  }))
  let clock = 0
  for (let call = 0; call < options.calls; call++) {
    clock += exponential(1 / options.arrivalsPerSecond)
    const patience = exponential(options.patienceSeconds)
    const earliest = free[0]!
    const wait = Math.max(0, earliest - clock)
    const abandoned = wait > patience
    if (!abandoned) {
      free[0] = clock + wait + exponential(options.handleSeconds)
      siftDown()
    }
    if (call < warmUp) continue
    const batch = batches[Math.min(options.batches - 1, Math.floor((call - warmUp) / perBatch))]!
    batch.calls += 1
    if (wait > 0) batch.waited += 1
    if (abandoned) batch.abandoned += 1
    else if (wait <= options.within) batch.answeredWithin += 1
  }
  const summary = (pick: (batch: (typeof batches)[number]) => number) => {
    const shares = batches.map((batch) => pick(batch) / batch.calls)
    const mean = shares.reduce((sum, share) => sum + share, 0) / shares.length
    const variance = shares.reduce((sum, share) => sum + (share - mean) ** 2, 0) / (shares.length - 1)
    return { mean, standardError: Math.sqrt(variance / shares.length) }
  }
  return {
    waiting: summary((batch) => batch.waited),
    abandonment: summary((batch) => batch.abandoned),
    serviceLevel: summary((batch) => batch.answeredWithin),
  }
}

describe("Erlang A reference values", () => {
  const traffic = { callsPerInterval: 100, intervalSeconds: 1800, averageHandleSeconds: 180 }

  it("matches pyworkforce's published regression values (an independent implementation: truncated chain + uniformization)", () => {
    // pyworkforce, queuing/tests/test_abandonment.py::test_erlanga_regression_metrics:
    // ErlangA(transactions=100, aht=3, asa=20/60, interval=30, patience=5)._metrics(14):
    // waiting 0.14526, abandonment 0.013984, occupancy 0.704297, average wait 0.069919 min,
    // service_level(14) 0.916792.
    const result = erlangA({ ...traffic, agents: 14, averagePatienceSeconds: 300 })
    expect(result.probabilityOfWaiting).toBeCloseTo(0.14526, 5)
    expect(result.probabilityOfAbandonment).toBeCloseTo(0.013984, 6)
    expect(result.occupancy).toBeCloseTo(0.704297, 6)
    expect(result.averageWaitSeconds / 60).toBeCloseTo(0.069919, 6)
    expect(result.serviceLevel(20)).toBeCloseTo(0.916792, 6)
  })

  it("pyworkforce README: 80/20 at ≤ 85 % occupancy and ≤ 5 % abandonment needs 13 agents, 19 with 30 % shrinkage", () => {
    const agents = agentsForErlangA({
      ...traffic,
      averagePatienceSeconds: 300,
      targetServiceLevel: 0.8,
      answerWithinSeconds: 20,
      maxOccupancy: 0.85,
      maxAbandonment: 0.05,
    })
    expect(agents).toBe(13)
    expect(scheduledAgentsFor(agents, 0.3)).toBe(19)
    const result = erlangA({ ...traffic, agents, averagePatienceSeconds: 300 })
    // README: service_level 0.858…, occupancy 0.750…, abandonment 0.025…, waiting 0.226…, average wait 0.125… min.
    expect(Math.floor(result.serviceLevel(20) * 1000) / 1000).toBe(0.858)
    expect(Math.floor(result.occupancy * 1000) / 1000).toBe(0.75)
    expect(Math.floor(result.probabilityOfAbandonment * 1000) / 1000).toBe(0.024)
    expect(Math.floor(result.probabilityOfWaiting * 1000) / 1000).toBe(0.225)
    expect(Math.floor((result.averageWaitSeconds / 60) * 1000) / 1000).toBe(0.124)
  })

  it("converges to Erlang C as callers become infinitely patient", () => {
    for (const agents of [11, 14, 20]) {
      const patient = erlangA({ ...traffic, agents, averagePatienceSeconds: 1e8 })
      const classic = erlangC({ ...traffic, agents })
      expect(patient.probabilityOfWaiting).toBeCloseTo(classic.probabilityOfWaiting, 5)
      expect(patient.serviceLevel(20)).toBeCloseTo(classic.serviceLevel(20), 5)
      // Waits are minutes against a patience of three years: the relative difference is ~ wait/patience.
      expect(
        Math.abs(patient.averageSpeedOfAnswerSeconds / classic.averageSpeedOfAnswerSeconds - 1),
      ).toBeLessThan(1e-4)
    }
  })

  it("is consistent with Little's law: abandonment rate = θ · mean queue length", () => {
    const result = erlangA({ ...traffic, agents: 9, averagePatienceSeconds: 120 })
    const arrivals = traffic.callsPerInterval / traffic.intervalSeconds
    expect(result.probabilityOfAbandonment * arrivals).toBeCloseTo(result.averageQueueLength / 120, 12)
  })
})

describe("Erlang A against a discrete-event simulation", () => {
  // 200,000 simulated calls in 20 batches; the tolerance is four standard errors of the batch
  // means (batches of 9,500 calls are long against the queue's relaxation time of minutes, so
  // they are close to independent), which a correct formula fails about once in 16,000 runs.
  const cases = [
    {
      name: "a small, overloaded team (N < A)",
      callsPerInterval: 100,
      averageHandleSeconds: 180,
      patienceSeconds: 60,
      agents: 8,
    },
    {
      name: "a centre near 80/20",
      callsPerInterval: 900,
      averageHandleSeconds: 240,
      patienceSeconds: 180,
      agents: 125,
    },
  ]
  for (const scenario of cases) {
    it(`agrees on ${scenario.name}`, () => {
      const arrivalsPerSecond = scenario.callsPerInterval / 1800
      const simulated = simulate({
        arrivalsPerSecond,
        handleSeconds: scenario.averageHandleSeconds,
        patienceSeconds: scenario.patienceSeconds,
        agents: scenario.agents,
        calls: 200_000,
        batches: 20,
        within: 20,
        seed: 20_260_101,
      })
      const exact = erlangA({
        callsPerInterval: scenario.callsPerInterval,
        intervalSeconds: 1800,
        averageHandleSeconds: scenario.averageHandleSeconds,
        averagePatienceSeconds: scenario.patienceSeconds,
        agents: scenario.agents,
      })
      for (const [measured, formula] of [
        [simulated.waiting, exact.probabilityOfWaiting],
        [simulated.abandonment, exact.probabilityOfAbandonment],
        [simulated.serviceLevel, exact.serviceLevel(20)],
      ] as const) {
        expect(Math.abs(measured.mean - formula)).toBeLessThan(4 * measured.standardError + 1e-4)
      }
    })
  }
})

describe("Erlang A properties", () => {
  it("service level rises and abandonment falls as agents are added; agentsForErlangA is minimal", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 600, noNaN: true }),
        fc.double({ min: 60, max: 600, noNaN: true }),
        fc.double({ min: 10, max: 900, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (calls, handle, patience, target) => {
          const traffic = {
            callsPerInterval: calls,
            intervalSeconds: 900,
            averageHandleSeconds: handle,
            averagePatienceSeconds: patience,
          }
          const agents = agentsForErlangA({ ...traffic, targetServiceLevel: target, answerWithinSeconds: 20 })
          const level = (count: number) => erlangA({ ...traffic, agents: count }).serviceLevel(20)
          expect(level(agents)).toBeGreaterThanOrEqual(target)
          if (agents > 0) expect(level(agents - 1)).toBeLessThan(target)
          let previousLevel = -1
          let previousAbandonment = 2
          for (let count = Math.max(0, agents - 3); count <= agents + 3; count++) {
            const result = erlangA({ ...traffic, agents: count })
            expect(result.serviceLevel(20)).toBeGreaterThanOrEqual(previousLevel - 1e-12)
            expect(result.probabilityOfAbandonment).toBeLessThanOrEqual(previousAbandonment + 1e-12)
            previousLevel = result.serviceLevel(20)
            previousAbandonment = result.probabilityOfAbandonment
          }
        },
      ),
      { numRuns: 120 },
    )
  })

  it("handles thousands of agents without overflow", () => {
    const result = erlangA({
      callsPerInterval: 2_000 * 3,
      intervalSeconds: 900,
      averageHandleSeconds: 300,
      averagePatienceSeconds: 600,
      agents: 1_990,
    })
    for (const value of [
      result.probabilityOfWaiting,
      result.probabilityOfAbandonment,
      result.serviceLevel(20),
      result.occupancy,
    ]) {
      expect(Number.isFinite(value)).toBe(true)
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(1)
    }
  })

  it("rejects an infinite patience with a pointer to Erlang C", () => {
    expect(() =>
      erlangA({
        callsPerInterval: 10,
        intervalSeconds: 900,
        averageHandleSeconds: 180,
        averagePatienceSeconds: Number.POSITIVE_INFINITY,
        agents: 3,
      }),
    ).toThrow(ValidationError)
  })
})
