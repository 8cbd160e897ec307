import type { ApprovalDecisionFields, ReturnedDecisionFields } from "./approval-gate.ts"
import type { FlowEvent } from "./command-shapes.ts"

/** What an event that passes a ✓ gate records besides its instant: who decided, under which approval, why. */
export type GateDecidedFields = Omit<ApprovalDecisionFields, "at">

/** What an event that sends a record back from a ✓ gate records: the decision and whether it was rejected or withdrawn. */
export type GateReturnedFields = Omit<ReturnedDecisionFields, "at">

/**
 * The two events a ✓ gate decides, under the names the flow's chart gives them (a passed review
 * may be `ReviewPassed`, an approved assessment `KeyAccountsRegistered`): written once so every
 * flow records a decision with the same fields and replays it the same way.
 */
export type GateDecisionEvents<Approved extends string, Returned extends string> =
  | FlowEvent<Approved, GateDecidedFields>
  | FlowEvent<Returned, GateReturnedFields>

/**
 * The three events of a form sent through a ✓ gate and named after it: `${Gate}Submitted` (the
 * step's fields and the key of the approval it opens), `${Gate}Approved` and `${Gate}Returned` —
 * `ApprovalGateEvents<"Plan", Step<"SubmitPlan">>` is the plan's submission and its two outcomes.
 */
export type ApprovalGateEvents<Gate extends string, SubmittedFields extends object = {}> =
  | FlowEvent<`${Gate}Submitted`, SubmittedFields & { approvalKey: string }>
  | GateDecisionEvents<`${Gate}Approved`, `${Gate}Returned`>
