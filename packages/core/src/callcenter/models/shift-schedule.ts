import { z } from "zod"
import { invalid } from "../../errors/validation-error.ts"
import { type Label, labelSchema } from "../../labels/label.ts"
import { formatTimeOfDay, parseTimeOfDay } from "../../time/time-of-day.ts"
import { solveCoveringRelaxation } from "./covering-linear-program.ts"
import { handbookTeamLeadSpan, type TeamLeadSpan, teamLeadsFor } from "./team-leads.ts"
import { validModelInput } from "./traffic.ts"

/** A meal break inside a shift (午餐/晚餐): when it may start and whether it is paid. */
export interface MealRule {
  readonly durationMinutes: number
  /** Earliest start of the meal, in minutes after the shift starts. */
  readonly earliestAfterMinutes: number
  /** Latest start of the meal, in minutes after the shift starts. */
  readonly latestAfterMinutes: number
  /** Grid of meal starts (default: the interval length). */
  readonly stepMinutes?: number
  /** Paid meals count as paid hours; unpaid ones (the default) do not. */
  readonly paid?: boolean
}

/**
 * A kind of shift the centre works (早班, 中班, 晚班, 夜班, part-time): its length on the floor,
 * the window its start may fall in, its meal break and how many agents may work it.
 */
export interface ShiftType {
  readonly id: string
  readonly name: Label
  /** From start to end, meal included; a multiple of the interval length. */
  readonly lengthMinutes: number
  /** Earliest start, "HH:MM", on the interval grid. */
  readonly earliestStart: string
  /** Latest start, "HH:MM", on the interval grid. */
  readonly latestStart: string
  /** Grid of starts (default 30 minutes, or the interval when longer). */
  readonly startStepMinutes?: number
  readonly meal?: MealRule
  /** At most this many agents on shifts of this type (part-timers available, seats). */
  readonly maxAgents?: number
  /** Weight of an hour of this shift in the cost (e.g. 1.2 for a night premium); default 1. */
  readonly costPerHour?: number
}

/** What `scheduleShifts` takes. */
export interface ShiftScheduleInput {
  readonly intervalMinutes: number
  /** Agents needed on shift (not on a meal) in each interval: the daily staffing's `scheduledAgents`. */
  readonly requirement: ReadonlyArray<number>
  readonly shiftTypes: ReadonlyArray<ShiftType>
  /**
   * Whether shifts may run past midnight into the start of the same day's grid: the steady-state
   * reading of a 24-hour line (a 22:00–06:00 shift covers this night and the early hours of the
   * same pattern). When false, every shift ends by 24:00.
   */
  readonly wrapsMidnight?: boolean
  /** At most this many agents in total (the team's headcount). */
  readonly maxAgents?: number
  readonly teamLeadSpan?: TeamLeadSpan
}

/** One line of the schedule: this many agents work this shift with this meal. */
export interface ScheduledShift {
  readonly shiftTypeId: string
  readonly name: Label
  readonly start: string
  readonly end: string
  readonly meal: { readonly start: string; readonly end: string } | undefined
  readonly agents: number
  /** Paid hours of one agent on this shift. */
  readonly paidHours: number
}

/** A day's schedule with how well it covers the requirement and how close it is to the optimum. */
export interface ShiftSchedule {
  readonly shifts: ReadonlyArray<ScheduledShift>
  /** Agents on shift and not on a meal, per interval. */
  readonly coverage: ReadonlyArray<number>
  /** Coverage above the requirement, per interval. */
  readonly surplus: ReadonlyArray<number>
  /** Requirement not covered, per interval (non-zero only when caps or shift windows make coverage impossible). */
  readonly shortfall: ReadonlyArray<number>
  readonly teamLeads: ReadonlyArray<number>
  /** Agents scheduled (one shift each). */
  readonly headcount: number
  readonly paidAgentHours: number
  /** Σ requirement × interval length: the floor-hours no schedule can go below. */
  readonly requiredAgentHours: number
  /** The schedule's cost: paid hours weighted by `costPerHour` (= paid hours with no weights). */
  readonly cost: number
  /**
   * The optimum of the linear relaxation: no integer schedule costs less. Undefined when the
   * caps make the requirement impossible to cover (see `shortfall`).
   */
  readonly lowerBoundCost: number | undefined
  /** (cost − lower bound) / lower bound, in percent: the schedule is at most this far from optimal. */
  readonly gapPercent: number | undefined
  readonly method: string
}

const clock = z
  .string()
  .refine((text) => text !== "24:00" && parseTimeOfDay(text) !== undefined, "must be a time written HH:MM")
