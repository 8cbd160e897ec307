import { z } from "zod"
import { type ServiceTarget, serviceTargetShape, staffLoad } from "./agents-for.ts"
import { erlangAOfRates, staffErlangA } from "./erlang-a.ts"
import { erlangCOfLoad } from "./erlang-c.ts"
import { scheduledAgentsFor } from "./shrinkage.ts"
import { handbookTeamLeadSpan, type TeamLeadSpan, teamLeadsFor } from "./team-leads.ts"
import { validModelInput } from "./traffic.ts"

/** Which queueing model staffs the intervals. */
export type StaffingModel =
  | { readonly kind: "erlangC" }
  | {
      readonly kind: "erlangA"
      readonly averagePatienceSeconds: number
      /** The highest share of callers allowed to hang up; no cap when absent. */
      readonly maxAbandonment?: number
    }

/** What `staffDay` takes: a day's forecast per interval and the rules to staff it by. */
export interface DailyStaffingInput {
  /** Minutes per interval; 15 gives the 96 intervals of a day. Must divide 1440. */
  readonly intervalMinutes: number
  /** Calls expected in each interval, from the forecast. */
  readonly calls: ReadonlyArray<number>
  /** Average handle time, one for the day or one per interval. */
  readonly averageHandleSeconds: number | ReadonlyArray<number>
  readonly target: ServiceTarget
  /** Erlang C unless Erlang A is asked for. */
  readonly model?: StaffingModel
  /** Share of paid time agents are not on the phones (breaks, training, absence). */
  readonly shrinkage: number
  /** Agents kept on the phones in an open interval however quiet (e.g. 2 for a 24-hour line). */
  readonly minimumAgents?: number
  /** Which intervals the centre is open; all when absent. Closed intervals need no one. */
  readonly open?: ReadonlyArray<boolean>
  readonly teamLeadSpan?: TeamLeadSpan
}

/** The requirement of one interval. */
export interface IntervalRequirement {
  readonly interval: number
  /** Minutes from midnight at which the interval starts. */
  readonly startMinute: number
  readonly calls: number
  /** Offered load in Erlangs. */
  readonly load: number
  /** Agents needed on the phones (productive). */
  readonly agents: number
  /** Agents to have on shift so that `agents` are on the phones after shrinkage. */
  readonly scheduledAgents: number
  /** Team leads for the scheduled agents, one per 12–14 (handbook). */
  readonly teamLeads: number
  /** What the productive agents achieve (1 with no calls). */
  readonly serviceLevel: number
  readonly averageSpeedOfAnswerSeconds: number
  readonly occupancy: number
  /** Erlang A only: the share of callers expected to hang up. */
  readonly probabilityOfAbandonment: number | undefined
}

/** A day's staffing requirement with its totals. */
export interface DailyStaffing {
  readonly intervalMinutes: number
  readonly intervals: ReadonlyArray<IntervalRequirement>
  readonly totals: {
    readonly calls: number
    /** Productive agent-hours: Σ agents × interval length. */
    readonly productiveAgentHours: number
    /** Agent-hours to schedule: Σ scheduled agents × interval length. */
    readonly scheduledAgentHours: number
    readonly peakAgents: number
    readonly peakScheduledAgents: number
    readonly peakTeamLeads: number
    /** The day's service level: the call-weighted average of the intervals'. */
    readonly serviceLevel: number
  }
}

const nonNegative = z.number().finite("must be a finite number").min(0, "must not be negative")
const dailyStaffingSchema = z
  .object({
    intervalMinutes: z
      .number()
      .int("must be whole minutes")
      .min(1)
      .max(1440)
      .refine((minutes) => 1440 % minutes === 0, "must divide the 1440 minutes of a day"),
    calls: z.array(nonNegative).min(1, "needs at least one interval"),
    averageHandleSeconds: z.union([
      z.number().finite().positive("must be positive"),
      z.array(z.number().finite().positive("must be positive")),
    ]),
    target: z.object(serviceTargetShape),
    model: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("erlangC") }),
        z.object({
          kind: z.literal("erlangA"),
          averagePatienceSeconds: z.number().finite().positive("must be positive"),
          maxAbandonment: z.number().min(0).max(1).optional(),
        }),
      ])
      .optional(),
    shrinkage: z.number().min(0, "must not be negative").lt(1, "must be below 1"),
    minimumAgents: z.number().int().min(0).optional(),
    open: z.array(z.boolean()).optional(),
    teamLeadSpan: z
      .object({ minAgentsPerLead: z.number().int().min(1), maxAgentsPerLead: z.number().int().min(1) })
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.calls.length * value.intervalMinutes !== 1440) {
      context.addIssue({
        code: "custom",
        path: ["calls"],
        message: `a day of ${value.intervalMinutes}-minute intervals has ${1440 / value.intervalMinutes} of them, not ${value.calls.length}`,
      })
    }
    if (
      Array.isArray(value.averageHandleSeconds) &&
      value.averageHandleSeconds.length !== value.calls.length
    ) {
      context.addIssue({
        code: "custom",
        path: ["averageHandleSeconds"],
        message: "needs one value per interval",
      })
    }
    if (value.open && value.open.length !== value.calls.length) {
      context.addIssue({ code: "custom", path: ["open"], message: "needs one flag per interval" })
    }
  })

