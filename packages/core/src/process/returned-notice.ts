import { type Label, label } from "../labels/label.ts"
import type { Assignee, NotifyRequest } from "./effect-request.ts"
import type { HostEffects } from "./host-effects.ts"

/** What a returned-record notice says: to whom, under which title, about what, and why. */
export interface ReturnedNotice {
  /** Whoever revises the record (the investigator, the officer). */
  readonly to: Assignee
  readonly title: Label
  /** What the record is about, as staff know it (the customer's name). */
  readonly subject: string
  /** The approver's comment, when one was given. */
  readonly comment: string | undefined
  /** What to do when the approver left no comment. */
  readonly otherwise: Label
}

/**
 * The notice that a record came back from its ✓ gate (rejected, or withdrawn on the host): a
 * warning to whoever revises it, with the approver's comment or, when none was left, what to do —
 * so the person knows why without opening the host's approval.
 */
export const returnedNotice = (host: HostEffects, notice: ReturnedNotice): NotifyRequest =>
  host.notify(
    [notice.to],
    "warning",
    notice.title,
    label(
      `${notice.subject}：${notice.comment ?? notice.otherwise["zh-CN"]}`,
      `${notice.subject}: ${notice.comment ?? notice.otherwise.en}`,
    ),
  )
