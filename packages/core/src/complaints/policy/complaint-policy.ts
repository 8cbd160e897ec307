import type { ApprovalStepMode } from "../../ports/approvals.ts"
import { type AuthorityPolicy, defaultAuthorityPolicy } from "../../roles/authority.ts"
import type { Role } from "../../roles/role.ts"
import { Channel } from "../labels/channel.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { PauseReason } from "../labels/pause-reason.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import type { SatisfactionScore } from "../labels/satisfaction.ts"
import type { Urgency } from "../labels/urgency.ts"

/** One rung of the escalation ladder: who is told, how long after the deadline passed. */
export interface EscalationRung {
  /** The role the case escalates to (主管, 经理, 总监). */
  readonly role: Role
  /** Working minutes after the deadline; 0 escalates the moment it passes. */
  readonly afterDueWorkingMinutes: number
}

/**
 * The service levels of one urgency, in working minutes of the company's business calendar (a
 * working day is `calendar.standardDayMinutes`, 480 for 09:00–12:00 and 13:00–18:00).
 */
export interface SlaTarget {
  /** From receipt to the first response: the acceptance decision told to the customer (受理 / 不予受理). */
  readonly firstResponseWorkingMinutes: number
  /** From acceptance to resolution: the default promised handling deadline (承诺办理期限). */
  readonly resolutionWorkingMinutes: number
  /** The handler is warned when this share of the working time has elapsed (1–99 %). */
  readonly warningAtPercent: number
  /** Who is told, and when, once the deadline has passed: officer → supervisor → manager → director. */
  readonly escalation: ReadonlyArray<EscalationRung>
}

/**
 * The complaints policy (客户投诉管理制度 — 受理办法, 处理办法): acceptance rules, categories and
 * channels in use, service levels per urgency, authority limits and approval routing for remedies,
 * pause, tracking, follow-up, reopening and litigation rules. Every number is configurable; a
 * complaint records the `version` it was registered under.
 */
export interface ComplaintPolicy {
  readonly version: string
  /** The currency of remedies, losses and authority limits. */
  readonly currency: string
  /** 受理办法: when a complaint is accepted, and who may refuse one. */
  readonly acceptance: {
    /** 投诉时效: purchases older than this many days are not accepted; null for no limit. */
    readonly complaintWindowDays: number | null
    /** The reasons for not accepting (不予受理 理由) offered to staff. */
    readonly rejectionReasons: ReadonlyArray<RejectionReason>
    /** The lowest post that may refuse a complaint. */
    readonly minimumRoleToReject: Role
  }
  /** The content categories in use (投诉内容). */
  readonly categories: ReadonlyArray<ContentCategory>
  /** The channels the company receives complaints through. */
  readonly channels: ReadonlyArray<Channel>
  /** Service levels per urgency (特急 / 急 / 普通). */
  readonly sla: Readonly<Record<Urgency, SlaTarget>>
  /** Promising a handling date later than the service level needs this post or higher. */
  readonly promise: { readonly minimumRoleBeyondTarget: Role }
  /** What each post may grant alone (decision `complaint.remedy`); above it, approval (权责外 → 审批). */
  readonly authority: AuthorityPolicy
  /** How a remedy above the handler's authority is approved. */
  readonly approval: {
    /**
     * From this total (minor units) finance countersigns after the deciding manager
     * (财务部门意见 on 客户投诉处理表); null when finance is never asked.
     */
    readonly financeCountersignFromMinor: number | null
    /**
     * Who signs before finance: only the lowest post whose limit covers the total (`lowest`), or
     * every post from the one above the handler up to it, one step each (`ladder`, 逐级审批).
     */
    readonly chain: "lowest" | "ladder"
    /** How the approvers of a step decide: `any` one of them (或签) or `all` (会签). */
    readonly stepMode: ApprovalStepMode
  }
  /** Stopping the SLA clock while the case waits on someone outside the company. */
  readonly pause: {
    /** The reasons that stop the clock; empty disables pausing. */
    readonly reasons: ReadonlyArray<PauseReason>
    /** After this much paused working time the clock resumes by itself and the handler is told. */
    readonly maximumWorkingMinutes: number
  }
  /** Case tracking (案件追踪): reminders (督促) to the handler while the case is open. */
  readonly tracking: {
    /** Working minutes between reminders; null sends none. */
    readonly reminderEveryWorkingMinutes: number | null
  }
  /** The follow-up visit after closure (回访). */
  readonly followUp: {
    readonly required: boolean
    /** Working minutes after closure by which the visit is due. */
    readonly dueAfterWorkingMinutes: number
    /** A score at or below this tells the supervisor (0 never does). */
    readonly dissatisfiedAtOrBelow: SatisfactionScore | 0
  }
  /** Reopening a closed complaint when the customer comes back about it. */
  readonly reopen: {
    /** Calendar days after closure within which a complaint may be reopened. */
    readonly windowDays: number
    readonly minimumRole: Role
  }
  /** Going to litigation (诉讼程序) when the customer refuses every solution. */
  readonly litigation: { readonly minimumRole: Role }
  /** Closing the case (结案) after the summary and evaluation (总结评价). */
  readonly closure: { readonly minimumRole: Role }
}