/**
 * Staffs a day interval by interval: the forecast calls and handle time give the load, Erlang C
 * (or Erlang A) the fewest productive agents meeting the target, shrinkage the agents to have on
 * shift, and the handbook's span the team leads. The result is the requirement a shift schedule
 * must cover. Throws `ValidationError` on bad input.
 */
export function staffDay(input: DailyStaffingInput): DailyStaffing {
  const valid = validModelInput("callcenter.dailyStaffing", dailyStaffingSchema, input)
  const intervalSeconds = valid.intervalMinutes * 60
  const span = valid.teamLeadSpan ?? handbookTeamLeadSpan
  const model = valid.model ?? { kind: "erlangC" as const }
  const target = valid.target as ServiceTarget
  const intervals: Array<IntervalRequirement> = []
  let weightedServiceLevel = 0
  for (let interval = 0; interval < valid.calls.length; interval++) {
    const open = valid.open?.[interval] ?? true
    const calls = open ? valid.calls[interval]! : 0
    const handle = Array.isArray(valid.averageHandleSeconds)
      ? valid.averageHandleSeconds[interval]!
      : (valid.averageHandleSeconds as number)
    const load = (calls / intervalSeconds) * handle
    const minimum = open ? (valid.minimumAgents ?? 0) : 0
    let agents: number
    let serviceLevel: number
    let averageSpeedOfAnswerSeconds: number
    let probabilityOfAbandonment: number | undefined
    let occupancy: number
    if (model.kind === "erlangC") {
      const staffing = staffLoad(load, handle, target)
      agents = Math.max(staffing.agents, minimum)
      // A floor minimum above the requirement improves the interval; report what it achieves.
      const result = agents === staffing.agents ? staffing.result : erlangCOfLoad(load, agents, handle)
      serviceLevel = result.serviceLevel(target.answerWithinSeconds)
      averageSpeedOfAnswerSeconds = result.averageSpeedOfAnswerSeconds
      occupancy = result.occupancy
    } else {
      const traffic = { callsPerInterval: calls, intervalSeconds, averageHandleSeconds: handle }
      const staffing = staffErlangA({
        ...traffic,
        averagePatienceSeconds: model.averagePatienceSeconds,
        ...target,
        ...(model.maxAbandonment === undefined ? {} : { maxAbandonment: model.maxAbandonment }),
      })
      agents = Math.max(staffing.agents, minimum)
      const result =
        agents === staffing.agents
          ? staffing.result
          : erlangAOfRates(calls / intervalSeconds, handle, model.averagePatienceSeconds, agents)
      serviceLevel = result.serviceLevel(target.answerWithinSeconds)
      averageSpeedOfAnswerSeconds = result.averageSpeedOfAnswerSeconds
      probabilityOfAbandonment = result.probabilityOfAbandonment
      occupancy = result.occupancy
    }
    const scheduledAgents = scheduledAgentsFor(agents, valid.shrinkage)
    weightedServiceLevel += serviceLevel * calls
    intervals.push({
      interval,
      startMinute: interval * valid.intervalMinutes,
      calls,
      load,
      agents,
      scheduledAgents,
      teamLeads: teamLeadsFor(scheduledAgents, span).leads,
      serviceLevel,
      averageSpeedOfAnswerSeconds,
      occupancy,
      probabilityOfAbandonment,
    })
  }
  const hours = valid.intervalMinutes / 60
  const totalCalls = intervals.reduce((sum, row) => sum + row.calls, 0)
  return {
    intervalMinutes: valid.intervalMinutes,
    intervals,
    totals: {
      calls: totalCalls,
      productiveAgentHours: intervals.reduce((sum, row) => sum + row.agents, 0) * hours,
      scheduledAgentHours: intervals.reduce((sum, row) => sum + row.scheduledAgents, 0) * hours,
      peakAgents: Math.max(...intervals.map((row) => row.agents)),
      peakScheduledAgents: Math.max(...intervals.map((row) => row.scheduledAgents)),
      peakTeamLeads: Math.max(...intervals.map((row) => row.teamLeads)),
      serviceLevel: totalCalls === 0 ? 1 : weightedServiceLevel / totalCalls,
    },
  }
}
