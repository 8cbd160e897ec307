import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import type { LadderRung } from "../../process/escalation-ladder.ts"
import { Role } from "../../roles/role.ts"
import { OutboundPurpose, type RetriedOutcome } from "../labels/outbound-call-labels.ts"

/**
 * How outbound calls are run (呼出业务): how often a customer is tried before the call is given up,
 * how long to wait between tries, and how soon a successful call is followed up (客户跟踪). Times
 * are working minutes of the centre's calendar, so no customer is called back at night.
 */
export interface OutboundCallPolicy {
  readonly version: string
  /** Dialling attempts before the customer is recorded unreachable (the first call included). */
  readonly maxAttempts: number
  /** Working minutes to wait before calling again, by how the last attempt ended. */
  readonly retryAfterWorkingMinutes: Readonly<Record<RetriedOutcome, number>>
  /** Working minutes within which a successful call is followed up, by purpose; absent: no follow-up. */
  readonly followUpWithinWorkingMinutes: Readonly<Partial<Record<OutboundPurpose, number>>>
  /** The agent is reminded this many working minutes before the follow-up is due. */
  readonly followUpRemindBeforeWorkingMinutes: number
  /** Who is told when a follow-up is overdue: the team lead (组长) first, then the supervisor. */
  readonly followUpEscalation: ReadonlyArray<LadderRung>
}

/**
 * The defaults (the handbook sets no figures; common practice): three attempts; a busy line tried
 * again after 30 working minutes, no answer or voicemail after 2 working hours; a sale or a
 * promotion followed up within 3 working days (8-hour days), a call-back within 1; the team lead
 * told when the follow-up is due, the manager a working day later.
 */
export const defaultOutboundCallPolicy: OutboundCallPolicy = {
  version: "handbook-2026.1",
  maxAttempts: 3,
  retryAfterWorkingMinutes: { busy: 30, noAnswer: 120, voicemail: 120 },
  followUpWithinWorkingMinutes: { sales: 3 * 480, promotion: 3 * 480, callBack: 480 },
  followUpRemindBeforeWorkingMinutes: 120,
  followUpEscalation: [
    { role: "supervisor", afterDueWorkingMinutes: 0 },
    { role: "manager", afterDueWorkingMinutes: 480 },
  ],
}

const minutes = z.number().int().positive("must be a positive number of working minutes")
const policySchema = z.strictObject({
  version: z.string().min(1),
  maxAttempts: z.number().int().min(1).max(20),
  retryAfterWorkingMinutes: z.strictObject({ busy: minutes, noAnswer: minutes, voicemail: minutes }),
  followUpWithinWorkingMinutes: z.partialRecord(OutboundPurpose.schema, minutes),
  followUpRemindBeforeWorkingMinutes: z.number().int().min(0),
  followUpEscalation: z
    .array(z.strictObject({ role: Role.schema, afterDueWorkingMinutes: z.number().int().min(0) }))
    .max(5),
})

/** Validates an outbound call policy; every problem is named with its path. */
export function parseOutboundCallPolicy(input: unknown): Result.Result<OutboundCallPolicy, ValidationError> {
  return parseWith(
    "policy.callcenter.outbound",
    policySchema as unknown as z.ZodType<OutboundCallPolicy>,
    input,
  )
}
