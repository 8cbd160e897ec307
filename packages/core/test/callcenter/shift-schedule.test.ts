import { CallCenter, label, ValidationError } from "@tixi/core"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const { scheduleShifts, solveCoveringRelaxation, staffDay } = CallCenter

/** The exact integer optimum of a small covering program, by exhaustive search over counts. */
function bruteForceOptimum(
  costs: ReadonlyArray<number>,
  columnRows: ReadonlyArray<ReadonlyArray<number>>,
  demands: ReadonlyArray<number>,
): number {
  const maxDemand = Math.max(...demands)
  let best = Number.POSITIVE_INFINITY
  const counts = new Array<number>(costs.length).fill(0)
  const search = (column: number, cost: number) => {
    if (cost >= best) return
    if (column === costs.length) {
      const coverage = new Array<number>(demands.length).fill(0)
      counts.forEach((count, index) => {
        for (const row of columnRows[index]!) coverage[row]! += count
      })
      if (coverage.every((covered, row) => covered >= demands[row]!)) best = cost
      return
    }
    for (let count = 0; count <= maxDemand; count++) {
      counts[column] = count
      search(column + 1, cost + count * costs[column]!)
    }
    counts[column] = 0
  }
  search(0, 0)
  return best
}

describe("covering linear program (dual simplex)", () => {
  it("finds the integral optimum of an interval covering program (consecutive ones are totally unimodular)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }), (demands) => {
        const columnRows: Array<Array<number>> = []
        const costs: Array<number> = []
        for (const length of [3, 5]) {
          for (let start = 0; start + length <= 8; start++) {
            columnRows.push(Array.from({ length }, (_, offset) => start + offset))
            costs.push(length === 3 ? 3 : 4.5)
          }
        }
        const relaxation = solveCoveringRelaxation({
          costs,
          columnRows,
          demands,
          caps: [],
          shortfallCost: 1e4,
        })
        expect(relaxation.status).toBe("optimal")
        expect(relaxation.objective).toBeCloseTo(bruteForceOptimum(costs, columnRows, demands), 4)
      }),
      { numRuns: 40 },
    )
  })

  it("reports shortfall when caps make the demand impossible", () => {
    const relaxation = solveCoveringRelaxation({
      costs: [1, 1],
      columnRows: [[0], [1]],
      demands: [3, 2],
      caps: [{ columns: [0], limit: 1 }],
      shortfallCost: 1000,
    })
    expect(relaxation.columns[0]).toBeCloseTo(1, 9)
    expect(relaxation.shortfall[0]).toBeCloseTo(2, 9)
    expect(relaxation.columns[1]).toBeCloseTo(2, 9)
  })
})

const intervalHours = 0.25
const shiftTypes = [
  {
    id: "day",
    name: label("全天班", "Full day"),
    lengthMinutes: 540,
    earliestStart: "06:00",
    latestStart: "14:00",
    meal: { durationMinutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300, stepMinutes: 30 },
  },
  {
    id: "part",
    name: label("半班", "Part time"),
    lengthMinutes: 240,
    earliestStart: "07:00",
    latestStart: "19:00",
  },
]