const minutesOf = (time: string) => parseTimeOfDay(time)!
/** The HH:MM of a minute that may run past midnight into the next day's grid (a wrapped shift's end). */
const clockOf = (minutes: number) => formatTimeOfDay(((minutes % 1440) + 1440) % 1440)

const positiveMinutes = z.number().int("must be whole minutes").positive("must be positive")
const scheduleInputSchema = z
  .object({
    intervalMinutes: positiveMinutes.refine(
      (minutes) => 1440 % minutes === 0,
      "must divide the 1440 minutes of a day",
    ),
    requirement: z.array(z.number().int("must be a whole number of agents").min(0, "must not be negative")),
    shiftTypes: z
      .array(
        z.object({
          id: z.string().min(1),
          name: labelSchema,
          lengthMinutes: positiveMinutes.max(1440, "at most a day"),
          earliestStart: clock,
          latestStart: clock,
          startStepMinutes: positiveMinutes.optional(),
          meal: z
            .object({
              durationMinutes: positiveMinutes,
              earliestAfterMinutes: z.number().int().min(0),
              latestAfterMinutes: z.number().int().min(0),
              stepMinutes: positiveMinutes.optional(),
              paid: z.boolean().optional(),
            })
            .optional(),
          maxAgents: z.number().int().min(0).optional(),
          costPerHour: z.number().finite().positive("must be positive").optional(),
        }),
      )
      .min(1, "needs at least one shift type"),
    wrapsMidnight: z.boolean().optional(),
    maxAgents: z.number().int().min(0).optional(),
    teamLeadSpan: z
      .object({ minAgentsPerLead: z.number().int().min(1), maxAgentsPerLead: z.number().int().min(1) })
      .optional(),
  })
  .superRefine((value, context) => {
    const grid = value.intervalMinutes
    if (value.requirement.length * grid !== 1440) {
      context.addIssue({
        code: "custom",
        path: ["requirement"],
        message: `needs one value for each of the ${1440 / grid} intervals of the day`,
      })
    }
    const ids = new Set<string>()
    value.shiftTypes.forEach((shift, index) => {
      const at = (field: string, message: string) =>
        context.addIssue({ code: "custom", path: ["shiftTypes", index, field], message })
      if (ids.has(shift.id)) at("id", "must be unique")
      ids.add(shift.id)
      if (shift.lengthMinutes % grid !== 0) at("lengthMinutes", `must be a multiple of ${grid} minutes`)
      for (const field of ["earliestStart", "latestStart"] as const) {
        if (minutesOf(shift[field]) % grid !== 0) at(field, `must fall on the ${grid}-minute grid`)
      }
      if (minutesOf(shift.latestStart) < minutesOf(shift.earliestStart))
        at("latestStart", "must not be before earliestStart")
      if (shift.startStepMinutes !== undefined && shift.startStepMinutes % grid !== 0) {
        at("startStepMinutes", `must be a multiple of ${grid} minutes`)
      }
      if (shift.meal) {
        const meal = shift.meal
        if (
          meal.durationMinutes % grid !== 0 ||
          meal.earliestAfterMinutes % grid !== 0 ||
          meal.latestAfterMinutes % grid !== 0
        ) {
          at("meal", `times must be multiples of ${grid} minutes`)
        }
        if (meal.latestAfterMinutes < meal.earliestAfterMinutes)
          at("meal", "latestAfterMinutes must not be before earliestAfterMinutes")
        if (
          meal.earliestAfterMinutes === 0 ||
          meal.latestAfterMinutes + meal.durationMinutes >= shift.lengthMinutes
        ) {
          at("meal", "must fall inside the shift, after its start and before its end")
        }
        if (meal.stepMinutes !== undefined && meal.stepMinutes % grid !== 0)
          at("meal", `stepMinutes must be a multiple of ${grid}`)
      }
      if (!value.wrapsMidnight && minutesOf(shift.earliestStart) + shift.lengthMinutes > 1440) {
        at("earliestStart", "the shift would run past midnight; allow wrapsMidnight or start earlier")
      }
    })
  })

interface Column {
  readonly shiftType: number
  readonly start: number
  readonly mealStart: number | undefined
  readonly rows: ReadonlyArray<number>
  readonly cost: number
  readonly paidHours: number
}

