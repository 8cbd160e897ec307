import type { HostRecordId, PersonId } from "../../ids/ids.ts"
import type { Label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import type { Role } from "../../roles/role.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import type { Instant } from "../../time/instant.ts"
import type { ComplaintType } from "../labels/complaint-type.ts"
import type { ContentCategory } from "../labels/content-category.ts"
import type { FollowUpMethod } from "../labels/follow-up-method.ts"
import type { ImprovementArea } from "../labels/improvement-area.ts"
import type { LitigationVerdict } from "../labels/litigation-verdict.ts"
import type { OpinionDepartment } from "../labels/opinion-department.ts"
import type { PauseReason } from "../labels/pause-reason.ts"
import type { RejectionReason } from "../labels/rejection-reason.ts"
import type { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import type { RootCause } from "../labels/root-cause.ts"
import type { SatisfactionScore } from "../labels/satisfaction.ts"
import type { Severity } from "../labels/severity.ts"
import type { ApprovalChainStep } from "../policy/approval-chain.ts"
import type { Registration } from "../schema/registration-form.ts"
import type { ResponsibilityShare } from "../schema/responsibility.ts"
import type { SlaKind, SlaSchedule } from "./sla.ts"
import type { Remedy, Sanction } from "./state.ts"

/** ①–③ of both flow charts: the complaint is received and recorded (客户投诉登记表). */
export interface ComplaintRegistered {
  readonly type: "ComplaintRegistered"
  readonly at: Instant
  readonly complaintId: string
  readonly registration: Registration
  readonly receivedAt: Instant
  readonly by: PersonId
  readonly policyVersion: string
  readonly firstResponse: SlaSchedule
  /** The host record staff opened the complaint in, which its case takes over; absent when tixi opens it. */
  readonly hostRecordId?: HostRecordId
}

/** ◇ valid? yes: accepted (受理), with the handling date promised to the customer. */
export interface ComplaintAccepted {
  readonly type: "ComplaintAccepted"
  readonly at: Instant
  readonly by: PersonId
  readonly handler: PersonId
  /** `policy` when the promise is the service level; `promised` when the handler named a date. */
  readonly promise: "policy" | "promised"
  readonly promisedDate: CivilDate | undefined
  readonly resolution: SlaSchedule
  readonly nextReminderAt: Instant | undefined
}

/** ◇ valid? no: not accepted (不予受理), with the reason told to the customer. */
export interface ComplaintRejected {
  readonly type: "ComplaintRejected"
  readonly at: Instant
  readonly by: PersonId
  readonly reason: RejectionReason
  readonly explanation: string
}

/** Classified and handed to the department in charge (客户投诉专员 职责 2). */
export interface ComplaintClassified {
  readonly type: "ComplaintClassified"
  readonly at: Instant
  readonly by: PersonId
  readonly category: ContentCategory
  readonly complaintType: ComplaintType
  readonly departmentId: string
  readonly investigator: PersonId | undefined
  /** The investigator this classification replaces, whose open task is closed. */
  readonly previousInvestigator: PersonId | undefined
}

/** A new handler (承办人) takes the case. */
export interface HandlerAssigned {
  readonly type: "HandlerAssigned"
  readonly at: Instant
  readonly by: PersonId
  readonly handler: PersonId
  /** The handler before; their open tasks move to the new one. */
  readonly previousHandler: PersonId | undefined
}

/** ③ the cause and the responsible party are established (查明原因和责任方). */
export interface InvestigationConcluded {
  readonly type: "InvestigationConcluded"
  readonly at: Instant
  readonly by: PersonId
  readonly cause: RootCause
  readonly ownSide: boolean
  readonly responsibility: ReadonlyArray<ResponsibilityShare>
  readonly sanctions: ReadonlyArray<Sanction>
  readonly severity: Severity
  readonly findings: string
  readonly explanation: string | undefined
}

/** ④ a related department gives its opinion (相关部门协商). */
export interface DepartmentOpinionRecorded {
  readonly type: "DepartmentOpinionRecorded"
  readonly at: Instant
  readonly by: PersonId
  readonly department: OpinionDepartment
  readonly opinion: string
}

/** ⑤ a solution is proposed (提出处理方案), with the approval it needs above the handler's authority. */
export interface RemedyProposed {
  readonly type: "RemedyProposed"
  readonly at: Instant
  readonly by: PersonId
  readonly byRole: Role
  readonly number: number
  readonly remedies: ReadonlyArray<Remedy>
  readonly total: Money
  readonly note: string | undefined
  /** Undefined within the handler's authority (权责内); else the approval chain (审批). */
  readonly approval:
    | {
        readonly decidingRole: Role
        readonly steps: ReadonlyArray<ApprovalChainStep>
        /** The form the approvers see (客户投诉处理表, or the approval chain's request form). */
        readonly formId: string
        readonly title: Label
      }
    | undefined
}

/** The approvers decided on the solution (审批). */
export interface RemedyApprovalDecided {
  readonly type: "RemedyApprovalDecided"
  readonly at: Instant
  readonly approvalKey: string
  readonly outcome: "approved" | "rejected" | "withdrawn"
  readonly decidedBy: PersonId | undefined
  readonly comment: string | undefined
}

/** ⑥ the customer's answer to the solution (与客户进行协商 ◇ 客户满意?). */
export interface CustomerResponded {
  readonly type: "CustomerResponded"
  readonly at: Instant
  readonly by: PersonId
  readonly accepted: boolean
  readonly note: string | undefined
}

/** ⑦ the customer refused, and the matter goes to litigation (诉讼程序). */
export interface LitigationStarted {
  readonly type: "LitigationStarted"
  readonly at: Instant
  readonly by: PersonId
  readonly reference: string | undefined
  readonly note: string | undefined
}

/** The litigation ended. */
export interface LitigationConcluded {
  readonly type: "LitigationConcluded"
  readonly at: Instant
  readonly by: PersonId
  readonly verdict: LitigationVerdict
  readonly award: Money
  readonly note: string | undefined
}

/**
 * The complaint is settled (实际办理日): the solution executed (⑧ 按照方案执行), explained when the
 * cause was not the company's, or decided in litigation.
 */
export interface ComplaintResolved {
  readonly type: "ComplaintResolved"
  readonly at: Instant
  readonly by: PersonId
  readonly outcome: Exclude<ResolutionOutcome, "withdrawn" | "rejected">
  /** What it cost the company (损失金额). */
  readonly cost: Money
  readonly note: string | undefined
}

/** ⑨ summary and evaluation, improvements, and the case is closed (结案). */
export interface ComplaintClosed {
  readonly type: "ComplaintClosed"
  readonly at: Instant
  readonly by: PersonId
  readonly summary: string
  readonly evaluation: string | undefined
  readonly improvements: ReadonlyArray<{ readonly area: ImprovementArea; readonly action: string }>
  /** When the follow-up visit is due; undefined when the policy asks for none. */
  readonly followUpDueAt: Instant | undefined
}

/** The follow-up visit after closure (回访), with the customer's satisfaction. */
export interface FollowUpRecorded {
  readonly type: "FollowUpRecorded"
  readonly at: Instant
  readonly by: PersonId
  readonly satisfaction: SatisfactionScore
  readonly method: FollowUpMethod
  readonly comment: string | undefined
}

/** The follow-up visit is overdue. */
export interface FollowUpOverdue {
  readonly type: "FollowUpOverdue"
  readonly at: Instant
  readonly dueAt: Instant
}

/** The customer came back about a closed complaint; it is handled again in a new cycle. */
export interface ComplaintReopened {
  readonly type: "ComplaintReopened"
  readonly at: Instant
  readonly by: PersonId
  readonly reason: string
  readonly cycle: number
  readonly resolution: SlaSchedule
  readonly nextReminderAt: Instant | undefined
}

/** The customer withdrew the complaint. */
export interface ComplaintWithdrawn {
  readonly type: "ComplaintWithdrawn"
  readonly at: Instant
  readonly by: PersonId
  readonly reason: string
}

/** The SLA clock stops while the case waits on the customer. */
export interface ClockPaused {
  readonly type: "ClockPaused"
  readonly at: Instant
  readonly by: PersonId
  readonly reason: PauseReason
  readonly note: string | undefined
  readonly autoResumeAt: Instant
}

/** The SLA clock runs again; the instants not yet passed moved by the paused working time. */
export interface ClockResumed {
  readonly type: "ClockResumed"
  readonly at: Instant
  /** Who resumed it; undefined when the pause ran out (自动恢复). */
  readonly by: PersonId | undefined
  readonly pausedWorkingMinutes: number
  readonly resolution: SlaSchedule
  readonly nextReminderAt: Instant | undefined
}

/** A deadline is near: the handler is warned. */
export interface DeadlineWarned {
  readonly type: "DeadlineWarned"
  readonly at: Instant
  readonly sla: SlaKind
  readonly dueAt: Instant
}

/** A deadline passed. */
export interface DeadlineBreached {
  readonly type: "DeadlineBreached"
  readonly at: Instant
  readonly sla: SlaKind
  readonly dueAt: Instant
}

/** The case climbs a rung of the ladder (主管 → 经理 → 总监). */
export interface Escalated {
  readonly type: "Escalated"
  readonly at: Instant
  readonly sla: SlaKind
  readonly level: number
  readonly role: Role
  readonly dueAt: Instant
}

/** A reminder (督促) went to the handler. */
export interface ReminderSent {
  readonly type: "ReminderSent"
  readonly at: Instant
  readonly number: number
  readonly nextReminderAt: Instant | undefined
}

/** Every event of a complaint. */
export type ComplaintEvent =
  | ComplaintRegistered
  | ComplaintAccepted
  | ComplaintRejected
  | ComplaintClassified
  | HandlerAssigned
  | InvestigationConcluded
  | DepartmentOpinionRecorded
  | RemedyProposed
  | RemedyApprovalDecided
  | CustomerResponded
  | LitigationStarted
  | LitigationConcluded
  | ComplaintResolved
  | ComplaintClosed
  | FollowUpRecorded
  | FollowUpOverdue
  | ComplaintReopened
  | ComplaintWithdrawn
  | ClockPaused
  | ClockResumed
  | DeadlineWarned
  | DeadlineBreached
  | Escalated
  | ReminderSent

/** The type names of complaint events. */
export type ComplaintEventType = ComplaintEvent["type"]
