import { CallCenter, ValidationError } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const { agentsFor, erlangB, erlangC, scheduledAgentsFor, staffInterval } = CallCenter

/**
 * Erlang C computed from its definition with exact rational arithmetic (BigInt numerators and
 * denominators): Σ A^k/k! for k < N, plus A^N/N! · N/(N − A). An independent check of the
 * recurrence for loads given as fractions p/q, feasible for a few dozen agents.
 */
function exactErlangC(agents: number, loadNumerator: bigint, loadDenominator: bigint): number {
  let termNumerator = 1n
  let termDenominator = 1n
  let sumNumerator = 0n
  let sumDenominator = 1n
  for (let k = 0; k < agents; k++) {
    sumNumerator = sumNumerator * termDenominator + termNumerator * sumDenominator
    sumDenominator *= termDenominator
    termNumerator *= loadNumerator
    termDenominator *= loadDenominator * BigInt(k + 1)
  }
  const n = BigInt(agents)
  // last = A^N/N! · N / (N − A) = term · N·q / (N·q − p)
  const lastNumerator = termNumerator * n * loadDenominator
  const lastDenominator = termDenominator * (n * loadDenominator - loadNumerator)
  const totalNumerator = sumNumerator * lastDenominator + lastNumerator * sumDenominator
  const totalDenominator = sumDenominator * lastDenominator
  const scale = 10n ** 30n
  const ratio = (lastNumerator * totalDenominator * scale) / (lastDenominator * totalNumerator)
  return Number(ratio) / 1e30
}

describe("Erlang C reference values", () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls in
  // 30 minutes, AHT 180 s, target 80 % in 20 s, shrinkage 30 %: 14 agents, 20 scheduled. The same
  // case with full precision is published in pyworkforce's README (ErlangC(transactions=100,
  // aht=3, asa=20/60, interval=30): service_level 0.8883500191794669, occupancy
  // 0.7142857142857143, waiting_probability 0.1741319335950498).
  const traffic = { callsPerInterval: 100, intervalSeconds: 1800, averageHandleSeconds: 180 }

  it("Call Centre Helper: 14 agents answer 88.8 % within 20 s, P(wait) 17.4 %, occupancy 71.4 %", () => {
    const result = erlangC({ ...traffic, agents: 14 })
    expect(result.load).toBeCloseTo(10, 12)
    expect(result.probabilityOfWaiting).toBeCloseTo(0.1741319335950498, 12)
    expect(result.serviceLevel(20)).toBeCloseTo(0.8883500191794669, 12)
    expect(result.occupancy).toBeCloseTo(0.7142857142857143, 12)
    // ASA = C·AHT/(N − A) = 0.17413 × 180 / 4.
    expect(result.averageSpeedOfAnswerSeconds).toBeCloseTo((0.1741319335950498 * 180) / 4, 10)
  })

  it("Call Centre Helper: with 11 agents 68.21 % of calls wait", () => {
    expect(erlangC({ ...traffic, agents: 11 }).probabilityOfWaiting).toBeCloseTo(0.6821, 4)
  })

  it("Call Centre Helper: agentsFor gives 14, and 30 % shrinkage makes 20 to schedule", () => {
    const agents = agentsFor({
      ...traffic,
      targetServiceLevel: 0.8,
      answerWithinSeconds: 20,
      maxOccupancy: 0.85,
    })
    expect(agents).toBe(14)
    expect(scheduledAgentsFor(agents, 0.3)).toBe(20)
    expect(erlangC({ ...traffic, agents: 13 }).serviceLevel(20)).toBeLessThan(0.8)
  })

  it("M/M/1 and M/M/2 closed forms (Kleinrock 1975, Queueing Systems vol. 1 §3.2–3.5)", () => {
    // M/M/1: C = ρ, SL(t) = 1 − ρ·e^{−(1−ρ)t/AHT}, ASA = ρ·AHT/(1 − ρ).
    const single = erlangC({
      callsPerInterval: 3,
      intervalSeconds: 600,
      averageHandleSeconds: 100,
      agents: 1,
    })
    expect(single.probabilityOfWaiting).toBeCloseTo(0.5, 14)
    expect(single.serviceLevel(30)).toBeCloseTo(1 - 0.5 * Math.exp(-0.5 * 0.3), 14)
    expect(single.averageSpeedOfAnswerSeconds).toBeCloseTo(100, 10)
    // M/M/2 with A = 1: C = A²/(2 + A) = 1/3.
    const pair = erlangC({ callsPerInterval: 6, intervalSeconds: 600, averageHandleSeconds: 100, agents: 2 })
    expect(pair.probabilityOfWaiting).toBeCloseTo(1 / 3, 14)
  })

  it("Erlang B table values (e.g. ITU/Erlang B tables: 30 trunks carry 20.34 E at 1 %, 24.80 E at 5 %)", () => {
    expect(erlangB(30, 20.34)).toBeCloseTo(0.01, 4)
    expect(erlangB(30, 24.8)).toBeCloseTo(0.05, 4)
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6)
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15)
  })

  it("agrees with exact rational arithmetic to 1e-12 up to 60 agents", () => {
    for (const [agents, numerator, denominator] of [
      [5, 7n, 2n],
      [14, 10n, 1n],
      [31, 113n, 4n],
      [60, 221n, 4n],
    ] as const) {
      const exact = exactErlangC(agents, numerator, denominator)
      const load = Number(numerator) / Number(denominator)
      const computed = erlangC({
        callsPerInterval: load,
        intervalSeconds: 1,
        averageHandleSeconds: 1,
        agents,
      }).probabilityOfWaiting
      expect(Math.abs(computed - exact)).toBeLessThan(1e-12)
    }
  })
})