function columnsOf(input: ShiftScheduleInput): Array<Column> {
  const grid = input.intervalMinutes
  const intervals = 1440 / grid
  const columns: Array<Column> = []
  input.shiftTypes.forEach((shift, shiftType) => {
    const length = shift.lengthMinutes / grid
    const step = Math.max(1, (shift.startStepMinutes ?? Math.max(30, grid)) / grid)
    const first = minutesOf(shift.earliestStart) / grid
    const last = minutesOf(shift.latestStart) / grid
    const meal = shift.meal
    const mealStarts: Array<number | undefined> = []
    if (meal) {
      const mealStep = Math.max(1, (meal.stepMinutes ?? grid) / grid)
      for (
        let offset = meal.earliestAfterMinutes / grid;
        offset <= meal.latestAfterMinutes / grid;
        offset += mealStep
      ) {
        mealStarts.push(offset)
      }
    } else {
      mealStarts.push(undefined)
    }
    const mealLength = meal ? meal.durationMinutes / grid : 0
    const paidMinutes = shift.lengthMinutes - (meal && !meal.paid ? meal.durationMinutes : 0)
    const paidHours = paidMinutes / 60
    for (let start = first; start <= last; start += step) {
      if (!input.wrapsMidnight && start + length > intervals) break
      for (const mealOffset of mealStarts) {
        const rows: Array<number> = []
        for (let offset = 0; offset < length; offset++) {
          if (mealOffset !== undefined && offset >= mealOffset && offset < mealOffset + mealLength) continue
          rows.push((start + offset) % intervals)
        }
        columns.push({
          shiftType,
          start,
          mealStart: mealOffset === undefined ? undefined : start + mealOffset,
          rows,
          cost: paidHours * (shift.costPerHour ?? 1),
          paidHours,
        })
      }
    }
  })
  return columns
}

/**
 * Builds the day's shift schedule that covers the requirement in every interval at the lowest
 * paid (weighted) hours, under the shift rules: shift types with fixed lengths, start windows on
 * a grid, a meal break placed anywhere in its window, caps per type and in total, and optionally
 * shifts across midnight. Short paid breaks are not placed: they belong in shrinkage, which the
 * requirement already includes. Fairness between agents is a rostering question, out of scope.
 *
 * Method: every (type, start, meal start) is a column of an integer covering program (Dantzig
 * 1954's set-covering formulation of shift scheduling). Its linear relaxation is solved exactly
 * by the dual simplex, which gives a lower bound no schedule can beat; the relaxed solution is
 * rounded down, completed greedily (the column covering most still-uncovered intervals per paid
 * hour), and improved by dropping redundant shifts and swapping shifts for cheaper ones that keep
 * the coverage. The result reports its distance from the bound, so the planner knows how good it
 * is; on staffing-sized days it lands within a few percent of it.
 *
 * Throws `ValidationError` on bad input.
 */
