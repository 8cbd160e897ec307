import { Result } from "effect"
import { type ApprovalPolicy, parseApprovalPolicy } from "../../approvals/policy/approval-policy.ts"
import type { BusinessCalendar } from "../../calendar/index.ts"
import { PolicyRefusal } from "../../errors/refusals.ts"
import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { remedyDecision } from "../policy/approval-chain.ts"
import type { ComplaintPolicy } from "../policy/complaint-policy.ts"
import { defaultComplaintPolicy } from "../policy/complaint-policy.ts"
import { parseComplaintPolicy } from "../policy/parse-complaint-policy.ts"
import type { ComplaintCommand } from "./commands.ts"
import type { DecideContext } from "./context.ts"
import { complaintDeadlines } from "./deadlines.ts"
import { decideComplaint } from "./decide.ts"
import { complaintEffects } from "./effects.ts"
import type { ComplaintEvent } from "./events.ts"
import { evolveComplaint } from "./evolve.ts"
import { remedyApprovalFormIds } from "./records.ts"
import { type ComplaintRefusal, complaintProcessName } from "./refusal.ts"
import { type ComplaintState, initialComplaintState } from "./state.ts"

/** The complaint process as the runners host it. */
export type ComplaintProcess = ProcessDefinition<
  ComplaintState,
  ComplaintCommand,
  ComplaintEvent,
  ComplaintRefusal
>

/** What the complaint process runs on. */
export interface ComplaintProcessOptions {
  /** The business calendar that turns working minutes into instants (e.g. `chinaMainlandCalendar()`). */
  readonly calendar: BusinessCalendar
  /** The policy new complaints are registered under; `defaultComplaintPolicy` when absent. */
  readonly policy?: ComplaintPolicy
  /**
   * Earlier policies that complaints still open were registered under: each complaint goes on
   * under the version it started with (DESIGN rule 6).
   */
  readonly previousPolicies?: ReadonlyArray<ComplaintPolicy>
  /**
   * The company's approval chains (`Approval.defaultApprovalPolicy` or its own): when given, a
   * remedy above the handler's authority goes through its `complaint.remedy` chain and form;
   * otherwise the complaints policy's own routing applies (the lowest authorised post, finance
   * from the threshold).
   */
  readonly approvalPolicy?: ApprovalPolicy
}

/** Whether a complaint has ended and waits on nothing: rejected, or closed with no follow-up pending. */
export function isComplaintFinished(state: ComplaintState): boolean {
  if (state.stage === "rejected") return true
  if (state.stage !== "closed") return false
  const followUp = state.followUp
  return followUp?.dueAt === undefined || followUp.recordedAt !== undefined || followUp.overdueNotified
}

/**
 * The complaint process (客户投诉接待流程 and 客户投诉处理流程) as a decider. Both flow charts run on
 * one state machine: reception registers the complaint and, within the officer's authority,
 * settles it on the spot; handling accepts or rejects, classifies, investigates, proposes a
 * solution (approved above the handler's authority), negotiates, executes or litigates, closes
 * with a summary, and follows up. SLA timers, reminders and escalations come from `deadlines`.
 *
 * Throws the `ValidationError` of a policy or an approval policy that does not validate (or whose
 * currency is not the complaints policy's), or when two policies share a version: configuration
 * errors surface when the process is built, not at the first remedy above someone's authority.
 */
export function complaintProcess(options: ComplaintProcessOptions): ComplaintProcess {
  const validate = (policy: ComplaintPolicy): ComplaintPolicy => {
    const parsed = parseComplaintPolicy(policy)
    if (Result.isFailure(parsed)) throw parsed.failure
    return parsed.success
  }
  const current = validate(options.policy ?? defaultComplaintPolicy)
  const approvalPolicy = validateApprovals(options.approvalPolicy, current)
  const shared = {
    calendar: options.calendar,
    ...(approvalPolicy !== undefined ? { approvalPolicy } : {}),
  }
  const byVersion = new Map<string, DecideContext>([[current.version, { policy: current, ...shared }]])
  for (const previous of options.previousPolicies ?? []) {
    const policy = validate(previous)
    if (byVersion.has(policy.version))
      throw new TypeError(`two complaint policies have the version ${policy.version}`)
    byVersion.set(policy.version, { policy, ...shared })
  }
  const currentContext = byVersion.get(current.version)!
  const contextOf = (state: ComplaintState): DecideContext | undefined =>
    state.stage === "new" ? currentContext : byVersion.get(state.policyVersion)

  return {
    name: complaintProcessName,
    version: 1,
    initialState: initialComplaintState,
    decide(state, command) {
      const context = contextOf(state)
      if (context === undefined)
        return Result.fail(
          new PolicyRefusal({
            rule: "policy.version",
            detail: `complaint ${state.complaintId} runs under policy ${state.policyVersion}; pass it in previousPolicies`,
          }),
        )
      return decideComplaint(state, command, context)
    },
    evolve: evolveComplaint,
    deadlines: complaintDeadlines,
    effects: (state, event, step) => complaintEffects(state, event, step, contextOf(state) ?? currentContext),
    isFinished: isComplaintFinished,
    statusOf: (state) => (state.pause === undefined ? state.stage : `${state.stage} (clock stopped)`),
  }
}

/**
 * The approval policy, validated: in the currency remedies are proposed in under `policy`, with a
 * remedy chain on a form the complaint can fill (so the values it submits validate on the host).
 */
function validateApprovals(
  approvalPolicy: ApprovalPolicy | undefined,
  policy: ComplaintPolicy,
): ApprovalPolicy | undefined {
  if (approvalPolicy === undefined) return undefined
  const parsed = parseApprovalPolicy(approvalPolicy)
  if (Result.isFailure(parsed)) throw parsed.failure
  const issues: Array<ValidationIssue> = []
  if (parsed.success.currency !== policy.currency)
    issues.push({
      path: ["currency"],
      message: `must be ${policy.currency}, the currency of complaint policy ${policy.version}`,
      code: "rule",
    })
  const formId = parsed.success.chains[remedyDecision].formId
  if (!remedyApprovalFormIds.includes(formId))
    issues.push({
      path: ["chains", remedyDecision, "formId"],
      message: `a complaint fills ${remedyApprovalFormIds.join(" or ")}, not ${formId}`,
      code: "rule",
    })
  if (issues.length > 0) throw new ValidationError({ subject: "policy.approvals", issues })
  return parsed.success
}
