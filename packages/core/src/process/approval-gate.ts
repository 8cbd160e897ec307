import type { Result } from "effect"
import type { InvalidTransition } from "../errors/refusals.ts"
import type { DecideApproval } from "./approval-decision.ts"
import {
  approvalDecisionOf,
  checkApprovalDecision,
  type RecordedApprovalDecision,
  recordApprovalDecision,
} from "./decider-support.ts"
import type { Decision } from "./flow.ts"

/**
 * The part of a flow's state an approval gate (✓) keeps: the approval it waits on (its key and
 * whatever the flow shows of it) and every decision taken so far, so a decision the host
 * delivers again is recognised instead of refused.
 */
export interface GatedState {
  readonly approval: { readonly key: string } | undefined
  readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
}

/** What a decision event records of the approvers' decision. */
export type ApprovalDecisionFields = ReturnType<typeof approvalDecisionOf>

/** A decision that sends the record back: rejected by an approver, or withdrawn on the host. */
export type ReturnedDecisionFields = ApprovalDecisionFields & { readonly outcome: "rejected" | "withdrawn" }

/** What passing or failing the gate leads to: the flow names the step a returned record goes back to. */
export interface GateOutcomes<Event, Refusal> {
  readonly approved: (decision: ApprovalDecisionFields) => Result.Result<ReadonlyArray<Event>, Refusal>
  readonly returned: (decision: ReturnedDecisionFields) => Result.Result<ReadonlyArray<Event>, Refusal>
}

/**
 * Decides an approvers' decision at a gate. A decision taken before (the same key, the same
 * meaning) is accepted again with no event; one contrary to the recorded decision, one for
 * another approval, or one while nothing is `waiting` is refused naming why; otherwise the flow's
 * outcome for approval or return.
 */
export function decideAtGate<Event, Refusal>(
  state: GatedState,
  command: DecideApproval,
  waiting: boolean,
  decision: Decision<Event>,
  outcomes: GateOutcomes<Event, Refusal>,
): Result.Result<ReadonlyArray<Event>, Refusal | InvalidTransition> {
  const check = checkApprovalDecision(state, waiting, command)
  if (check.verdict === "repeat") return decision.accept()
  if (check.verdict === "refuse") return decision.refuse(check.reason)
  const fields = approvalDecisionOf(command)
  return command.outcome === "approved"
    ? outcomes.approved(fields)
    : outcomes.returned({ ...fields, outcome: command.outcome })
}

/** The state once the approval is decided in favour: the decision recorded, the approval kept for reference. */
export const gatePassed = <State extends GatedState>(state: State): State => ({
  ...state,
  decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, true),
})

/** The state once the record is sent back: the decision recorded, no approval waited on. */
export const gateReturned = <State extends GatedState>(state: State): State => ({
  ...state,
  decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
  approval: undefined,
})

/** The approval to withdraw when an instance ends while it waits at the gate, if any. */
export const pendingApprovalKey = (state: GatedState, waiting: boolean): string | undefined =>
  waiting ? state.approval?.key : undefined