describe("Erlang C at the scale of large centres", () => {
  it("stays finite and exact for 20,000 agents (no factorial, no overflow)", () => {
    const result = erlangC({
      callsPerInterval: 19_800 * 6,
      intervalSeconds: 1800,
      averageHandleSeconds: 300,
      agents: 20_000,
    })
    expect(result.load).toBeCloseTo(19_800, 6)
    expect(Number.isFinite(result.probabilityOfWaiting)).toBe(true)
    expect(result.probabilityOfWaiting).toBeGreaterThan(0)
    expect(result.probabilityOfWaiting).toBeLessThan(1)
    // The Halfin–Whitt regime: with N = A + β√A, C tends to [1 + β·Φ(β)/φ(β)]⁻¹ (Halfin & Whitt
    // 1981). β = 200/√19800 = 1.4213; the limit is 0.0846 and the exact value lies within 0.01 of it.
    const beta = 200 / Math.sqrt(19_800)
    const phi = Math.exp((-beta * beta) / 2) / Math.sqrt(2 * Math.PI)
    const big = 0.5 * (1 + erf(beta / Math.SQRT2))
    expect(Math.abs(result.probabilityOfWaiting - 1 / (1 + (beta * big) / phi))).toBeLessThan(0.01)
  })

  it("reports an overloaded interval as unstable: every call waits, SL 0, ASA infinite", () => {
    const result = erlangC({
      callsPerInterval: 100,
      intervalSeconds: 1800,
      averageHandleSeconds: 180,
      agents: 10,
    })
    expect(result.stable).toBe(false)
    expect(result.probabilityOfWaiting).toBe(1)
    expect(result.serviceLevel(20)).toBe(0)
    expect(result.averageSpeedOfAnswerSeconds).toBe(Number.POSITIVE_INFINITY)
    expect(result.occupancy).toBe(1)
  })

  it("needs no agents without calls", () => {
    expect(
      agentsFor({
        callsPerInterval: 0,
        intervalSeconds: 900,
        averageHandleSeconds: 300,
        targetServiceLevel: 0.8,
        answerWithinSeconds: 20,
      }),
    ).toBe(0)
  })
})

describe("Erlang C properties", () => {
  const traffic = fc.record({
    callsPerInterval: fc.double({ min: 0.5, max: 3000, noNaN: true }),
    intervalSeconds: fc.constantFrom(900, 1800, 3600),
    averageHandleSeconds: fc.double({ min: 20, max: 900, noNaN: true }),
  })

  it("service level rises with every agent added above the load", () => {
    fc.assert(
      fc.property(
        traffic,
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (input, extra, within) => {
          const first =
            Math.floor((input.callsPerInterval / input.intervalSeconds) * input.averageHandleSeconds) + 1
          let previous = -1
          for (let agents = first; agents < first + extra; agents++) {
            const level = erlangC({ ...input, agents }).serviceLevel(within)
            expect(level).toBeGreaterThanOrEqual(previous - 1e-12)
            previous = level
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it("agentsFor is minimal: the count meets the target and one fewer does not", () => {
    fc.assert(
      fc.property(
        traffic,
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined }),
        (input, target, within, maxOccupancy) => {
          const query = {
            ...input,
            targetServiceLevel: target,
            answerWithinSeconds: within,
            ...(maxOccupancy === undefined ? {} : { maxOccupancy }),
          }
          const agents = agentsFor(query)
          const meets = (count: number) => {
            const result = erlangC({ ...input, agents: count })
            return (
              result.serviceLevel(within) >= target &&
              result.occupancy <= (maxOccupancy ?? 1) * (1 + 1e-12) &&
              result.stable
            )
          }
          expect(meets(agents)).toBe(true)
          expect(meets(agents - 1)).toBe(false)
          expect(staffInterval(query).agents).toBe(agents)
        },
      ),
      { numRuns: 300 },
    )
  })

  it("rejects bad input with a ValidationError naming the field", () => {
    expect(() =>
      erlangC({ callsPerInterval: -1, intervalSeconds: 900, averageHandleSeconds: 180, agents: 3 }),
    ).toThrow(ValidationError)
    try {
      agentsFor({
        callsPerInterval: 10,
        intervalSeconds: 900,
        averageHandleSeconds: 0,
        targetServiceLevel: 1,
        answerWithinSeconds: 20,
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      const paths = (error as ValidationError).issues.map((issue) => issue.path.join("."))
      expect(paths).toEqual(expect.arrayContaining(["averageHandleSeconds", "targetServiceLevel"]))
    }
  })
})

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for a 0.01 tolerance. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x))
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x)
  return x >= 0 ? y : -y
}
