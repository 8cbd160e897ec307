import * as Money from "../../money/money.ts"
import type { CaseDraft, HostFields, HostFieldValue } from "../../ports/host-crm.ts"
import { isClosedStage } from "../labels/stage.ts"
import { priorityOfUrgency } from "../labels/urgency.ts"
import type { complaintFieldNames as names } from "../schema/host-fields.ts"
import type { ComplaintState } from "./state.ts"

const major = (amount: Money.Money | undefined) =>
  amount === undefined ? null : Number(Money.toMajorString(amount))

type FieldName = (typeof names)[keyof typeof names]

/**
 * The custom fields of the complaint's host case (see `complaintCaseFields`). Written with the
 * field names spelled out rather than computed keys: this runs for nearly every event, and an
 * object literal with static keys is several times cheaper to build.
 */
export function caseFieldsOf(state: ComplaintState): HostFields {
  const registration = state.registration
  const investigation = state.investigation
  const proposal = state.proposal
  const fields = {
    complaint_number: state.complaintId,
    complaint_type: state.type,
    complaint_category: state.category ?? null,
    complaint_channel: registration?.channel ?? null,
    complaint_urgency: state.urgency,
    complaint_received_at: state.receivedAt,
    complaint_first_response_due_at: state.firstResponse?.schedule.dueAt ?? null,
    complaint_first_responded_at: state.firstResponse?.metAt ?? null,
    complaint_resolution_due_at: state.resolution?.schedule.dueAt ?? null,
    complaint_resolved_at: state.resolvedAt ?? null,
    complaint_first_response_breached: state.firstResponse?.breached ?? false,
    complaint_resolution_breached: state.resolution?.breached ?? false,
    complaint_escalation_level: state.escalationLevel,
    complaint_waiting_on_customer: state.pause !== undefined,
    complaint_pause_reason: state.pause?.reason ?? null,
    complaint_cause: investigation?.cause ?? null,
    complaint_own_side: investigation ? investigation.ownSide : null,
    complaint_responsible_departments: investigation
      ? responsibilityText(investigation.responsibility)
      : null,
    complaint_remedy_kinds: proposal ? remedyKindsText(proposal.remedies) : null,
    complaint_remedy_amount: major(proposal?.total),
    complaint_approval_status: proposal?.approval.status ?? null,
    complaint_loss: major(state.cost),
    complaint_outcome: state.outcome ?? null,
    complaint_rejection_reason: state.rejection?.reason ?? null,
    complaint_satisfaction: state.followUp?.satisfaction ?? null,
    complaint_reopen_count: state.cycle,
    complaint_policy_version: state.policyVersion,
  } satisfies Record<FieldName, HostFieldValue>
  return fields
}

function responsibilityText(
  shares: ReadonlyArray<{ readonly departmentId: string; readonly sharePercent: number }>,
) {
  let text = ""
  for (const share of shares) text += `${text ? "; " : ""}${share.departmentId} ${share.sharePercent}%`
  return text || null
}

function remedyKindsText(remedies: ReadonlyArray<{ readonly kind: string }>) {
  const kinds: Array<string> = []
  for (const remedy of remedies) if (!kinds.includes(remedy.kind)) kinds.push(remedy.kind)
  return kinds.join(";")
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
    ...(state.hostRecordId ? { adoptRecordId: state.hostRecordId } : {}),
  }
}
