import type { CustomerGrade } from "../../grading/labels/customer-grade.ts"
import type { GradingPolicy } from "../../grading/policy/grading-policy.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { addDays, type CivilDate, daysBetween } from "../../time/civil-date.ts"
import type { RevisitStatus } from "../labels/revisit-status.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"

/** A key account's revisit history: its grade (which sets the interval) and its last revisit. */
export interface RevisitAccount {
  readonly customerId: CustomerId
  readonly name?: string
  readonly grade: CustomerGrade
  /** The day of the last revisit, undefined when never revisited. */
  readonly lastRevisit: CivilDate | undefined
  /** When the customer became a key account: the first revisit falls due from it. */
  readonly since: CivilDate
}

/** A key account's next revisit on a date. */
export interface ScheduledRevisit {
  readonly customerId: CustomerId
  readonly name: string | undefined
  readonly intervalDays: number
  readonly dueOn: CivilDate
  /** The day the officer is reminded. */
  readonly remindOn: CivilDate
  /** The day an overdue revisit goes to the supervisor. */
  readonly escalateOn: CivilDate
  readonly status: RevisitStatus
  /** Days past due (0 when not yet due). */
  readonly daysOverdue: number
}

/**
 * The revisit schedule of key accounts on `today` (004 ch.4 大客户回访管理流程, 服务分层): each
 * account is due its tier's interval after its last revisit (or after it became a key account),
 * the officer is reminded the policy's days before, and an overdue revisit is escalated the
 * policy's days after. Sorted by due date, most urgent first.
 */
export function revisitSchedule(
  accounts: ReadonlyArray<RevisitAccount>,
  today: CivilDate,
  gradingPolicy: GradingPolicy,
  policy: AccountsPolicy,
): ReadonlyArray<ScheduledRevisit> {
  const { reminderDaysBefore, escalateAfterDays } = policy.revisits
  return accounts
    .map((account): ScheduledRevisit => {
      const tier = gradingPolicy.serviceTiers.tierOfGrade[account.grade]
      const intervalDays = gradingPolicy.serviceTiers.entitlements[tier].revisitIntervalDays
      const dueOn = addDays(account.lastRevisit ?? account.since, intervalDays)
      const remindOn = addDays(dueOn, -reminderDaysBefore)
      const escalateOn = addDays(dueOn, escalateAfterDays)
      const daysOverdue = Math.max(0, daysBetween(dueOn, today))
      const status: RevisitStatus =
        today >= escalateOn && daysOverdue > 0
          ? "escalated"
          : today > dueOn
            ? "overdue"
            : today >= remindOn
              ? "dueSoon"
              : "onTrack"
      return {
        customerId: account.customerId,
        name: account.name,
        intervalDays,
        dueOn,
        remindOn,
        escalateOn,
        status,
        daysOverdue,
      }
    })
    .sort((left, right) => (left.dueOn < right.dueOn ? -1 : left.dueOn > right.dueOn ? 1 : 0))
}
