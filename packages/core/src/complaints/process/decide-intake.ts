import { Result } from "effect"
import { daysBetween } from "../../time/civil-date.ts"
import { dayMillis } from "../../time/instant.ts"
import { registrationForm } from "../schema/registration-form.ts"
import type { Accept, AssignHandler, Classify, Register, Reject } from "./commands.ts"
import { type DecideContext, nextReminderAfter } from "./context.ts"
import type { ComplaintAccepted, ComplaintRegistered } from "./events.ts"
import { evolveComplaint } from "./evolve.ts"
import { type ComplaintDecision, emit, invalidInput, policyRefusal, refuse, roleRefusal } from "./refusal.ts"
import { schedulePromise, scheduleSla } from "./sla.ts"
import type { ComplaintState } from "./state.ts"

/**
 * ①–③ register (客户投诉登记表). With the form's acceptance section filled in, the decision follows
 * at once (受理 with the promised date, or 不予受理 with the reason).
 */
export function decideRegister(
  state: ComplaintState,
  command: Register,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "new") return refuse(state, command.type, "the complaint is already registered")
  const parsed = registrationForm.parse(command.registration)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const registration = parsed.success
  const { policy, calendar } = context
  const receivedAt = registration.receivedAt ?? command.at
  if (receivedAt > command.at)
    return invalidInput("Register", ["registration", "receivedAt"], "cannot be later than the registration")
  const window = policy.acceptance.complaintWindowDays
  if (window !== null && command.at - receivedAt > window * dayMillis)
    return invalidInput(
      "Register",
      ["registration", "receivedAt"],
      `cannot be more than ${window} days (the policy's complaint window) before the registration`,
    )
  if (registration.promisedDate !== undefined && registration.promisedDate < calendar.dateOf(command.at))
    return invalidInput(
      "Register",
      ["registration", "promisedDate"],
      "cannot be before the registration date",
    )
  if (registration.purchaseDate !== undefined && registration.purchaseDate > calendar.dateOf(receivedAt))
    return invalidInput(
      "Register",
      ["registration", "purchaseDate"],
      "cannot be after the complaint was received",
    )
  if (!policy.channels.includes(registration.channel))
    return policyRefusal("channels", `the policy does not receive complaints by ${registration.channel}`)
  if (registration.category !== undefined && !policy.categories.includes(registration.category))
    return policyRefusal("categories", `the policy does not use the category ${registration.category}`)
  const target = policy.sla[registration.urgency]
  const registered: ComplaintRegistered = {
    type: "ComplaintRegistered",
    at: command.at,
    complaintId: command.complaintId,
    registration,
    receivedAt,
    by: command.actor.personId,
    policyVersion: policy.version,
    firstResponse: scheduleSla(
      "firstResponse",
      receivedAt,
      target.firstResponseWorkingMinutes,
      target,
      calendar,
    ),
    ...(command.hostRecordId === undefined ? {} : { hostRecordId: command.hostRecordId }),
  }
  if (registration.acceptance === undefined) return emit(registered)
  const afterRegistration = evolveComplaint(state, registered)
  const decided =
    registration.acceptance === "accepted"
      ? decideAccept(
          afterRegistration,
          {
            type: "Accept",
            at: command.at,
            actor: command.actor,
            ...(registration.promisedDate ? { promisedDate: registration.promisedDate } : {}),
          },
          context,
        )
      : decideReject(
          afterRegistration,
          {
            type: "Reject",
            at: command.at,
            actor: command.actor,
            // The form's rules guarantee both when the decision is 不予受理.
            reason: registration.rejectionReason ?? "other",
            explanation: registration.rejectionExplanation ?? "",
          },
          context,
        )
  if (Result.isFailure(decided)) return decided
  return emit(registered, ...decided.success)
}