export function scheduleShifts(input: ShiftScheduleInput): ShiftSchedule {
  const valid = validModelInput("callcenter.shiftSchedule", scheduleInputSchema, input) as ShiftScheduleInput
  const requirement = valid.requirement
  const intervals = requirement.length
  const columns = columnsOf(valid)
  valid.shiftTypes.forEach((_shift, index) => {
    if (!columns.some((column) => column.shiftType === index)) {
      throw invalid(
        "callcenter.shiftSchedule",
        ["shiftTypes", index, "latestStart"],
        "no start of this shift fits in the day",
      )
    }
  })
  const maxCost = Math.max(...columns.map((column) => column.cost))
  const caps: Array<{ columns: Array<number>; limit: number }> = []
  const typeLimits = valid.shiftTypes.map((shift) => shift.maxAgents)
  typeLimits.forEach((limit, shiftType) => {
    if (limit !== undefined) {
      caps.push({
        columns: columns.flatMap((column, index) => (column.shiftType === shiftType ? [index] : [])),
        limit,
      })
    }
  })
  if (valid.maxAgents !== undefined)
    caps.push({ columns: columns.map((_, index) => index), limit: valid.maxAgents })

  const relaxation = solveCoveringRelaxation({
    costs: columns.map((column) => column.cost),
    columnRows: columns.map((column) => column.rows),
    demands: requirement,
    caps,
    shortfallCost: 1000 * maxCost,
  })

  const counts = new Int32Array(columns.length)
  const coverage = new Int32Array(intervals)
  const typeUsed = new Int32Array(valid.shiftTypes.length)
  let totalUsed = 0
  const canAdd = (column: Column) =>
    (typeLimits[column.shiftType] === undefined ||
      typeUsed[column.shiftType]! < typeLimits[column.shiftType]!) &&
    (valid.maxAgents === undefined || totalUsed < valid.maxAgents)
  const add = (index: number, amount: number) => {
    const column = columns[index]!
    counts[index]! += amount
    typeUsed[column.shiftType]! += amount
    totalUsed += amount
    for (const row of column.rows) coverage[row]! += amount
  }

  // 1. Round the relaxation down: always within the caps, and most of the way there.
  columns.forEach((_, index) => {
    const whole = Math.floor(relaxation.columns[index]! + 1e-7)
    if (whole > 0) add(index, whole)
  })

  // 2. Complete greedily: most newly covered intervals per unit of cost, ties to the relaxation's favourite.
  for (;;) {
    let best = -1
    let bestScore = 0
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index]!
      if (!canAdd(column)) continue
      let covered = 0
      for (const row of column.rows) if (coverage[row]! < requirement[row]!) covered += 1
      if (covered === 0) continue
      const score = covered / column.cost + 1e-9 * relaxation.columns[index]!
      if (score > bestScore) {
        bestScore = score
        best = index
      }
    }
    if (best < 0) break
    add(best, 1)
  }

  // 3. Improve: drop shifts nobody needs, swap shifts for cheaper ones that keep the coverage.
  const byCost = columns
    .map((_, index) => index)
    .sort((left, right) => columns[left]!.cost - columns[right]!.cost)
  const removable = (column: Column) => column.rows.every((row) => coverage[row]! - 1 >= requirement[row]!)
  for (let pass = 0; pass < 50; pass++) {
    let changed = false
    for (let position = byCost.length - 1; position >= 0; position--) {
      const index = byCost[position]!
      while (counts[index]! > 0 && removable(columns[index]!)) {
        add(index, -1)
        changed = true
      }
    }
    for (let position = byCost.length - 1; position >= 0; position--) {
      const index = byCost[position]!
      const column = columns[index]!
      if (counts[index]! === 0) continue
      for (const candidateIndex of byCost) {
        const candidate = columns[candidateIndex]!
        if (candidate.cost >= column.cost) break
        const sameType = candidate.shiftType === column.shiftType
        if (
          !sameType &&
          typeLimits[candidate.shiftType] !== undefined &&
          typeUsed[candidate.shiftType]! >= typeLimits[candidate.shiftType]!
        ) {
          continue
        }
        // The swap keeps coverage if every interval the old shift covers and the new one does not has a spare agent.
        const candidateRows = new Set(candidate.rows)
        const keeps = column.rows.every(
          (row) => candidateRows.has(row) || coverage[row]! - 1 >= requirement[row]!,
        )
        if (keeps) {
          add(index, -1)
          add(candidateIndex, 1)
          changed = true
          break
        }
      }
    }
    if (!changed) break
  }

  const grid = valid.intervalMinutes
  const shifts: Array<ScheduledShift> = []
  columns.forEach((column, index) => {
    if (counts[index]! === 0) return
    const shift = valid.shiftTypes[column.shiftType]!
    shifts.push({
      shiftTypeId: shift.id,
      name: shift.name,
      start: clockOf(column.start * grid),
      end: clockOf(column.start * grid + shift.lengthMinutes),
      meal:
        column.mealStart === undefined || !shift.meal
          ? undefined
          : {
              start: clockOf(column.mealStart * grid),
              end: clockOf(column.mealStart * grid + shift.meal.durationMinutes),
            },
      agents: counts[index]!,
      paidHours: column.paidHours,
    })
  })
  shifts.sort(
    (left, right) =>
      left.start.localeCompare(right.start) || left.shiftTypeId.localeCompare(right.shiftTypeId),
  )
  const coverageList = Array.from(coverage)
  const cost = columns.reduce((sum, column, index) => sum + column.cost * counts[index]!, 0)
  const coverable = relaxation.shortfall.every((units) => units < 1e-7)
  // Every schedule's cost is a whole number of intervals' cost when no shift carries a fractional
  // weight, so the bound rounds up to the next such multiple.
  const step = grid / 60
  const wholeSteps = columns.every(
    (column) => Math.abs(column.cost / step - Math.round(column.cost / step)) < 1e-9,
  )
  const lowerBoundCost = !coverable
    ? undefined
    : wholeSteps
      ? Math.ceil(relaxation.objective / step - 1e-6) * step
      : relaxation.objective
  const span = valid.teamLeadSpan ?? handbookTeamLeadSpan
  return {
    shifts,
    coverage: coverageList,
    surplus: coverageList.map((covered, row) => Math.max(0, covered - requirement[row]!)),
    shortfall: coverageList.map((covered, row) => Math.max(0, requirement[row]! - covered)),
    teamLeads: coverageList.map((covered) => teamLeadsFor(covered, span).leads),
    headcount: totalUsed,
    paidAgentHours: columns.reduce((sum, column, index) => sum + column.paidHours * counts[index]!, 0),
    requiredAgentHours: (requirement.reduce((sum, agents) => sum + agents, 0) * grid) / 60,
    cost,
    lowerBoundCost,
    gapPercent:
      lowerBoundCost === undefined || lowerBoundCost === 0
        ? undefined
        : (100 * (cost - lowerBoundCost)) / lowerBoundCost,
    method:
      "set-covering columns (type × start × meal); LP relaxation by dual simplex (lower bound); round down, greedy completion, drop/swap improvement",
  }
}
