import { complaintRemedyRequestForm } from "../../approvals/forms/complaint-remedy-request.ts"
import type { BusinessCalendar } from "../../calendar/index.ts"
import * as Money from "../../money/money.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { RootCause } from "../labels/root-cause.ts"
import type { CaseTracking } from "../schema/case-tracking-form.ts"
import { type HandlingFormValue, handlingForm } from "../schema/handling-form.ts"
import type { HandlingNotice } from "../schema/handling-notice-form.ts"
import type { HandlingRecord } from "../schema/handling-record-form.ts"
import type { HandlingReport } from "../schema/handling-report-form.ts"
import type { Registration } from "../schema/registration-form.ts"
import type { ComplaintState } from "./state.ts"

// The records of the handbook's forms, read off a complaint's state. Each returns a value of its
// form (tests check that `form.parse` accepts it) or undefined while the form cannot be filled yet.

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Copies the keys whose values are present, so optional form fields stay absent rather than undefined. */
function present<T extends object>(value: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry
  return out as T
}

/** 客户投诉登记表 with the acceptance section as decided (受理 + 承诺办理期限, or 不予受理 + 理由). */
export function registrationRecordOf(
  state: ComplaintState,
  calendar: BusinessCalendar,
): Registration | undefined {
  const registration = state.registration
  if (registration === undefined) return undefined
  const record: Mutable<Registration> = { ...registration }
  delete record.acceptance
  delete record.promisedDate
  delete record.rejectionReason
  delete record.rejectionExplanation
  if (state.rejection) {
    record.acceptance = "rejected"
    record.rejectionReason = state.rejection.reason
    record.rejectionExplanation = state.rejection.explanation
  } else if (state.acceptedAt !== undefined && state.resolution) {
    const promisedDate = promisedDateOf(state, calendar)
    record.acceptance = "accepted"
    if (promisedDate !== undefined) record.promisedDate = promisedDate
  }
  return record
}

/** The promised handling date as a date: the day the resolution is due (a midnight deadline counts for the day before). */
export function promisedDateOf(state: ComplaintState, calendar: BusinessCalendar): CivilDate | undefined {
  const dueAt = state.resolution?.schedule.dueAt
  return dueAt === undefined ? undefined : calendar.dateOf(dueAt - 1)
}

/** 客户投诉处理表, the form of the remedy approval, with the departments' opinions gathered so far. */
export function handlingFormValuesOf(state: ComplaintState): HandlingFormValue | undefined {
  const registration = state.registration
  const proposal = state.proposal
  if (registration === undefined || proposal === undefined) return undefined
  const opinion = (department: string) =>
    state.opinions
      .filter((entry) => entry.department === department)
      .map((entry) => entry.opinion)
      .join("\n") || undefined
  return present({
    complaintNumber: state.complaintId,
    customerName: registration.customerName,
    product: registration.product,
    purchaseDate: registration.purchaseDate,
    type: state.type,
    reason: registration.description,
    demand: registration.demand,
    quantity: registration.claimQuantity,
    remedies: proposal.remedies.map((remedy) =>
      present({ kind: remedy.kind, amount: remedy.amount, quantity: remedy.quantity, note: remedy.note }),
    ),
    total: proposal.total,
    handlerOpinion:
      proposal.note ?? proposal.remedies.map((remedy) => RemedyKind.label(remedy.kind, "zh-CN")).join("、"),
    handlerSignature: proposal.by,
    customerServiceOpinion: opinion("customerService"),
    marketingOpinion: opinion("marketing"),
    productionOpinion: opinion("production"),
    qualityOpinion: opinion("quality"),
    financeOpinion: opinion("finance"),
  }) as HandlingFormValue
}

/** 投诉处理记录表, once the complaint has a handler. */
export function handlingRecordOf(
  state: ComplaintState,
  calendar: BusinessCalendar,
): HandlingRecord | undefined {
  const registration = state.registration
  if (registration === undefined || state.handler === undefined) return undefined
  const investigation = state.investigation
  return present({
    complaintNumber: state.complaintId,
    type: state.type,
    date: calendar.dateOf(state.receivedAt),
    handler: state.handler,
    verifier: state.investigator,
    complainantName: registration.customerName,
    complainantPhone: registration.phone,
    complainantCompany: registration.organization,
    complainantAddress: registration.address,
    subjectProduct: registration.product,
    subjectAmount: registration.claimAmount,
    customerOpinion: registration.demand,
    ourOpinion: state.proposal?.note,
    investigationResults: investigation?.findings,
    investigationFinding: investigation
      ? `${RootCause.label(investigation.cause, "zh-CN")}；${investigation.ownSide ? "己方原因" : "非己方原因"}`
      : undefined,
    finalMeasure: state.proposal
      ? state.proposal.remedies.map((remedy) => RemedyKind.label(remedy.kind, "zh-CN")).join("、")
      : investigation?.explanation,
    cause: investigation?.cause,
    severity: investigation?.severity,
    remarks: registration.remarks,
    preparedBy: state.registeredBy,
  }) as HandlingRecord
}

