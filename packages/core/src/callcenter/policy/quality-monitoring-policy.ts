import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import type { LadderRung } from "../../process/escalation-ladder.ts"
import { Role } from "../../roles/role.ts"

/**
 * How call quality is monitored (质量监控工作流程, 000 9.4.4; 呼叫中心质量监控方案 9.7.3): how
 * many calls are drawn per agent, how soon a scored call is fed back to the agent (and who is
 * told when it is not), and how soon a failed call gets its improvement plan. Times are working
 * minutes of the centre's calendar.
 */
export interface QualityMonitoringPolicy {
  readonly version: string
  /** Calls drawn per agent and month (`sampleCallsForMonitoring`). */
  readonly callsPerAgent: number
  /** Working minutes after scoring within which the agent is given feedback (反馈辅导). */
  readonly feedbackWithinWorkingMinutes: number
  readonly feedbackRemindBeforeWorkingMinutes: number
  /** Who is told when feedback is overdue, and when. */
  readonly feedbackEscalation: ReadonlyArray<LadderRung>
  /** Who is told of a failed call (不合格上报) and writes its improvement plan. */
  readonly failureEscalatesTo: Role
  /** Working minutes after feedback within which a failed call's improvement plan is due. */
  readonly improvementWithinWorkingMinutes: number
}

/**
 * The defaults (common practice; the handbooks give no figures): four calls per agent a month,
 * feedback within one working day with a reminder two hours before, the team lead told when it
 * is late and the manager a day after; a failed call goes to the supervisor post (the team lead)
 * for an improvement plan within three working days.
 */
export const defaultQualityMonitoringPolicy: QualityMonitoringPolicy = {
  version: "handbook-2026.1",
  callsPerAgent: 4,
  feedbackWithinWorkingMinutes: 480,
  feedbackRemindBeforeWorkingMinutes: 120,
  feedbackEscalation: [
    { role: "supervisor", afterDueWorkingMinutes: 0 },
    { role: "manager", afterDueWorkingMinutes: 480 },
  ],
  failureEscalatesTo: "supervisor",
  improvementWithinWorkingMinutes: 3 * 480,
}

const minutes = z.number().int().positive("must be a positive number of working minutes")
const policySchema = z.strictObject({
  version: z.string().min(1),
  callsPerAgent: z.number().int().min(1).max(1000),
  feedbackWithinWorkingMinutes: minutes,
  feedbackRemindBeforeWorkingMinutes: z.number().int().min(0),
  feedbackEscalation: z
    .array(z.strictObject({ role: Role.schema, afterDueWorkingMinutes: z.number().int().min(0) }))
    .max(5),
  failureEscalatesTo: Role.schema,
  improvementWithinWorkingMinutes: minutes,
})

/** Validates a quality monitoring policy; every problem is named with its path. */
export function parseQualityMonitoringPolicy(
  input: unknown,
): Result.Result<QualityMonitoringPolicy, ValidationError> {
  return parseWith(
    "policy.callcenter.qualityMonitoring",
    policySchema as unknown as z.ZodType<QualityMonitoringPolicy>,
    input,
  )
}
