import type { PdcaPhase, ReviewStatus } from "../labels/quality-labels.ts"
import type { Nonconformity } from "./nonconformity.ts"

/**
 * Where the review stands in the PDCA loop: planning (the review, or a corrective action not yet
 * approved), doing (an action being carried out), checking (an action awaiting verification), or
 * acting (every non-conformity closed: standardise and close). The least advanced open
 * non-conformity sets the phase, because the loop is only as far along as its slowest part.
 */
export function pdcaPhaseOf(state: {
  readonly status: ReviewStatus
  readonly nonconformities: ReadonlyArray<Nonconformity>
}): PdcaPhase {
  if (state.status === "none" || state.status === "planned") return "plan"
  if (state.status === "readyToClose" || state.status === "closed") return "act"
  const open = state.nonconformities.filter((finding) => finding.status !== "closed")
  if (open.some((finding) => finding.status === "open" || finding.status === "actionSubmitted")) return "plan"
  if (open.some((finding) => finding.status === "implementing")) return "do"
  return "check"
}
