import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { isKnownCurrency } from "../../money/currency.ts"
import type { LadderRung } from "../../process/escalation-ladder.ts"
import { ladderRungsSchema } from "../../process/ladder-rungs-schema.ts"
import { Role } from "../../roles/role.ts"

/**
 * How the periodic complaint analysis (客户投诉分析流程) runs: who approves the improvement
 * measures (✓), how long a measure may take, and how its follow-up reminds and escalates. An
 * analysis records the `version` it ran under.
 */
export interface ComplaintAnalysisPolicy {
  readonly version: string
  /** The currency of the losses the analysis adds up. */
  readonly currency: string
  /** The post that approves the measures (客服经理 in the handbook's complaint chapter). */
  readonly approverRole: Role
  /** A measure is given at most this many working days; more is a project, not a measure. */
  readonly maximumWorkingDays: number
  /** The follow-up of each measure (跟踪): a reminder before its due date, the ladder after it. */
  readonly followUp: {
    readonly remindBeforeWorkingMinutes: number
    readonly rungs: ReadonlyArray<LadderRung>
  }
}

/**
 * tixi's default: the 客服经理 approves, a measure takes at most a quarter (60 working days), the
 * department is reminded a working day before the due date, and an overdue measure goes to the
 * 客户投诉主管 at once, the 客服经理 two working days later and the 客服总监 after a week.
 */
export const defaultComplaintAnalysisPolicy: ComplaintAnalysisPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  approverRole: "manager",
  maximumWorkingDays: 60,
  followUp: {
    remindBeforeWorkingMinutes: 480,
    rungs: [
      { role: "supervisor", afterDueWorkingMinutes: 0 },
      { role: "manager", afterDueWorkingMinutes: 960 },
      { role: "director", afterDueWorkingMinutes: 2400 },
    ],
  },
}

const policySchema = z
  .strictObject({
    version: z.string().trim().min(1).max(100),
    currency: z.string().refine(isKnownCurrency, "unknown currency"),
    approverRole: Role.schema,
    maximumWorkingDays: z.number().int().min(1).max(250),
    followUp: z.strictObject({
      remindBeforeWorkingMinutes: z.number().int().min(0).max(1_000_000),
      rungs: ladderRungsSchema,
    }),
  })
  .refine((policy) => policy.approverRole !== "officer", {
    path: ["approverRole"],
    message: "the measures are approved above the officer who proposes them",
  })

/**
 * Validates a complaint analysis policy a company writes (whole, like the default), naming the
 * field of every problem: a ladder that climbs down, an officer approving, an unknown currency.
 */
export function parseComplaintAnalysisPolicy(
  input: unknown,
): Result.Result<ComplaintAnalysisPolicy, ValidationError> {
  return parseWith(
    "policy.complaintAnalysis",
    policySchema as unknown as z.ZodType<ComplaintAnalysisPolicy>,
    input,
  )
}
