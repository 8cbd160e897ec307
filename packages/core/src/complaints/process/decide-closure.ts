import { dayMillis } from "../../time/instant.ts"
import type { CheckFollowUp, Close, RecordFollowUp, Reopen, Withdraw } from "./commands.ts"
import { type DecideContext, nextReminderAfter } from "./context.ts"
import { type ComplaintDecision, emit, policyRefusal, refuse, roleRefusal } from "./refusal.ts"
import { scheduleSla } from "./sla.ts"
import { type ComplaintState, withdrawableStages } from "./state.ts"

/** ⑨ summary and evaluation (总结评价), improvements (改进产品或服务), and closure (结案). */
export function decideClose(
  state: ComplaintState,
  command: Close,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "resolved")
    return refuse(state, command.type, "only a resolved complaint can be closed")
  const { policy, calendar } = context
  const refused = roleRefusal(
    command.actor,
    policy.closure.minimumRole,
    "closure.minimumRole",
    "closing a complaint",
  )
  if (refused) return refused
  return emit({
    type: "ComplaintClosed",
    at: command.at,
    by: command.actor.personId,
    summary: command.summary,
    evaluation: command.evaluation,
    improvements: command.improvements ?? [],
    followUpDueAt: policy.followUp.required
      ? calendar.addWorkingMinutes(command.at, policy.followUp.dueAfterWorkingMinutes)
      : undefined,
  })
}

/** The follow-up visit after closure (回访) with the customer's satisfaction. */
export function decideFollowUp(state: ComplaintState, command: RecordFollowUp): ComplaintDecision {
  if (state.stage !== "closed") return refuse(state, command.type, "the follow-up visit comes after closure")
  if (state.followUp?.recordedAt !== undefined)
    return refuse(state, command.type, "the follow-up visit is already recorded")
  return emit({
    type: "FollowUpRecorded",
    at: command.at,
    by: command.actor.personId,
    satisfaction: command.satisfaction,
    method: command.method,
    comment: command.comment,
  })
}

/** A timer of the process: the follow-up visit is overdue. */
export function decideCheckFollowUp(state: ComplaintState, command: CheckFollowUp): ComplaintDecision {
  const followUp = state.followUp
  if (state.stage !== "closed" || followUp === undefined || followUp.recordedAt !== undefined)
    return refuse(state, command.type, "no follow-up visit is pending")
  if (followUp.overdueNotified)
    return refuse(state, command.type, "the overdue follow-up was already reported")
  if (followUp.dueAt === undefined || followUp.dueAt > command.at)
    return refuse(state, command.type, "the follow-up visit is not due yet")
  return emit({ type: "FollowUpOverdue", at: command.at, dueAt: followUp.dueAt })
}

/** Reopen a closed complaint within the policy's window; it is investigated again in a new cycle. */
export function decideReopen(
  state: ComplaintState,
  command: Reopen,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "closed" || state.closedAt === undefined)
    return refuse(state, command.type, "only a closed complaint can be reopened")
  const { policy, calendar } = context
  const refused = roleRefusal(
    command.actor,
    policy.reopen.minimumRole,
    "reopen.minimumRole",
    "reopening a complaint",
  )
  if (refused) return refused
  if (command.at - state.closedAt > policy.reopen.windowDays * dayMillis)
    return policyRefusal(
      "reopen.windowDays",
      `closed more than ${policy.reopen.windowDays} days ago; register a new complaint instead`,
    )
  const target = policy.sla[state.urgency]
  return emit({
    type: "ComplaintReopened",
    at: command.at,
    by: command.actor.personId,
    reason: command.reason,
    cycle: state.cycle + 1,
    resolution: scheduleSla("resolution", command.at, target.resolutionWorkingMinutes, target, calendar),
    nextReminderAt: nextReminderAfter(context, command.at),
  })
}

/** The customer withdraws the complaint; it closes at once. */
export function decideWithdraw(state: ComplaintState, command: Withdraw): ComplaintDecision {
  if (!withdrawableStages.has(state.stage))
    return refuse(state, command.type, "only an open complaint can be withdrawn")
  return emit({
    type: "ComplaintWithdrawn",
    at: command.at,
    by: command.actor.personId,
    reason: command.reason,
  })
}
