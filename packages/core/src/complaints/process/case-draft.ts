import * as Money from "../../money/money.ts"
import type { CaseDraft, HostFields } from "../../ports/host-crm.ts"
import { isClosedStage } from "../labels/stage.ts"
import { priorityOfUrgency } from "../labels/urgency.ts"
import { complaintFieldNames as names } from "../schema/host-fields.ts"
import type { ComplaintState } from "./state.ts"

const major = (amount: Money.Money | undefined) =>
  amount === undefined ? null : Number(Money.toMajorString(amount))

/** The custom fields of the complaint's host case (see `complaintCaseFields`). */
export function caseFieldsOf(state: ComplaintState): HostFields {
  const registration = state.registration
  const investigation = state.investigation
  const proposal = state.proposal
  return {
    [names.number]: state.complaintId,
    [names.type]: state.type,
    [names.category]: state.category ?? null,
    [names.channel]: registration?.channel ?? null,
    [names.urgency]: state.urgency,
    [names.receivedAt]: state.receivedAt,
    [names.firstResponseDueAt]: state.firstResponse?.schedule.dueAt ?? null,
    [names.firstRespondedAt]: state.firstResponse?.metAt ?? null,
    [names.resolutionDueAt]: state.resolution?.schedule.dueAt ?? null,
    [names.resolvedAt]: state.resolvedAt ?? null,
    [names.firstResponseBreached]: state.firstResponse?.breached ?? false,
    [names.resolutionBreached]: state.resolution?.breached ?? false,
    [names.escalationLevel]: state.escalationLevel,
    [names.waitingOnCustomer]: state.pause !== undefined,
    [names.pauseReason]: state.pause?.reason ?? null,
    [names.cause]: investigation?.cause ?? null,
    [names.ownSide]: investigation ? investigation.ownSide : null,
    [names.responsibleDepartments]: investigation
      ? investigation.responsibility
          .map((share) => `${share.departmentId} ${share.sharePercent}%`)
          .join("; ") || null
      : null,
    [names.remedyKinds]: proposal
      ? [...new Set(proposal.remedies.map((remedy) => remedy.kind))].join(";")
      : null,
    [names.remedyAmount]: major(proposal?.total),
    [names.approvalStatus]: proposal?.approval.status ?? null,
    [names.loss]: major(state.cost),
    [names.outcome]: state.outcome ?? null,
    [names.rejectionReason]: state.rejection?.reason ?? null,
    [names.satisfaction]: state.followUp?.satisfaction ?? null,
    [names.reopenCount]: state.cycle,
    [names.policyVersion]: state.policyVersion,
  }
}

/** The complaint as the host's case (a HubSpot ticket, a Salesforce Case), matched on its number. */
export function caseDraftOf(state: ComplaintState): CaseDraft {
  const registration = state.registration
  const stage = state.stage === "new" ? "registered" : state.stage
  const description = registration
    ? `${registration.description}\n\n客户要求 / Demand: ${registration.demand}`
    : ""
  return {
    externalKey: state.complaintId,
    subject: registration?.subject ?? state.complaintId,
    description,
    ...(registration ? { customerKey: registration.customerId } : {}),
    status: isClosedStage(stage) ? "closed" : "open",
    stage,
    priority: priorityOfUrgency[state.urgency],
    ...(state.handler ? { ownerId: state.handler } : {}),
    fields: caseFieldsOf(state),
  }
}
