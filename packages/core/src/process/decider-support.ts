import { Result } from "effect"
import { z } from "zod"
import { InvalidTransition } from "../errors/refusals.ts"
import { fromZodIssues, type ValidationError } from "../errors/validation-error.ts"
import { safeTextSchema } from "../forms/safe-text.ts"
import type { IdempotencyKey } from "../ids/idempotency-key.ts"
import type { PersonId } from "../ids/ids.ts"
import type { Label } from "../labels/label.ts"
import type { NotificationSeverity } from "../ports/notifier.ts"
import { type Instant, instantSchema } from "../time/instant.ts"
import type { DecideApproval } from "./approval-decision.ts"
import type { Assignee, EffectRequest } from "./effect-request.ts"
import { parseKnownFields } from "./known-field-parsing.ts"

/** Refuses a command the state does not allow, naming the process, the instance and why. */
export function refuseTransition(
  process: string,
  instanceId: string,
  state: string,
  command: string,
  reason: string,
): Result.Result<never, InvalidTransition> {
  return Result.fail(new InvalidTransition({ process, instanceId, state, command, reason }))
}

/**
 * Validates a command against its schema before a decider looks at it: commands arrive as data
 * (from a queue, a webhook, a user), so bad input becomes a `ValidationError`, never a throw.
 */
export function parseProcessCommand<Command>(
  subject: string,
  schema: z.ZodType<Command>,
  command: unknown,
): Result.Result<Command, ValidationError> {
  const parsed = parseKnownFields(schema, command)
  return parsed.success
    ? Result.succeed(parsed.data)
    : Result.fail(fromZodIssues(subject, parsed.error.issues))
}

/** The zod validator of a command's instant: bounded (`instantSchema`), so no decider dates the impossible. */
export const commandInstantSchema = instantSchema

/** The zod validator of an id inside commands (an instance id, a customer id). */
export const commandIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be an id")

/** The zod validator of free text of at most `max` characters inside commands (no control or bidi characters). */
export const commandTextSchema = (max: number) => safeTextSchema(max)

/**
 * An approval decision an instance has recorded. Hosts deliver decisions at least once (a callback
 * retried after a lost reply, the same decision by push and by a recovery pull), so an instance
 * remembers what it decided to recognise a decision delivered again.
 */
export interface RecordedApprovalDecision {
  readonly key: string
  readonly approved: boolean
}

/** The recorded decisions with the decision on the pending approval added (kept as they were without one). */
export function recordApprovalDecision(
  decided: ReadonlyArray<RecordedApprovalDecision>,
  pending: { readonly key: string } | undefined,
  approved: boolean,
): ReadonlyArray<RecordedApprovalDecision> {
  return pending === undefined ? decided : [...decided, { key: pending.key, approved }]
}

/**
 * Whether the decision was already recorded, with the same meaning (approved, or not approved):
 * the decider takes it again without effect instead of refusing it.
 */
export function isRepeatedDecision(
  decided: ReadonlyArray<RecordedApprovalDecision>,
  command: DecideApproval,
): boolean {
  return decided.some(
    (earlier) => earlier.key === command.approvalKey && earlier.approved === (command.outcome === "approved"),
  )
}

/**
 * Why a decision does not fit the approval the instance waits on, or undefined when it does: a
 * decision for another (earlier, withdrawn) approval must change nothing, and a decision contrary
 * to the one recorded for the same approval is refused with both named.
 */
export function approvalMismatch(
  pending: { readonly key: string } | undefined,
  waiting: boolean,
  command: DecideApproval,
  decided: ReadonlyArray<RecordedApprovalDecision> = [],
): string | undefined {
  const earlier = decided.find((recorded) => recorded.key === command.approvalKey)
  if (earlier !== undefined && earlier.approved !== (command.outcome === "approved")) {
    return `approval ${command.approvalKey} was already ${earlier.approved ? "approved" : "rejected or withdrawn"}, not ${command.outcome}`
  }
  if (!waiting || pending === undefined) return "no approval is pending"
  if (command.approvalKey !== pending.key) {
    return `the decision is for approval ${command.approvalKey}, not the pending ${pending.key}`
  }
  return undefined
}

/** What a decider does with an approval decision: take it, take it again without effect, or refuse it. */
export type ApprovalDecisionCheck =
  | { readonly verdict: "decide" }
  | { readonly verdict: "repeat" }
  | { readonly verdict: "refuse"; readonly reason: string }

/**
 * Checks a decision against the approval an instance waits on and the decisions it recorded
 * (`approval` and `decidedApprovals` in its state): the one place deciders share this rule.
 */
export function checkApprovalDecision(
  instance: {
    readonly approval: { readonly key: string } | undefined
    readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
  },
  waiting: boolean,
  command: DecideApproval,
): ApprovalDecisionCheck {
  if (isRepeatedDecision(instance.decidedApprovals, command)) return { verdict: "repeat" }
  const reason = approvalMismatch(instance.approval, waiting, command, instance.decidedApprovals)
  return reason === undefined ? { verdict: "decide" } : { verdict: "refuse", reason }
}

/** What every decision event records of an approval decision. */
export function approvalDecisionOf(command: DecideApproval): {
  readonly at: Instant
  readonly approvalKey: string
  readonly decidedBy: PersonId | undefined
  readonly comment: string | undefined
} {
  return {
    at: command.at,
    approvalKey: command.approvalKey,
    decidedBy: command.decidedBy,
    comment: command.comment,
  }
}

/** A notification to staff about an instance (`caseKey` links back to it). */
export function notifyRequest(
  key: IdempotencyKey,
  recipients: ReadonlyArray<Assignee>,
  severity: NotificationSeverity,
  title: Label,
  body: Label,
  caseKey: string,
): EffectRequest {
  return { kind: "notify", key, draft: { recipients, severity, title, body, caseKey } }
}

/** Withdraws the approval submitted with `submissionKey` (撤销). */
export function withdrawApprovalRequest(
  key: IdempotencyKey,
  submissionKey: string,
  reason: string,
): EffectRequest {
  return { kind: "approval.withdraw", key, submissionKey: submissionKey as IdempotencyKey, reason }
}
