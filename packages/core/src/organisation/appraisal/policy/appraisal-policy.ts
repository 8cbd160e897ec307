import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../../errors/validation-error.ts"
import { Role } from "../../../roles/role.ts"
import { ComplaintOfficerKpi } from "../labels/complaint-officer-kpi.ts"

/**
 * Where the quadrant's lines are drawn. `teamMedian` (the default): high means at or above the
 * team's median, because 001 has the 客服主管 place people within the team they lead, and a median
 * splits any team whatever the leniency of its scorers. `cutOffs`: the company's own fixed scores,
 * for a company that judges everyone against one standard across teams and quarters.
 */
export type QuadrantLines = "teamMedian" | "cutOffs"

/** The score bands of the grades (score at or above each band's floor). */
export interface GradeBands {
  readonly excellent: number
  readonly good: number
  readonly satisfactory: number
}

/** One complaint-officer KPI with its weight and target (targets of ratios are 0–1, satisfaction of 5). */
export interface ComplaintOfficerObjective {
  readonly kpi: ComplaintOfficerKpi
  /** 权重, whole percent; the objectives add up to 100. */
  readonly weight: number
  readonly target: number
}

/** The company's rules for 业绩考核 and the quadrant of 图1-1; the defaults are the handbooks'. */
export interface AppraisalPolicy {
  readonly version: string
  readonly quadrantLines: QuadrantLines
  /**
   * Fixed lines (0–100) for `cutOffs`, and for one person's appraisal concluded without the team's
   * figures (a single appraisal has no team to take a median of).
   */
  readonly cutOffs: { readonly ability: number; readonly performance: number }
  readonly gradeBands: GradeBands
  /**
   * Who approves after the employee's own supervisor (主管审核 ✓, always first): none by default;
   * a 大型企业 may add the manager (经理审批). A rejection at any step returns it to the employee.
   */
  readonly furtherApprovers: ReadonlyArray<Role>
  /** Days the employee has for the self-assessment before a reminder. */
  readonly selfAssessmentDays: number
  /** Days after the result until the improvement plan is followed up (跟踪). */
  readonly followUpDays: number
  /** The complaint officer's objectives, computed from complaint statistics. */
  readonly complaintOfficerObjectives: ReadonlyArray<ComplaintOfficerObjective>
}

/** The handbook defaults: team medians, 90/80/60 grade bands, review by the supervisor alone, follow-up after 30 days. */
export const defaultAppraisalPolicy: AppraisalPolicy = {
  version: "handbook-2026.1",
  quadrantLines: "teamMedian",
  cutOffs: { ability: 70, performance: 70 },
  gradeBands: { excellent: 90, good: 80, satisfactory: 60 },
  furtherApprovers: [],
  selfAssessmentDays: 7,
  followUpDays: 30,
  complaintOfficerObjectives: [
    { kpi: "resolvedRatio", weight: 30, target: 0.95 },
    { kpi: "firstResponseOnTime", weight: 20, target: 0.95 },
    { kpi: "resolutionOnTime", weight: 20, target: 0.9 },
    { kpi: "satisfaction", weight: 20, target: 4 },
    { kpi: "reopenedRatio", weight: 10, target: 0.05 },
  ],
}

const score = z.number().finite().min(0).max(100)

/** The validator of an appraisal policy: bands in order, objectives once each, weights adding up to 100. */
export const appraisalPolicySchema = z
  .strictObject({
    version: z.string().min(1),
    quadrantLines: z.enum(["teamMedian", "cutOffs"]),
    cutOffs: z.strictObject({ ability: score, performance: score }),
    gradeBands: z.strictObject({ excellent: score, good: score, satisfactory: score }),
    furtherApprovers: z.array(Role.schema).max(5),
    selfAssessmentDays: z.number().int().min(1).max(90),
    followUpDays: z.number().int().min(1).max(365),
    complaintOfficerObjectives: z
      .array(
        z.strictObject({
          kpi: ComplaintOfficerKpi.schema,
          weight: z.number().int().min(1).max(100),
          target: z.number().finite().positive("must be positive"),
        }),
      )
      .min(1),
  })
  .superRefine((policy, context) => {
    const { excellent, good, satisfactory } = policy.gradeBands
    if (!(excellent > good && good > satisfactory))
      context.addIssue({
        code: "custom",
        path: ["gradeBands"],
        message: "must fall: excellent > good > satisfactory",
      })
    const kpis = policy.complaintOfficerObjectives.map((objective) => objective.kpi)
    kpis.forEach((kpi, index) => {
      if (kpis.indexOf(kpi) !== index)
        context.addIssue({
          code: "custom",
          path: ["complaintOfficerObjectives", index, "kpi"],
          message: "duplicate KPI",
        })
    })
    if (policy.complaintOfficerObjectives.reduce((total, objective) => total + objective.weight, 0) !== 100)
      context.addIssue({
        code: "custom",
        path: ["complaintOfficerObjectives"],
        message: "weights must add up to 100",
      })
  })

/** Validates a company's appraisal policy, naming every bad field. */
export function parseAppraisalPolicy(input: unknown): Result.Result<AppraisalPolicy, ValidationError> {
  return parseWith("policy.appraisal", appraisalPolicySchema as unknown as z.ZodType<AppraisalPolicy>, input)
}
