import type { LadderRung } from "../../process/escalation-ladder.ts"
import type { Role } from "../../roles/role.ts"

/**
 * How the periodic complaint analysis (客户投诉分析流程) runs: who approves the improvement
 * measures (✓), how long a measure may take, and how its follow-up reminds and escalates. An
 * analysis records the `version` it ran under.
 */
export interface ComplaintAnalysisPolicy {
  readonly version: string
  /** The currency of the losses the analysis adds up. */
  readonly currency: string
  /** The post that approves the measures (客服经理 in the handbook's complaint chapter). */
  readonly approverRole: Role
  /** A measure is given at most this many working days; more is a project, not a measure. */
  readonly maximumWorkingDays: number
  /** The follow-up of each measure (跟踪): a reminder before its due date, the ladder after it. */
  readonly followUp: {
    readonly remindBeforeWorkingMinutes: number
    readonly rungs: ReadonlyArray<LadderRung>
  }
}

/**
 * tixi's default: the 客服经理 approves, a measure takes at most a quarter (60 working days), the
 * department is reminded a working day before the due date, and an overdue measure goes to the
 * 客户投诉主管 at once, the 客服经理 two working days later and the 客服总监 after a week.
 */
export const defaultComplaintAnalysisPolicy: ComplaintAnalysisPolicy = {
  version: "handbook-2026.1",
  currency: "CNY",
  approverRole: "manager",
  maximumWorkingDays: 60,
  followUp: {
    remindBeforeWorkingMinutes: 480,
    rungs: [
      { role: "supervisor", afterDueWorkingMinutes: 0 },
      { role: "manager", afterDueWorkingMinutes: 960 },
      { role: "director", afterDueWorkingMinutes: 2400 },
    ],
  },
}
