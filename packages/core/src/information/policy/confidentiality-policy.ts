import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import type { LadderRung } from "../../process/escalation-ladder.ts"
import { ladderRungsSchema } from "../../process/ladder-rungs-schema.ts"
import { Role } from "../../roles/role.ts"

/**
 * Who approves each ✓ of 信息保密管理流程 and how a late remedy action climbs the ladder. The chart
 * has the customer service manager review (审核) and the general manager approve (审批) the
 * report; a company changes the chain by policy.
 */
export interface InformationConfidentialityPolicy {
  /** ① 划分密级 审核. */
  readonly classificationApprovers: ReadonlyArray<Role>
  /** ④ 补救处理 审核. */
  readonly remedyApprovers: ReadonlyArray<Role>
  /** ⑥ 处理报告 审核 → 审批. */
  readonly reportApprovers: ReadonlyArray<Role>
  /** ⑤ 组织执行: a reminder before each action is due, then the rungs after. */
  readonly remedyFollowUp: {
    readonly remindBeforeWorkingMinutes: number
    readonly rungs: ReadonlyArray<LadderRung>
  }
}

/** The chart as printed: the manager reviews, the general manager approves the report. */
export const defaultInformationConfidentialityPolicy: InformationConfidentialityPolicy = {
  classificationApprovers: ["manager"],
  remedyApprovers: ["manager"],
  reportApprovers: ["manager", "generalManager"],
  remedyFollowUp: {
    remindBeforeWorkingMinutes: 240,
    rungs: [
      { role: "manager", afterDueWorkingMinutes: 0 },
      { role: "generalManager", afterDueWorkingMinutes: 2 * 8 * 60 },
    ],
  },
}

/** Approvers above the officer who does the work, at least one, each post once. */
const approversSchema = z
  .array(Role.schema)
  .min(1, "name at least one approving post")
  .refine((roles) => !roles.includes("officer"), "approval is given above the officer")
  .refine((roles) => new Set(roles).size === roles.length, "each post approves once")

const policySchema = z.strictObject({
  classificationApprovers: approversSchema,
  remedyApprovers: approversSchema,
  reportApprovers: approversSchema,
  remedyFollowUp: z.strictObject({
    remindBeforeWorkingMinutes: z.number().int().min(0).max(1_000_000),
    rungs: ladderRungsSchema,
  }),
})

/**
 * Validates a confidentiality policy a company writes (whole, like the default), naming the field
 * of every problem: an officer approving, a ladder that climbs down.
 */
export function parseInformationConfidentialityPolicy(
  input: unknown,
): Result.Result<InformationConfidentialityPolicy, ValidationError> {
  return parseWith(
    "policy.informationConfidentiality",
    policySchema as unknown as z.ZodType<InformationConfidentialityPolicy>,
    input,
  )
}