/** ◇ valid? yes: accept (受理) and promise a handling date. */
export function decideAccept(
  state: ComplaintState,
  command: Accept,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "registered")
    return refuse(state, command.type, "only a registered complaint can be accepted")
  const { policy, calendar } = context
  const window = policy.acceptance.complaintWindowDays
  const purchased = state.registration?.purchaseDate
  if (window !== null && purchased !== undefined) {
    const age = daysBetween(purchased, calendar.dateOf(state.receivedAt))
    if (age > window)
      return policyRefusal(
        "acceptance.complaintWindowDays",
        `bought on ${purchased}, ${age} days before the complaint; the policy accepts complaints within ${window} days (reject it as beyondTimeLimit)`,
      )
  }
  const target = policy.sla[state.urgency]
  const standard = scheduleSla(
    "resolution",
    state.receivedAt,
    target.resolutionWorkingMinutes,
    target,
    calendar,
  )
  let resolution = standard
  if (command.promisedDate !== undefined) {
    if (command.promisedDate < calendar.dateOf(command.at))
      return invalidInput("Accept", ["promisedDate"], "cannot be in the past")
    resolution = schedulePromise(state.receivedAt, command.promisedDate, target, calendar)
    if (resolution.dueAt > standard.dueAt) {
      const refused = roleRefusal(
        command.actor,
        policy.promise.minimumRoleBeyondTarget,
        "promise.minimumRoleBeyondTarget",
        "promising a date later than the service level",
      )
      if (refused) return refused
    }
  }
  const accepted: ComplaintAccepted = {
    type: "ComplaintAccepted",
    at: command.at,
    by: command.actor.personId,
    handler: command.handler ?? command.actor.personId,
    promise: command.promisedDate === undefined ? "policy" : "promised",
    promisedDate: command.promisedDate,
    resolution,
    nextReminderAt: nextReminderAfter(context, command.at),
  }
  return emit(accepted)
}

/** ◇ valid? no: do not accept (不予受理), with a reason from the policy's list. */
export function decideReject(
  state: ComplaintState,
  command: Reject,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "registered")
    return refuse(state, command.type, "only a registered complaint can be rejected")
  const { policy } = context
  const refused = roleRefusal(
    command.actor,
    policy.acceptance.minimumRoleToReject,
    "acceptance.minimumRoleToReject",
    "not accepting a complaint",
  )
  if (refused) return refused
  if (!policy.acceptance.rejectionReasons.includes(command.reason))
    return policyRefusal(
      "acceptance.rejectionReasons",
      `the policy does not offer the reason ${command.reason}`,
    )
  if (command.explanation.trim().length === 0)
    return invalidInput("Reject", ["explanation"], "explain the reason to the customer")
  return emit({
    type: "ComplaintRejected",
    at: command.at,
    by: command.actor.personId,
    reason: command.reason,
    explanation: command.explanation,
  })
}

/** Classify and hand to the department in charge (客户投诉专员 职责 2); starts the investigation. */
export function decideClassify(
  state: ComplaintState,
  command: Classify,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "accepted" && state.stage !== "investigating")
    return refuse(state, command.type, "only an accepted complaint under investigation can be classified")
  if (!context.policy.categories.includes(command.category))
    return policyRefusal("categories", `the policy does not use the category ${command.category}`)
  return emit({
    type: "ComplaintClassified",
    at: command.at,
    by: command.actor.personId,
    category: command.category,
    complaintType: command.complaintType ?? state.type,
    departmentId: command.departmentId,
    investigator: command.investigator ?? state.investigator,
    previousInvestigator:
      command.investigator !== undefined &&
      state.investigator !== undefined &&
      command.investigator !== state.investigator
        ? state.investigator
        : undefined,
  })
}

/** Give the case to another handler (承办人). */
export function decideAssignHandler(state: ComplaintState, command: AssignHandler): ComplaintDecision {
  if (state.stage === "new" || state.stage === "rejected" || state.stage === "registered")
    return refuse(state, command.type, "a handler is assigned once the complaint is accepted")
  if (state.stage === "closed" && state.followUp?.recordedAt !== undefined)
    return refuse(state, command.type, "the complaint is closed and followed up")
  if (state.handler === command.handler)
    return refuse(state, command.type, `${command.handler} is already the handler`)
  return emit({
    type: "HandlerAssigned",
    at: command.at,
    by: command.actor.personId,
    handler: command.handler,
    previousHandler: state.handler,
  })
}
