import type { ApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import type { IdempotencyKey } from "../../ids/idempotency-key.ts"
import { cancelCommandSchema } from "../../process/cancellation.ts"
import { commandShape, type ShapedCommand, timerCommand } from "../../process/command-shapes.ts"
import { commandTextSchema } from "../../process/decider-support.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { NoticeChannel } from "../labels/notice-channel.ts"

/** The last step of the credit flows: the customer was told (通知客户), by which channel. */
export const confirmCustomerNotifiedSchema = commandShape("ConfirmCustomerNotified", {
  actor: actorSchema,
  channel: NoticeChannel.schema,
  note: commandTextSchema(2000).optional(),
})

/** The `ConfirmCustomerNotified` command. */
export type ConfirmCustomerNotified = ShapedCommand<typeof confirmCustomerNotifiedSchema>

/** The timer that reminds the officer to tell the customer. */
export const remindCustomerNoticeSchema = timerCommand("RemindCustomerNotice")

/** The `RemindCustomerNotice` command. */
export type RemindCustomerNotice = ShapedCommand<typeof remindCustomerNoticeSchema>

/** Ends an open credit instance (the request was withdrawn, the order cancelled): the flow kit's `Cancel`. */
export type { CancelCommand } from "../../process/cancellation.ts"

/** The zod validators of `ConfirmCustomerNotified`, `RemindCustomerNotice` and `Cancel`. */
export const sharedCommandSchemas = {
  confirmCustomerNotified: confirmCustomerNotifiedSchema,
  remindCustomerNotice: remindCustomerNoticeSchema,
  cancel: cancelCommandSchema,
}

/**
 * Options of the credit flows. With `approvalPolicy`, the override and grade-change approvals are
 * routed by the company-wide approval-chain policy (`Approval`, request types
 * `credit.limitOverride` and `credit.gradeChange`) instead of the credit policy's authority
 * routing; the chain's steps are submitted as one approval on the host.
 */
export interface CreditFlowOptions {
  readonly approvalPolicy?: ApprovalPolicy
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
  event: { readonly at: Instant; readonly channel: NoticeChannel; readonly note?: string | undefined },
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