/** 投诉处理报告表, once the complaint is resolved and classified; dated `reportDate` (default: resolution day). */
export function handlingReportOf(
  state: ComplaintState,
  calendar: BusinessCalendar,
  reportDate?: CivilDate,
): HandlingReport | undefined {
  const registration = state.registration
  const promisedDate = promisedDateOf(state, calendar)
  if (
    registration === undefined ||
    state.resolvedAt === undefined ||
    state.category === undefined ||
    state.handler === undefined ||
    promisedDate === undefined
  )
    return undefined
  const actualDate = calendar.dateOf(state.resolvedAt)
  const investigation = state.investigation
  return present({
    complaintNumber: state.complaintId,
    reportDate: reportDate ?? actualDate,
    receivedAt: state.receivedAt,
    channel: registration.channel,
    category: state.category,
    witness: registration.witness,
    urgency: state.urgency,
    handler: state.handler,
    promisedDate,
    actualDate,
    handlingContent: state.resolutionNote ?? state.closure?.summary ?? state.outcome ?? "",
    cost: state.cost,
    causeInvestigators: investigation?.by,
    cause: investigation?.cause,
    notes: investigation?.findings,
    review: state.closure?.evaluation,
    reporter: state.handler,
  }) as HandlingReport
}

/** 客户投诉处理通知单, once the complaint is classified (the department in charge is named). */
export function handlingNoticeOf(
  state: ComplaintState,
  calendar: BusinessCalendar,
): HandlingNotice | undefined {
  const registration = state.registration
  const promisedDate = promisedDateOf(state, calendar)
  if (
    registration === undefined ||
    state.departmentId === undefined ||
    state.handler === undefined ||
    promisedDate === undefined
  )
    return undefined
  const origin = state.investigation?.responsibility[0]?.departmentId
  return present({
    filledOn: calendar.dateOf(state.lastEventAt),
    complaintNumber: state.complaintId,
    customerName: registration.customerName,
    handler: state.handler,
    responsibleDepartment: state.departmentId,
    content: registration.description,
    orderNumber: registration.orderNumber,
    originDepartment: origin,
    orderDate: registration.purchaseDate,
    demand: registration.demand,
    claimQuantity: registration.claimQuantity,
    claimAmount: registration.claimAmount,
    promisedDate,
    actualDate: state.resolvedAt === undefined ? undefined : calendar.dateOf(state.resolvedAt),
    investigationResult: state.investigation?.findings,
    customerWishes: registration.desiredRemedies,
    measures: state.proposal
      ? state.proposal.remedies.map((remedy) => RemedyKind.label(remedy.kind, "zh-CN")).join("、")
      : undefined,
    measuresConfirmed: state.outcome === "remedied" ? true : undefined,
  }) as HandlingNotice
}

/** 客户投诉案件追踪表 (one case), once the complaint is accepted; reminders are the 督促记录. */
export function caseTrackingOf(state: ComplaintState, calendar: BusinessCalendar): CaseTracking | undefined {
  const registration = state.registration
  if (registration === undefined || state.acceptedAt === undefined) return undefined
  const investigation = state.investigation
  const closed = state.closedAt !== undefined && state.stage === "closed"
  return present({
    acceptedOn: calendar.dateOf(state.acceptedAt),
    acceptanceNumber: state.complaintId,
    customer: registration.customerName,
    productSpec: registration.product,
    content: registration.description,
    handlingMethods: state.proposal
      ? [...new Set(state.proposal.remedies.map((remedy) => remedy.kind))]
      : undefined,
    lossAmount: state.cost,
    responsibility:
      investigation && investigation.responsibility.length > 0 ? investigation.responsibility : undefined,
    sanctions: investigation && investigation.sanctions.length > 0 ? investigation.sanctions : undefined,
    closedOn: closed && state.closedAt !== undefined ? calendar.dateOf(state.closedAt) : undefined,
    handlingWorkingDays:
      closed && state.closedAt !== undefined
        ? Math.round(
            (calendar.workingMinutesBetween(state.receivedAt, state.closedAt) / calendar.standardDayMinutes) *
              100,
          ) / 100
        : undefined,
    reminders:
      state.reminders.sent.length > 0
        ? state.reminders.sent.map((at, index) => ({
            date: calendar.dateOf(at),
            documentNumber: `${state.complaintId}-督促-${index + 1}`,
          }))
        : undefined,
    closingNumber: closed ? `${state.complaintId}-结案` : undefined,
  }) as CaseTracking
}

/**
 * The forms a remedy approval can carry, because the complaint knows how to fill them: the
 * approvals module's remedy request and 客户投诉处理表. A company's `complaint.remedy` chain must
 * name one of them (`complaintProcess` checks it when it is built).
 */
export const remedyApprovalFormIds: ReadonlyArray<string> = [complaintRemedyRequestForm.id, handlingForm.id]

/**
 * The values an approval of the current solution carries: 客户投诉处理表 when the complaints policy
 * built the chain, or the approvals module's remedy request (`approval.complaintRemedy`) when the
 * company's approval policy did.
 */
export function approvalValuesOf(state: ComplaintState, formId: string): Readonly<Record<string, unknown>> {
  const proposal = state.proposal
  const registration = state.registration
  if (formId === complaintRemedyRequestForm.id && proposal !== undefined && registration !== undefined) {
    return {
      complaintNumber: state.complaintId,
      customer: registration.customerId,
      customerName: registration.customerName,
      remedy: proposal.remedies
        .map((remedy) => `${RemedyKind.label(remedy.kind, "zh-CN")} ${Money.toMajorString(remedy.amount)}`)
        .join("；"),
      amount: proposal.total,
      reason: proposal.note ?? registration.demand,
    }
  }
  return handlingFormValuesOf(state) ?? {}
}
