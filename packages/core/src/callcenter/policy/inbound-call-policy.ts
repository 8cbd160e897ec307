import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { Role } from "../../roles/role.ts"

/**
 * How inbound calls are logged (呼入业务管理流程 ⑦ 登记呼叫内容): how long after the call the
 * agent has to file the 呼入记录表, and who is told when it is not filed. The hotline serves
 * around the clock (24 小时的服务), so minutes are elapsed minutes.
 */
export interface InboundCallPolicy {
  readonly version: string
  /** Minutes after the call ends within which the agent logs it (after-call work, 话后处理). */
  readonly logWithinMinutes: number
  /** Who is told when a call is not logged in time: the team lead (组长), a supervisor post. */
  readonly overdueLogNotifies: Role
}

/** The defaults (common practice; the handbook sets no figure): 15 minutes, then the team lead. */
export const defaultInboundCallPolicy: InboundCallPolicy = {
  version: "handbook-2026.1",
  logWithinMinutes: 15,
  overdueLogNotifies: "supervisor",
}

const policySchema = z.strictObject({
  version: z.string().min(1),
  logWithinMinutes: z.number().int().positive("must be a positive number of minutes").max(10_080),
  overdueLogNotifies: Role.schema,
})

/** Validates an inbound call policy; every problem is named with its path. */
export function parseInboundCallPolicy(input: unknown): Result.Result<InboundCallPolicy, ValidationError> {
  return parseWith(
    "policy.callcenter.inbound",
    policySchema as unknown as z.ZodType<InboundCallPolicy>,
    input,
  )
}
