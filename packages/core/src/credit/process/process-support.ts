import { Result } from "effect"
import { z } from "zod"
import { InvalidTransition } from "../../errors/refusals.ts"
import { fromZodIssues, type ValidationError } from "../../errors/validation-error.ts"
import type { IdempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import type { Label } from "../../labels/label.ts"
import type { NotificationSeverity } from "../../ports/notifier.ts"
import type { DecideApproval } from "../../process/approval-decision.ts"
import type { Assignee, EffectRequest, SubmitApprovalRequest } from "../../process/effect-request.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { NoticeChannel } from "../labels/notice-channel.ts"
import type { CreditApprovalRoute } from "../policy/approval-chain.ts"

/** Refuses a command the state does not allow, naming the process, the instance and why. */
export function refuse(
  process: string,
  instanceId: string,
  state: string,
  command: string,
  reason: string,
): Result.Result<never, InvalidTransition> {
  return Result.fail(new InvalidTransition({ process, instanceId, state, command, reason }))
}

/** Validates a command against its schema; bad input becomes a `ValidationError`, never a throw. */
export function parseCommand<Command>(
  subject: string,
  schema: z.ZodType<Command>,
  command: unknown,
): Result.Result<Command, ValidationError> {
  const parsed = schema.safeParse(command)
  return parsed.success
    ? Result.succeed(parsed.data)
    : Result.fail(fromZodIssues(subject, parsed.error.issues))
}

/** The zod validator of a command's instant. */
export const instantSchema = z.number().int().refine(Number.isSafeInteger, "out of range")

/** The zod validator of an id inside commands (an evaluation id, a customer id). */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be an id")

/** The zod validator of free text of at most `max` characters. */
export const textSchema = (max: number) => z.string().trim().min(1).max(max)

/** The last step of the credit flows: the customer was told (通知客户). */
export interface ConfirmCustomerNotified {
  readonly type: "ConfirmCustomerNotified"
  readonly at: Instant
  readonly actor: Actor
  readonly channel: NoticeChannel
  readonly note?: string
}

/** The timer that reminds the officer to tell the customer. */
export interface RemindCustomerNotice {
  readonly type: "RemindCustomerNotice"
  readonly at: Instant
}

/** Ends an open instance (the request was withdrawn, the order cancelled). */
export interface CancelCommand {
  readonly type: "Cancel"
  readonly at: Instant
  readonly actor: Actor
  readonly reason: string
}

/** The zod validators of `ConfirmCustomerNotified`, `RemindCustomerNotice` and `Cancel`. */
export const sharedCommandSchemas = {
  confirmCustomerNotified: z.strictObject({
    type: z.literal("ConfirmCustomerNotified"),
    at: instantSchema,
    actor: actorSchema,
    channel: NoticeChannel.schema,
    note: textSchema(2000).optional(),
  }),
  remindCustomerNotice: z.strictObject({ type: z.literal("RemindCustomerNotice"), at: instantSchema }),
  cancel: z.strictObject({
    type: z.literal("Cancel"),
    at: instantSchema,
    actor: actorSchema,
    reason: textSchema(2000),
  }),
}

/**
 * Why a decision does not fit the approval the instance waits on, or undefined when it does: a
 * decision for another (earlier, withdrawn) approval must change nothing.
 */
export function approvalMismatch(
  pending: { readonly key: string } | undefined,
  waiting: boolean,
  command: DecideApproval,
): string | undefined {
  if (!waiting || pending === undefined) return "no approval is pending"
  if (command.approvalKey !== pending.key) {
    return `the decision is for approval ${command.approvalKey}, not the pending ${pending.key}`
  }
  return undefined
}

/** What every decision event records of the decision. */
export function decisionOf(command: DecideApproval): {
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

/** The steps of an approval submission from a credit approval route: each step's posts as role assignees. */
export function approvalSteps(route: CreditApprovalRoute): SubmitApprovalRequest["submission"]["steps"] {
  return route.steps.map((step) => ({ mode: step.mode, approvers: step.roles.map((role) => ({ role })) }))
}

/** A notification to staff about an instance. */
export function notifyEffect(
  key: IdempotencyKey,
  recipients: ReadonlyArray<Assignee>,
  severity: NotificationSeverity,
  title: Label,
  body: Label,
  caseKey: string,
): EffectRequest {
  return { kind: "notify", key, draft: { recipients, severity, title, body, caseKey } }
}

/** Withdraws the approval submitted with `submissionKey`. */
export function withdrawEffect(key: IdempotencyKey, submissionKey: string, reason: string): EffectRequest {
  return { kind: "approval.withdraw", key, submissionKey: submissionKey as IdempotencyKey, reason }
}

/**
 * The effects of telling the customer: the contact on the host timeline (a call, a visit, a
 * letter noted) and the notice task of `${instanceId}/notify-customer` done.
 */
export function customerNotifiedEffects(
  key: (kind: string) => IdempotencyKey,
  instanceId: string,
  customerId: string,
  subject: string,
  event: { readonly at: Instant; readonly channel: NoticeChannel; readonly note: string | undefined },
): ReadonlyArray<EffectRequest> {
  return [
    {
      kind: "host.activity.log",
      key: key("host.activity.log"),
      draft: {
        externalKey: `${instanceId}/customer-notified`,
        kind: activityKindOfChannel[event.channel],
        subject,
        body: event.note ?? "",
        occurredAt: event.at,
        customerKey: customerId,
      },
    },
    { kind: "host.task.complete", key: key("host.task.complete"), taskKey: `${instanceId}/notify-customer` },
  ]
}

/** The host activity that records a notice to the customer. */
export const activityKindOfChannel = {
  letter: "note",
  phone: "call",
  visit: "visit",
  email: "email",
} as const satisfies { readonly [C in NoticeChannel]: string }
