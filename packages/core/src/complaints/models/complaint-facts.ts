import type { BusinessCalendar } from "../../calendar/index.ts"
import * as Money from "../../money/money.ts"
import type { Role } from "../../roles/role.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import type { Instant } from "../../time/instant.ts"
import type { Channel } from "../labels/channel.ts"
import type { ComplaintType } from "../labels/complaint-type.ts"
import type { ContentCategory } from "../labels/content-category.ts"
import type { LitigationVerdict } from "../labels/litigation-verdict.ts"
import type { RejectionReason } from "../labels/rejection-reason.ts"
import type { RemedyKind } from "../labels/remedy-kind.ts"
import type { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import type { RootCause } from "../labels/root-cause.ts"
import type { SatisfactionScore } from "../labels/satisfaction.ts"
import type { ComplaintStage } from "../labels/stage.ts"
import type { Urgency } from "../labels/urgency.ts"
import type { ComplaintEvent } from "../process/events.ts"
import { evolveComplaint } from "../process/evolve.ts"
import type { SlaKind } from "../process/sla.ts"
import { handlingStages, initialComplaintState } from "../process/state.ts"
import type { ResponsibilityShare } from "../schema/responsibility.ts"

/** One handling cycle that ended in a resolution: the first, or one after a reopening. */
export interface ResolutionFact {
  readonly cycle: number
  readonly startedAt: Instant
  readonly dueAt: Instant
  readonly resolvedAt: Instant
  readonly outcome: Exclude<ResolutionOutcome, "withdrawn" | "rejected">
  /** Working minutes from the start of the cycle to the resolution, stopped time excluded. */
  readonly workingMinutes: number
  /** Resolved by the promised deadline (承诺办理期限 vs 实际办理日). */
  readonly onTime: boolean
  readonly cost: Money.Money
}

/** An approval a remedy went through. */
export interface ApprovalFact {
  readonly decidingRole: Role
  readonly total: Money.Money
  readonly outcome: "approved" | "rejected" | "withdrawn" | "pending"
}

/** An escalation up the ladder. */
export interface EscalationFact {
  readonly cycle: number
  readonly sla: SlaKind
  readonly level: number
  readonly role: Role
  readonly dueAt: Instant
  readonly at: Instant
}

/**
 * What the statistics need to know about one complaint, read off its events: the rows of
 * 客户投诉统计表 and the inputs of 分析表 / 总结表, the SLA figures and the escalations.
 */
export interface ComplaintFacts {
  readonly complaintId: string
  readonly customerId: string
  readonly customerName: string
  readonly product: string | undefined
  readonly purchaseDate: CivilDate | undefined
  readonly subject: string
  readonly receivedAt: Instant
  /** The local date the complaint was received, in the calendar's zone. */
  readonly receivedOn: CivilDate
  readonly urgency: Urgency
  readonly type: ComplaintType
  readonly category: ContentCategory | undefined
  readonly channel: Channel
  readonly stage: ComplaintStage
  /** How it ended; undefined while open. */
  readonly outcome: ResolutionOutcome | undefined
  readonly rejectionReason: RejectionReason | undefined
  readonly acceptedAt: Instant | undefined
  readonly firstRespondedAt: Instant | undefined
  readonly firstResponseDueAt: Instant
  /** The deadline of the clock still running (first response or resolution); undefined once settled or in litigation. */
  readonly openDueAt: Instant | undefined
  /** Working minutes from receipt to the first response, when there was one. */
  readonly firstResponseWorkingMinutes: number | undefined
  readonly firstResponseOnTime: boolean | undefined
  readonly resolutions: ReadonlyArray<ResolutionFact>
  readonly closedAt: Instant | undefined
  readonly cause: RootCause | undefined
  readonly ownSide: boolean | undefined
  readonly responsibility: ReadonlyArray<ResponsibilityShare>
  /** The remedies of the solution carried out, if any. */
  readonly remedies: ReadonlyArray<{ readonly kind: RemedyKind; readonly amount: Money.Money }>
  /** What the complaint cost over all its cycles (损失金额). */
  readonly loss: Money.Money
  readonly escalations: ReadonlyArray<EscalationFact>
  readonly breaches: ReadonlyArray<{ readonly sla: SlaKind; readonly cycle: number }>
  readonly approvals: ReadonlyArray<ApprovalFact>
  readonly customerRefusals: number
  readonly litigationVerdict: LitigationVerdict | undefined
  readonly litigated: boolean
  readonly reopenCount: number
  readonly pausedWorkingMinutes: number
  readonly remindersSent: number
  readonly followUpDueAt: Instant | undefined
  readonly followUpOverdue: boolean
  readonly satisfaction: SatisfactionScore | undefined
}

/**
 * Reads the facts of one complaint from its events (in order). The instants come from the
 * events; the calendar measures working time between them and gives local dates.
 */
export function complaintFacts(
  events: ReadonlyArray<ComplaintEvent>,
  calendar: BusinessCalendar,
  currency: string,
): ComplaintFacts {
  let state = initialComplaintState
  const resolutions: Array<ResolutionFact> = []
  const approvals: Array<ApprovalFact> = []
  const breaches: Array<{ sla: SlaKind; cycle: number }> = []
  let cycleStart: Instant = 0
  let pausedInCycle = 0
  let loss = Money.zero(currency)
  let litigated = false
  for (const event of events) {
    const before = state
    state = evolveComplaint(state, event)
    switch (event.type) {
      case "ComplaintRegistered":
        cycleStart = event.receivedAt
        break
      case "ComplaintReopened":
        cycleStart = event.at
        pausedInCycle = 0
        break
      case "ClockResumed":
        pausedInCycle += event.pausedWorkingMinutes
        break
      case "RemedyProposed":
        if (event.approval)
          approvals.push({
            decidingRole: event.approval.decidingRole,
            total: event.total,
            outcome: "pending",
          })
        break
      case "RemedyApprovalDecided": {
        const last = approvals.at(-1)
        if (last && last.outcome === "pending")
          approvals[approvals.length - 1] = { ...last, outcome: event.outcome }
        break
      }
      case "ComplaintWithdrawn": {
        const last = approvals.at(-1)
        if (last && last.outcome === "pending")
          approvals[approvals.length - 1] = { ...last, outcome: "withdrawn" }
        break
      }
      case "LitigationStarted":
        litigated = true
        break
      case "DeadlineBreached":
        breaches.push({ sla: event.sla, cycle: state.cycle })
        break
      case "ComplaintResolved": {
        const dueAt = before.resolution?.schedule.dueAt ?? event.at
        const workingMinutes = Math.max(
          0,
          calendar.workingMinutesBetween(cycleStart, event.at) - pausedInCycle,
        )
        resolutions.push({
          cycle: state.cycle,
          startedAt: cycleStart,
          dueAt,
          resolvedAt: event.at,
          outcome: event.outcome,
          workingMinutes,
          onTime: event.at <= dueAt,
          cost: event.cost,
        })
        loss = Money.add(loss, event.cost)
        break
      }
    }
  }
  const registration = state.registration
  if (registration === undefined)
    throw new TypeError("complaintFacts needs the events of a registered complaint")
  const firstResponse = state.firstResponse
  const firstRespondedAt = firstResponse?.metAt
  const executed = state.proposal && state.outcome === "remedied" ? state.proposal.remedies : []
  return {
    complaintId: state.complaintId,
    customerId: registration.customerId,
    customerName: registration.customerName,
    product: registration.product,
    purchaseDate: registration.purchaseDate,
    subject: registration.subject,
    receivedAt: state.receivedAt,
    receivedOn: calendar.dateOf(state.receivedAt),
    urgency: state.urgency,
    type: state.type,
    category: state.category,
    channel: registration.channel,
    stage: state.stage === "new" ? "registered" : state.stage,
    outcome: state.outcome,
    rejectionReason: state.rejection?.reason,
    acceptedAt: state.acceptedAt,
    firstRespondedAt,
    firstResponseDueAt: firstResponse?.schedule.dueAt ?? state.receivedAt,
    openDueAt:
      state.stage === "registered"
        ? firstResponse?.schedule.dueAt
        : handlingStages.has(state.stage)
          ? state.resolution?.schedule.dueAt
          : undefined,
    firstResponseWorkingMinutes:
      firstRespondedAt === undefined
        ? undefined
        : Math.max(0, calendar.workingMinutesBetween(state.receivedAt, firstRespondedAt)),
    firstResponseOnTime:
      firstRespondedAt === undefined || firstResponse === undefined
        ? undefined
        : firstRespondedAt <= firstResponse.schedule.dueAt,
    resolutions,
    closedAt: state.stage === "closed" || state.stage === "rejected" ? state.closedAt : undefined,
    cause: state.investigation?.cause,
    ownSide: state.investigation?.ownSide,
    responsibility: state.investigation?.responsibility ?? [],
    remedies: executed.map((remedy) => ({ kind: remedy.kind, amount: remedy.amount })),
    loss,
    escalations: state.escalations,
    breaches,
    approvals,
    customerRefusals: state.customerRefusals,
    litigationVerdict: state.litigation?.verdict,
    litigated,
    reopenCount: state.cycle,
    pausedWorkingMinutes: state.pausedWorkingMinutes,
    remindersSent: state.reminders.sent.length,
    followUpDueAt: state.followUp?.dueAt,
    followUpOverdue: state.followUp?.overdueNotified ?? false,
    satisfaction: state.followUp?.satisfaction,
  }
}
