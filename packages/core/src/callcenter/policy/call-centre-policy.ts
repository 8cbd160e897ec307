import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { label, labelSchema } from "../../labels/label.ts"
import { ServiceLevelConvention } from "../labels/call-labels.ts"
import type { StaffingModel } from "../models/daily-staffing.ts"
import type { ShrinkageComponent } from "../models/shrinkage.ts"
import type { TeamLeadSpan } from "../models/team-leads.ts"
import { defaultScorecard, type ScorecardTemplate, scorecardTemplateSchema } from "./monitoring-scorecard.ts"

/**
 * How a call centre is run (呼叫中心管理办法, 质量管理制度, 现场管理制度): its service target, the
 * model that staffs it, shrinkage, supervision span, the KPI conventions and the monitoring
 * scorecard. Every number is the centre's to change; the defaults come from the handbooks where
 * they give one and from common practice where they do not (each says which).
 */
export interface CallCentrePolicy {
  readonly version: string
  /** Minutes per staffing interval (15: a 96-interval day). */
  readonly intervalMinutes: number
  /** Share of calls to answer within `answerWithinSeconds` (80/20 is the industry's default). */
  readonly targetServiceLevel: number
  readonly answerWithinSeconds: number
  /** The occupancy agents may run at; above ~85–90 % they burn out. */
  readonly maxOccupancy: number
  readonly staffingModel: StaffingModel
  /** Why scheduled agents are off the phones; meals are placed by the scheduler, not here. */
  readonly shrinkage: ReadonlyArray<ShrinkageComponent>
  /** Agents kept on the line in any interval, for the handbook's 24-hour service (24 小时的服务). */
  readonly minimumAgents: number
  /** 每个呼叫中心组长负责 12～14 名员工 (004 ch.8). */
  readonly teamLeadSpan: TeamLeadSpan
  /** 来电铃响 3 声内必须应答 (004 ch.8): rings, and seconds per ring cycle (China: 1 s on, 4 s off). */
  readonly rings: number
  readonly ringSeconds: number
  readonly shortAbandonSeconds: number
  readonly serviceLevelConvention: ServiceLevelConvention
  /** A repeat call within this window undoes first-call resolution. */
  readonly repeatWindowHours: number
  /** How long a difficult call may wait for its answer (明确答复时间) unless the agent promises sooner. */
  readonly promisedAnswerHours: number
  /** The scorecard of quality monitoring (呼叫业务质量监控表). */
  readonly scorecard: ScorecardTemplate
  /** Calibration: an evaluator is calibrated when within this many points of the reference score. */
  readonly calibrationTolerancePoints: number
  /** Agent evaluation bands (呼叫业务质量评估表): minimum overall score for each rating. */
  readonly ratingBands: { readonly excellent: number; readonly good: number; readonly satisfactory: number }
}

/**
 * The defaults: 80/20 at most 85 % occupancy (industry practice; the handbooks set no figure),
 * Erlang C, 15-minute intervals, shrinkage 30 % in common components, two agents on the line at
 * all hours, and the handbook's 12–14 agents per team lead and three-ring rule.
 */
export const defaultCallCentrePolicy: CallCentrePolicy = {
  version: "handbook-2026.1",
  intervalMinutes: 15,
  targetServiceLevel: 0.8,
  answerWithinSeconds: 20,
  maxOccupancy: 0.85,
  staffingModel: { kind: "erlangC" },
  shrinkage: [
    { id: "breaks", name: label("工间休息", "Paid breaks"), share: 0.0625 },
    { id: "coaching", name: label("辅导与例会", "Coaching and meetings"), share: 0.05 },
    { id: "training", name: label("培训", "Training"), share: 0.04 },
    { id: "absence", name: label("缺勤", "Absence"), share: 0.06 },
    { id: "leave", name: label("休假", "Leave"), share: 0.07 },
    { id: "other", name: label("系统故障等其他", "System downtime and other"), share: 0.0175 },
  ],
  minimumAgents: 2,
  teamLeadSpan: { minAgentsPerLead: 12, maxAgentsPerLead: 14 },
  rings: 3,
  ringSeconds: 5,
  shortAbandonSeconds: 5,
  serviceLevelConvention: "offered",
  repeatWindowHours: 72,
  promisedAnswerHours: 24,
  scorecard: defaultScorecard,
  calibrationTolerancePoints: 5,
  ratingBands: { excellent: 90, good: 80, satisfactory: 70 },
}

const share = z.number().min(0).lt(1)
const policySchema = z
  .object({
    version: z.string().min(1),
    intervalMinutes: z
      .number()
      .int()
      .positive()
      .refine((minutes) => 1440 % minutes === 0, "must divide the 1440 minutes of a day"),
    targetServiceLevel: z.number().gt(0).lt(1, "must be below 1 (100 % cannot be guaranteed)"),
    answerWithinSeconds: z.number().finite().min(0),
    maxOccupancy: z.number().gt(0).max(1),
    staffingModel: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("erlangC") }),
      z.object({
        kind: z.literal("erlangA"),
        averagePatienceSeconds: z.number().finite().positive(),
        maxAbandonment: z.number().min(0).max(1).optional(),
      }),
    ]),
    shrinkage: z.array(
      z.object({
        id: z.string().min(1),
        name: labelSchema,
        share,
      }),
    ),
    minimumAgents: z.number().int().min(0),
    teamLeadSpan: z.object({
      minAgentsPerLead: z.number().int().min(1),
      maxAgentsPerLead: z.number().int().min(1),
    }),
    rings: z.number().int().min(1),
    ringSeconds: z.number().finite().positive(),
    shortAbandonSeconds: z.number().finite().min(0),
    serviceLevelConvention: ServiceLevelConvention.schema,
    repeatWindowHours: z.number().finite().min(0),
    promisedAnswerHours: z.number().finite().positive(),
    scorecard: scorecardTemplateSchema,
    calibrationTolerancePoints: z.number().finite().min(0).max(100),
    ratingBands: z.object({
      excellent: z.number().min(0).max(100),
      good: z.number().min(0).max(100),
      satisfactory: z.number().min(0).max(100),
    }),
  })
  .superRefine((policy, context) => {
    if (policy.shrinkage.reduce((sum, component) => sum + component.share, 0) >= 1) {
      context.addIssue({
        code: "custom",
        path: ["shrinkage"],
        message: "the components must add up to less than 100 %",
      })
    }
    if (policy.teamLeadSpan.maxAgentsPerLead < policy.teamLeadSpan.minAgentsPerLead) {
      context.addIssue({
        code: "custom",
        path: ["teamLeadSpan", "maxAgentsPerLead"],
        message: "must not be below minAgentsPerLead",
      })
    }
    const bands = policy.ratingBands
    if (!(bands.excellent >= bands.good && bands.good >= bands.satisfactory)) {
      context.addIssue({
        code: "custom",
        path: ["ratingBands"],
        message: "must satisfy excellent ≥ good ≥ satisfactory",
      })
    }
  })

/** Validates a call-centre policy; every problem is named with its path. */
export function parseCallCentrePolicy(input: unknown): Result.Result<CallCentrePolicy, ValidationError> {
  return parseWith("policy.callcenter", policySchema as unknown as z.ZodType<CallCentrePolicy>, input)
}
