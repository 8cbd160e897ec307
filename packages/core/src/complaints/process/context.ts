import type { ApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import type { BusinessCalendar } from "../../calendar/index.ts"
import type { Instant } from "../../time/instant.ts"
import type { ComplaintPolicy } from "../policy/complaint-policy.ts"

/**
 * What `decide` works with: the policy the complaint runs under, the business calendar, and the
 * company's approval chains when it configures them (`Approval.ApprovalPolicy`).
 */
export interface DecideContext {
  readonly policy: ComplaintPolicy
  readonly calendar: BusinessCalendar
  readonly approvalPolicy?: ApprovalPolicy
}

/** When the next reminder (督促) is due after `from`, or undefined when the policy sends none. */
export function nextReminderAfter(context: DecideContext, from: Instant): Instant | undefined {
  const every = context.policy.tracking.reminderEveryWorkingMinutes
  return every === null ? undefined : context.calendar.addWorkingMinutes(from, every)
}