/**
 * tixi's default complaints policy. The handbooks fix the structure (urgencies 特急/急/普通, the
 * ladder 专员 → 主管 → 经理 → 总监, approval by the 客服经理 above the officer's authority, the
 * follow-up visit) but not the numbers; these are common practice in Chinese customer service:
 * 特急 answered within 2 working hours and settled within 1 working day, 急 4 hours / 3 days,
 * 普通 1 day / 7 days (the seven working days many companies promise for ordinary complaints).
 */
export const defaultComplaintPolicy: ComplaintPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  acceptance: {
    complaintWindowDays: 365,
    rejectionReasons: RejectionReason.values,
    minimumRoleToReject: "officer",
  },
  categories: ContentCategory.values,
  channels: Channel.values,
  sla: {
    critical: {
      firstResponseWorkingMinutes: 120,
      resolutionWorkingMinutes: 480,
      warningAtPercent: 75,
      escalation: [
        { role: "supervisor", afterDueWorkingMinutes: 0 },
        { role: "manager", afterDueWorkingMinutes: 120 },
        { role: "director", afterDueWorkingMinutes: 480 },
      ],
    },
    urgent: {
      firstResponseWorkingMinutes: 240,
      resolutionWorkingMinutes: 1440,
      warningAtPercent: 75,
      escalation: [
        { role: "supervisor", afterDueWorkingMinutes: 0 },
        { role: "manager", afterDueWorkingMinutes: 240 },
        { role: "director", afterDueWorkingMinutes: 960 },
      ],
    },
    normal: {
      firstResponseWorkingMinutes: 480,
      resolutionWorkingMinutes: 3360,
      warningAtPercent: 75,
      escalation: [
        { role: "supervisor", afterDueWorkingMinutes: 0 },
        { role: "manager", afterDueWorkingMinutes: 480 },
        { role: "director", afterDueWorkingMinutes: 1440 },
      ],
    },
  },
  promise: { minimumRoleBeyondTarget: "supervisor" },
  authority: defaultAuthorityPolicy,
  approval: { financeCountersignFromMinor: 10_000_00, chain: "lowest", stepMode: "any" },
  pause: { reasons: PauseReason.values, maximumWorkingMinutes: 2400 },
  tracking: { reminderEveryWorkingMinutes: 960 },
  followUp: { required: true, dueAfterWorkingMinutes: 1440, dissatisfiedAtOrBelow: 2 },
  reopen: { windowDays: 30, minimumRole: "officer" },
  litigation: { minimumRole: "manager" },
  closure: { minimumRole: "officer" },
}
