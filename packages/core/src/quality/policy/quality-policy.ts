import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { Role } from "../../roles/role.ts"
import {
  CesConvention,
  type NonconformitySeverity,
  type ServqualDimension,
} from "../labels/quality-labels.ts"
import {
  defaultQualitySystemPolicy,
  type QualitySystemPolicy,
  qualitySystemPolicySchema,
} from "./quality-system-policy.ts"

/** How the indices are computed and reported (客户满意度指标体系). */
export interface IndexPolicy {
  /** The confidence level of every interval. */
  readonly confidence: number
  /** Below this many answers a figure is flagged "indicative only" and a gap cannot be significant. */
  readonly minimumSampleSize: number
  /** Top boxes that count as satisfied in CSAT (2: top-two-box). */
  readonly csatTopBoxes: number
  readonly ces: { readonly convention: CesConvention; readonly threshold: number }
  /** 满意级度 scoring: level scores lowest first (empty: evenly 0–100) and the lowest satisfied level. */
  readonly satisfactionLevels: { readonly five: ReadonlyArray<number>; readonly seven: ReadonlyArray<number> }
  /** Fixed RATER weights; when absent the respondents' own allocation (or equal weights) is used. */
  readonly raterWeights: Readonly<Record<ServqualDimension, number>> | undefined
  /** The loyalty–satisfaction model's thresholds: satisfied from this CSAT point (1–5), loyal from this 0–10 answer. */
  readonly loyalty: { readonly satisfiedFrom: number; readonly loyalFrom: number }
}

/** Who approves what in the satisfaction survey cycle (满意度调查流程 ✓ steps), and its time limits. */
export interface SurveyCyclePolicy {
  /** Approvers of the survey plan (方案 审核). */
  readonly planApprovers: ReadonlyArray<Role>
  /** Approvers of the improvement plan, one step each (改进方案 审核 → 审批). */
  readonly improvementApprovers: ReadonlyArray<Role>
  /** Default fieldwork length when the plan does not set a close. */
  readonly fieldworkDays: number
  /** Responses below which the evaluation is refused unless forced (the figures would be noise). */
  readonly minimumResponses: number
  /** Days after the improvement plan is approved at which the follow-up (跟踪反馈) falls due. */
  readonly followUpDays: number
}

/** How inspections and audits treat non-conformities (不合格项改正措施). */
export interface InspectionPolicy {
  /** Severities whose corrective action must be approved before it is carried out. */
  readonly approvalFor: ReadonlyArray<NonconformitySeverity>
  /** Who approves a corrective action. */
  readonly approver: Role
  /** Days to complete a corrective action by severity, when the proposer gives no date. */
  readonly dueDays: Readonly<Record<NonconformitySeverity, number>>
  /** Who verifies that a corrective action worked (the Check of PDCA). */
  readonly verifier: Role
}

/**
 * The quality module's policy (客户服务质量标准规范, 满意度调查细则): index conventions, the survey
 * cycle's approvals and the handling of non-conformities. Every number is the company's to set.
 */
export interface QualityPolicy {
  readonly version: string
  readonly indices: IndexPolicy
  readonly survey: SurveyCyclePolicy
  readonly inspection: InspectionPolicy
  /** The quality system's own documents, records and standards. */
  readonly system: QualitySystemPolicy
}

/**
 * The defaults: 95 % intervals, 30 answers minimum (the usual rule of thumb for the normal
 * approximation), top-two-box CSAT, CES 2.0 as the share ≥ 5 of 7, the handbooks' approvals
 * (plans 审核 by the manager, improvement plans 审核 by the manager and 审批 by the director, as
 * in 大客户满意度调查流程), two weeks of fieldwork and a follow-up a month after approval; major
 * non-conformities need the manager's approval and a week, minor ones a month.
 */
export const defaultQualityPolicy: QualityPolicy = {
  version: "handbook-2026.1",
  indices: {
    confidence: 0.95,
    minimumSampleSize: 30,
    csatTopBoxes: 2,
    ces: { convention: "shareAtLeast", threshold: 5 },
    satisfactionLevels: { five: [], seven: [] },
    raterWeights: undefined,
    loyalty: { satisfiedFrom: 4, loyalFrom: 9 },
  },
  survey: {
    planApprovers: ["manager"],
    improvementApprovers: ["manager", "director"],
    fieldworkDays: 14,
    minimumResponses: 30,
    followUpDays: 30,
  },
  inspection: {
    approvalFor: ["major"],
    approver: "manager",
    dueDays: { major: 7, minor: 30, observation: 60 },
    verifier: "supervisor",
  },
  system: defaultQualitySystemPolicy,
}

const dimensionWeights = z.object({
  tangibles: z.number().min(0),
  reliability: z.number().min(0),
  responsiveness: z.number().min(0),
  assurance: z.number().min(0),
  empathy: z.number().min(0),
})
const levelScores = (count: number) =>
  z
    .array(z.number().finite())
    .refine(
      (scores) => scores.length === 0 || scores.length === count,
      `needs ${count} scores, or none for evenly 0–100`,
    )
const days = z.number().int().min(1).max(3650)

/**
 * The validator of a quality policy: a new version drafted as a quality standard is checked
 * against it field by field, so a bad value is refused naming its path.
 */
export const qualityPolicySchema = z.object({
  version: z.string().min(1),
  indices: z.object({
    confidence: z.number().gt(0.5).lt(1),
    minimumSampleSize: z.number().int().min(1),
    csatTopBoxes: z.number().int().min(1).max(4),
    ces: z.object({ convention: CesConvention.schema, threshold: z.number().int().min(1).max(7) }),
    satisfactionLevels: z.object({ five: levelScores(5), seven: levelScores(7) }),
    raterWeights: dimensionWeights
      .refine(
        (weights) => Object.values(weights).some((weight) => weight > 0),
        "at least one weight must be positive",
      )
      .optional(),
    loyalty: z.object({
      satisfiedFrom: z.number().int().min(1).max(5),
      loyalFrom: z.number().int().min(0).max(10),
    }),
  }),
  survey: z.object({
    planApprovers: z.array(Role.schema).min(1),
    improvementApprovers: z.array(Role.schema).min(1),
    fieldworkDays: days,
    minimumResponses: z.number().int().min(1),
    followUpDays: days,
  }),
  inspection: z.object({
    approvalFor: z.array(z.enum(["major", "minor", "observation"])),
    approver: Role.schema,
    dueDays: z.object({ major: days, minor: days, observation: days }),
    verifier: Role.schema,
  }),
  system: qualitySystemPolicySchema,
})

/** Validates a quality policy; every problem is named with its path. */
export function parseQualityPolicy(input: unknown): Result.Result<QualityPolicy, ValidationError> {
  return parseWith("policy.quality", qualityPolicySchema as unknown as z.ZodType<QualityPolicy>, input)
}