describe("shift schedule", () => {
  const calls = Array.from({ length: 96 }, (_, interval) => {
    const hour = interval / 4
    return hour < 7 || hour >= 23
      ? 0
      : 20 + 250 * Math.exp(-((hour - 10.5) ** 2) / 5) + 180 * Math.exp(-((hour - 15) ** 2) / 4)
  })
  const open = calls.map((_, interval) => interval >= 28 && interval < 92)
  const day = staffDay({
    intervalMinutes: 15,
    calls,
    averageHandleSeconds: 240,
    target: { targetServiceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85 },
    shrinkage: 0.3,
    minimumAgents: 2,
    open,
  })
  const requirement = day.intervals.map((row) => row.scheduledAgents)

  it("covers the requirement in every interval, within a few percent of the LP bound", () => {
    const schedule = scheduleShifts({ intervalMinutes: 15, requirement, shiftTypes })
    schedule.coverage.forEach((covered, interval) => {
      expect(covered).toBeGreaterThanOrEqual(requirement[interval]!)
    })
    expect(schedule.shortfall.every((missing) => missing === 0)).toBe(true)
    const lowerBound = schedule.lowerBoundCost!
    // Σ requirement is the floor-hours no schedule can go under; the LP bound is at least that.
    expect(schedule.requiredAgentHours).toBeCloseTo(
      requirement.reduce((sum, agents) => sum + agents, 0) * intervalHours,
      9,
    )
    expect(lowerBound).toBeGreaterThanOrEqual(schedule.requiredAgentHours - 1e-6)
    expect(schedule.paidAgentHours).toBeGreaterThanOrEqual(lowerBound - 1e-6)
    expect(schedule.gapPercent!).toBeLessThan(5)
    // The lines of the schedule add up to its coverage.
    const rebuilt = new Array<number>(96).fill(0)
    for (const shift of schedule.shifts) {
      const start = (Number(shift.start.slice(0, 2)) * 60 + Number(shift.start.slice(3))) / 15
      const type = shiftTypes.find((candidate) => candidate.id === shift.shiftTypeId)!
      const mealStart = shift.meal
        ? (Number(shift.meal.start.slice(0, 2)) * 60 + Number(shift.meal.start.slice(3))) / 15
        : -1
      for (let interval = start; interval < start + type.lengthMinutes / 15; interval++) {
        if (shift.meal && interval >= mealStart && interval < mealStart + 4) continue
        rebuilt[interval]! += shift.agents
      }
    }
    expect(rebuilt).toEqual(schedule.coverage)
    expect(schedule.headcount).toBe(schedule.shifts.reduce((sum, shift) => sum + shift.agents, 0))
    expect(schedule.teamLeads[42]).toBe(Math.ceil(schedule.coverage[42]! / 14))
  })

  it("lands on the optimum of small random days (checked by exhaustive search) or reports its gap honestly", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }), (small) => {
        const requirement = [...new Array(42).fill(0), ...small, ...new Array(42).fill(0)]
        const types = [
          {
            id: "short",
            name: label("短班", "Short"),
            lengthMinutes: 120,
            earliestStart: "10:30",
            latestStart: "12:30",
            startStepMinutes: 30,
          },
          {
            id: "long",
            name: label("长班", "Long"),
            lengthMinutes: 180,
            earliestStart: "10:30",
            latestStart: "11:30",
            startStepMinutes: 30,
          },
        ]
        const schedule = scheduleShifts({ intervalMinutes: 15, requirement, shiftTypes: types })
        schedule.coverage.forEach((covered, interval) => {
          expect(covered).toBeGreaterThanOrEqual(requirement[interval]!)
        })
        const columnRows: Array<Array<number>> = []
        const costs: Array<number> = []
        for (const [length, starts] of [
          [8, [42, 44, 46, 48, 50]],
          [12, [42, 44, 46]],
        ] as const) {
          for (const start of starts) {
            columnRows.push(
              Array.from({ length }, (_, offset) => start + offset)
                .filter((row) => row < 54)
                .map((row) => row - 42),
            )
            costs.push(length / 4)
          }
        }
        const optimum = bruteForceOptimum(costs, columnRows, small)
        expect(schedule.cost).toBeGreaterThanOrEqual(optimum - 1e-9)
        if (schedule.lowerBoundCost !== undefined)
          expect(schedule.lowerBoundCost).toBeLessThanOrEqual(optimum + 1e-6)
        // On these small days the heuristic reaches the exact optimum.
        expect(schedule.cost).toBeCloseTo(optimum, 9)
      }),
      { numRuns: 30 },
    )
  })

  it("respects caps on a shift type and reports the shortfall the caps cause", () => {
    const schedule = scheduleShifts({
      intervalMinutes: 15,
      requirement,
      shiftTypes: [
        { ...shiftTypes[0]!, maxAgents: 10 },
        { ...shiftTypes[1]!, maxAgents: 5 },
      ],
    })
    const byType = (id: string) =>
      schedule.shifts
        .filter((shift) => shift.shiftTypeId === id)
        .reduce((sum, shift) => sum + shift.agents, 0)
    expect(byType("day")).toBeLessThanOrEqual(10)
    expect(byType("part")).toBeLessThanOrEqual(5)
    expect(schedule.shortfall.some((missing) => missing > 0)).toBe(true)
    expect(schedule.lowerBoundCost).toBeUndefined()
  })

  it("runs shifts across midnight for a 24-hour line", () => {
    const flat = new Array<number>(96).fill(3)
    const schedule = scheduleShifts({
      intervalMinutes: 15,
      requirement: flat,
      wrapsMidnight: true,
      shiftTypes: [
        {
          id: "eight",
          name: label("八小时班", "Eight hours"),
          lengthMinutes: 480,
          earliestStart: "00:00",
          latestStart: "23:00",
          startStepMinutes: 60,
        },
      ],
    })
    expect(schedule.coverage.every((covered) => covered === 3)).toBe(true)
    expect(schedule.headcount).toBe(9)
    expect(schedule.gapPercent).toBe(0)
  })

  it("names the bad field of a shift type", () => {
    try {
      scheduleShifts({
        intervalMinutes: 15,
        requirement,
        shiftTypes: [{ ...shiftTypes[1]!, lengthMinutes: 250 }],
      })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues[0]!.path).toEqual(["shiftTypes", 0, "lengthMinutes"])
    }
  })
})
