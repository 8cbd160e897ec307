import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { safeTextSchema } from "../../forms/safe-text.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"
import { CallDirection } from "../labels/call-labels.ts"

/**
 * One call as the switch (ACD/CTI) logs it: the raw material of every call-centre KPI. Inbound
 * calls are answered or abandoned; outbound calls are connected or not.
 */
export interface CallRecord {
  readonly id: string
  readonly direction: CallDirection
  /** The queue or skill group (热线, 投诉, 售后); KPIs can be taken per queue. */
  readonly queue?: string
  /** The customer, when the call was identified; repeat calls (first-call resolution) are matched on it. */
  readonly customerId?: string
  /** The caller's (or callee's) number; used for repeat calls when the customer is unknown. */
  readonly phoneNumber?: string
  /** Inbound: when the call entered the queue. Outbound: when it was dialled. */
  readonly offeredAt: Instant
  /** When it started ringing at the agent, if the switch logs it; the three-ring rule counts from here. */
  readonly alertedAt?: Instant
  /** When an agent (or, outbound, the customer) answered; absent for abandoned or unconnected calls. */
  readonly answeredAt?: Instant
  /** When the call ended: hang-up after talk, or the moment an unanswered caller hung up. */
  readonly endedAt: Instant
  /** After-call work (话后处理) the agent spent on it. */
  readonly wrapUpSeconds?: number
  readonly agentId?: string
  /** Why the customer called (咨询, 投诉, 报修…); repeat calls count only for the same reason when given. */
  readonly reason?: string
  /** The agent's or the customer's own verdict, when recorded; overrides the repeat-call inference. */
  readonly resolvedOnFirstContact?: boolean
}

const instant = instantSchema
const optionalText = safeTextSchema(200).optional()

/** Validates one call record, including the order of its instants. */
export const callRecordSchema: z.ZodType<CallRecord> = z
  .object({
    id: z.string().trim().min(1).max(200),
    direction: CallDirection.schema,
    queue: optionalText,
    customerId: optionalText,
    phoneNumber: optionalText,
    offeredAt: instant,
    alertedAt: instant.optional(),
    answeredAt: instant.optional(),
    endedAt: instant,
    wrapUpSeconds: z.number().finite().min(0).optional(),
    agentId: optionalText,
    reason: optionalText,
    resolvedOnFirstContact: z.boolean().optional(),
  })
  .superRefine((record, context) => {
    if (record.alertedAt !== undefined && record.alertedAt < record.offeredAt) {
      context.addIssue({ code: "custom", path: ["alertedAt"], message: "must not be before offeredAt" })
    }
    if (record.answeredAt !== undefined && record.answeredAt < (record.alertedAt ?? record.offeredAt)) {
      context.addIssue({
        code: "custom",
        path: ["answeredAt"],
        message: "must not be before the call was offered or alerted",
      })
    }
    if (record.endedAt < (record.answeredAt ?? record.offeredAt)) {
      context.addIssue({
        code: "custom",
        path: ["endedAt"],
        message: "must not be before the call was offered or answered",
      })
    }
  }) as unknown as z.ZodType<CallRecord>

/** Validates a batch of call records from a switch export; every bad record is named by its index. */
export function parseCallRecords(input: unknown): Result.Result<ReadonlyArray<CallRecord>, ValidationError> {
  return parseWith("callcenter.callRecords", z.array(callRecordSchema), input)
}
