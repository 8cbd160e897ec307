import type { IdempotencyKey } from "../../ids/idempotency-key.ts"
import type { HostRecordId, PersonId } from "../../ids/ids.ts"
import type { Label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import type { Role } from "../../roles/role.ts"
import type { Instant } from "../../time/instant.ts"
import type { ComplaintType } from "../labels/complaint-type.ts"
import type { ContentCategory } from "../labels/content-category.ts"
import type { FollowUpMethod } from "../labels/follow-up-method.ts"
import type { ImprovementArea } from "../labels/improvement-area.ts"
import type { LitigationVerdict } from "../labels/litigation-verdict.ts"
import type { OpinionDepartment } from "../labels/opinion-department.ts"
import type { PauseReason } from "../labels/pause-reason.ts"
import type { RejectionReason } from "../labels/rejection-reason.ts"
import type { RemedyKind } from "../labels/remedy-kind.ts"
import type { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import type { RootCause } from "../labels/root-cause.ts"
import type { SanctionKind } from "../labels/sanction-kind.ts"
import type { SatisfactionScore } from "../labels/satisfaction.ts"
import type { Severity } from "../labels/severity.ts"
import type { ComplaintStage } from "../labels/stage.ts"
import type { Urgency } from "../labels/urgency.ts"
import type { ApprovalChainStep } from "../policy/approval-chain.ts"
import type { Registration } from "../schema/registration-form.ts"
import type { ResponsibilityShare } from "../schema/responsibility.ts"
import type { SlaClock, SlaKind } from "./sla.ts"

/** One remedy of a proposal: what, for how much. */
export interface Remedy {
  readonly kind: RemedyKind
  readonly amount: Money
  readonly quantity?: number
  readonly note?: string
}

/** An individual sanction decided by the investigation (个人惩处). */
export interface Sanction {
  readonly name: string
  readonly kind: SanctionKind
}

/** What the investigation found (查明原因和责任方). */
export interface Investigation {
  readonly at: Instant
  readonly by: PersonId
  readonly cause: RootCause
  /** Whether the cause lies with the company (己方原因); if not, the customer gets an explanation. */
  readonly ownSide: boolean
  readonly responsibility: ReadonlyArray<ResponsibilityShare>
  readonly sanctions: ReadonlyArray<Sanction>
  readonly severity: Severity
  readonly findings: string
  readonly explanation: string | undefined
}

/** Where a remedy's approval stands. */
export type ApprovalStatus = "notRequired" | "pending" | "approved" | "rejected" | "withdrawn"

/** The solution on the table (处理方案), with its approval. */
export interface Proposal {
  readonly number: number
  readonly at: Instant
  readonly by: PersonId
  readonly byRole: Role
  readonly remedies: ReadonlyArray<Remedy>
  readonly total: Money
  readonly note: string | undefined
  readonly approval:
    | { readonly status: "notRequired" }
    | {
        readonly status: Exclude<ApprovalStatus, "notRequired">
        /** The idempotency key of the `approval.submit` request; the decision arrives with it. */
        readonly key: IdempotencyKey
        readonly decidingRole: Role
        readonly steps: ReadonlyArray<ApprovalChainStep>
        readonly formId: string
        readonly title: Label
        readonly decidedBy: PersonId | undefined
        readonly comment: string | undefined
      }
  /** The customer's answer (客户满意?), once given. */
  readonly customerResponse: "accepted" | "refused" | undefined
}

/** An escalation up the ladder, as the case remembers it. */
export interface EscalationRecord {
  readonly cycle: number
  readonly sla: SlaKind
  readonly level: number
  readonly role: Role
  readonly dueAt: Instant
  readonly at: Instant
}

/**
 * The state of one complaint, folded from its events. Everything `decide` needs is here, and
 * nothing here is computed from the calendar or the policy at read time: the instants were
 * recorded by the events.
 */
export interface ComplaintState {
  /** `new` before the registration. */
  readonly stage: ComplaintStage | "new"
  readonly complaintId: string
  /** The number of events folded in; the next event's sequence number. */
  readonly version: number
  readonly lastEventAt: Instant
  /** The policy version the complaint was registered under. */
  readonly policyVersion: string
  readonly registration: Registration | undefined
  readonly receivedAt: Instant
  readonly registeredAt: Instant
  readonly registeredBy: PersonId | undefined
  /** The host record staff opened the complaint in, which its case took over (see `Register`). */
  readonly hostRecordId: HostRecordId | undefined
  readonly urgency: Urgency
  readonly type: ComplaintType
  readonly category: ContentCategory | undefined
  /** The department in charge (主管部门) named at classification. */
  readonly departmentId: string | undefined
  /** The handler (承办人). */
  readonly handler: PersonId | undefined
  readonly investigator: PersonId | undefined
  readonly acceptedAt: Instant | undefined
  readonly rejection:
    | {
        readonly at: Instant
        readonly by: PersonId
        readonly reason: RejectionReason
        readonly explanation: string
      }
    | undefined
  /** Reopenings so far; the SLA cycle of the current handling. */
  readonly cycle: number
  readonly firstResponse: SlaClock | undefined
  readonly resolution: SlaClock | undefined
  /** The highest rung reached in this cycle (0: none). */
  readonly escalationLevel: number
  readonly escalations: ReadonlyArray<EscalationRecord>
  readonly pause:
    | {
        readonly since: Instant
        readonly reason: PauseReason
        readonly by: PersonId | undefined
        readonly autoResumeAt: Instant
      }
    | undefined
  readonly pauseCount: number
  readonly pausedWorkingMinutes: number
  readonly investigation: Investigation | undefined
  readonly opinions: ReadonlyArray<{
    readonly department: OpinionDepartment
    readonly opinion: string
    readonly by: PersonId
    readonly at: Instant
  }>
  readonly proposal: Proposal | undefined
  readonly proposalCount: number
  readonly approvalRejections: number
  readonly customerRefusals: number
  readonly litigation:
    | {
        readonly startedAt: Instant
        readonly by: PersonId
        readonly reference: string | undefined
        readonly verdict: LitigationVerdict | undefined
        readonly award: Money | undefined
        readonly concludedAt: Instant | undefined
      }
    | undefined
  readonly outcome: ResolutionOutcome | undefined
  /** 实际办理日: when the complaint was resolved (or withdrawn, or rejected). */
  readonly resolvedAt: Instant | undefined
  /** What resolving it cost the company (损失金额). */
  readonly cost: Money | undefined
  readonly resolutionNote: string | undefined
  readonly closedAt: Instant | undefined
  readonly closure:
    | {
        readonly by: PersonId
        readonly summary: string
        readonly evaluation: string | undefined
        readonly improvements: ReadonlyArray<{ readonly area: ImprovementArea; readonly action: string }>
      }
    | undefined
  readonly followUp:
    | {
        /** When the visit is due; undefined when the policy asked for none and it was made anyway. */
        readonly dueAt: Instant | undefined
        readonly overdueNotified: boolean
        readonly recordedAt: Instant | undefined
        readonly satisfaction: SatisfactionScore | undefined
        readonly method: FollowUpMethod | undefined
        readonly comment: string | undefined
        readonly by: PersonId | undefined
      }
    | undefined
  /** 督促记录: when reminders went out, and when the next one is due. */
  readonly reminders: { readonly sent: ReadonlyArray<Instant>; readonly nextAt: Instant | undefined }
}

/** A complaint before its registration. */
export const initialComplaintState: ComplaintState = {
  stage: "new",
  complaintId: "",
  version: 0,
  lastEventAt: Number.MIN_SAFE_INTEGER,
  policyVersion: "",
  registration: undefined,
  receivedAt: 0,
  registeredAt: 0,
  registeredBy: undefined,
  hostRecordId: undefined,
  urgency: "normal",
  type: "other",
  category: undefined,
  departmentId: undefined,
  handler: undefined,
  investigator: undefined,
  acceptedAt: undefined,
  rejection: undefined,
  cycle: 0,
  firstResponse: undefined,
  resolution: undefined,
  escalationLevel: 0,
  escalations: [],
  pause: undefined,
  pauseCount: 0,
  pausedWorkingMinutes: 0,
  investigation: undefined,
  opinions: [],
  proposal: undefined,
  proposalCount: 0,
  approvalRejections: 0,
  customerRefusals: 0,
  litigation: undefined,
  outcome: undefined,
  resolvedAt: undefined,
  cost: undefined,
  resolutionNote: undefined,
  closedAt: undefined,
  closure: undefined,
  followUp: undefined,
  reminders: { sent: [], nextAt: undefined },
}

/** The stages in which the resolution clock runs (unless paused). */
export const handlingStages: ReadonlySet<ComplaintStage | "new"> = new Set([
  "accepted",
  "investigating",
  "proposing",
  "awaitingApproval",
  "negotiating",
  "executing",
])

/** The stages in which the clock may be stopped to wait on the customer. */
export const pausableStages: ReadonlySet<ComplaintStage | "new"> = new Set([
  "accepted",
  "investigating",
  "proposing",
  "negotiating",
  "executing",
])

/** The stages from which the customer may withdraw the complaint. */
export const withdrawableStages: ReadonlySet<ComplaintStage | "new"> = new Set([
  "registered",
  ...handlingStages,
  "litigation",
])
