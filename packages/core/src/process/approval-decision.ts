import { z } from "zod"
import { safeTextSchema } from "../forms/safe-text.ts"
import type { PersonId } from "../ids/ids.ts"
import type { ApprovalOutcomeEvent } from "../ports/approvals.ts"
import { personIdSchema } from "../roles/actor.ts"
import { type Instant, instantSchema } from "../time/instant.ts"

/**
 * The approvers' decision on a ✓ step, as a command to the process that waits on it. Runners
 * turn the approvals host's `ApprovalOutcomeEvent` into this command (`decideApprovalCommand`)
 * and deliver it to the instance named by the event's business key; the process checks that
 * `approvalKey` is the approval it is waiting for, so a late or duplicate decision changes nothing.
 */
export interface DecideApproval {
  readonly type: "DecideApproval"
  readonly at: Instant
  /** The key the approval was submitted with (`ApprovalOutcomeEvent.key`). */
  readonly approvalKey: string
  readonly outcome: "approved" | "rejected" | "withdrawn"
  readonly decidedBy?: PersonId | undefined
  readonly comment?: string | undefined
}

/** The zod validator of a `DecideApproval` command. */
export const decideApprovalSchema = z.strictObject({
  type: z.literal("DecideApproval"),
  at: instantSchema,
  approvalKey: z.string().min(1).max(500),
  outcome: z.enum(["approved", "rejected", "withdrawn"]),
  decidedBy: personIdSchema.optional(),
  comment: safeTextSchema(2000).optional(),
})

/** The command an approval outcome from the host becomes. */
export function decideApprovalCommand(event: ApprovalOutcomeEvent): DecideApproval {
  return {
    type: "DecideApproval",
    at: event.at,
    approvalKey: event.key,
    outcome: event.outcome,
    ...(event.decidedBy === undefined ? {} : { decidedBy: event.decidedBy }),
    ...(event.comment === undefined ? {} : { comment: event.comment }),
  }
}
