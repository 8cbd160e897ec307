import type { GatedState } from "./approval-gate.ts"
import { recordApprovalDecision } from "./decider-support.ts"

/**
 * The state once the approvers refuse a request that ends there (an override not granted, a
 * grade change not approved): unlike `gateReturned`, nothing goes back for another round, so the
 * approval is kept for the record beside the decision.
 */
export const gateRefused = <State extends GatedState>(state: State): State => ({
  ...state,
  decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
})
