import type { ApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import type { IdempotencyKey } from "../../ids/idempotency-key.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { cancelCommandSchema, type CancelCommand as KitCancelCommand } from "../../process/cancellation.ts"
import { commandShape, type ShapedCommand, timerCommand } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { Deadline } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { timer, timers } from "../../process/timers.ts"
import { actorSchema } from "../../roles/actor.ts"
import { hourMillis, type Instant } from "../../time/instant.ts"
import { NoticeChannel } from "../labels/notice-channel.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"

/** The customer a credit flow is about, as its opening command names it: tixi's id, and a name to show. */
export const creditCustomerFields = {
  customerId: commandIdSchema,
  customerName: commandTextSchema(200).optional(),
}

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
export type CancelCommand = KitCancelCommand

/** The zod validators of `ConfirmCustomerNotified`, `RemindCustomerNotice` and `Cancel`. */
export const sharedCommandSchemas = {
  confirmCustomerNotified: confirmCustomerNotifiedSchema,
  remindCustomerNotice: remindCustomerNoticeSchema,
  cancel: cancelCommandSchema,
}

/** When the customer must be told of terms approved `at`: within the credit policy's hours. */
export const customerNoticeDueAt = (policy: CreditPolicy, at: Instant): Instant =>
  at + policy.approval.customerNoticeWithinHours * hourMillis

/**
 * The reminder to tell the customer (通知客户) by the due instant, while the flow `waits` at its
 * notice step and has not reminded yet; the same timer key in every credit flow.
 */
export const customerNoticeTimer = (
  state: { readonly noticeDueAt: Instant | undefined; readonly noticeReminded: boolean },
  waits: boolean,
): ReadonlyArray<Deadline<RemindCustomerNotice>> =>
  timers(
    waits &&
      timer("customer-notice", state.noticeDueAt, { type: "RemindCustomerNotice" }, state.noticeReminded),
  )

/**
 * The commands a credit flow that changes terms ends with: the approvers' decision (✓), the
 * notice to the customer (通知客户) and its reminder, and cancellation while still open.
 */
export const approvedNoticeCommandSchemas = [
  decideApprovalSchema,
  confirmCustomerNotifiedSchema,
  remindCustomerNoticeSchema,
  cancelCommandSchema,
] as const

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
