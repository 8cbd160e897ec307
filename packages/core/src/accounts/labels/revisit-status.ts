import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Where a key account's next revisit (回访) stands on a date. */
export const RevisitStatus = enumeration("accounts.revisitStatus", {
  onTrack: label("按计划", "On track"),
  dueSoon: label("即将到期（已提醒）", "Due soon (reminded)"),
  overdue: label("已逾期", "Overdue"),
  escalated: label("逾期已上报", "Overdue and escalated"),
})

/** Where a revisit stands. */
export type RevisitStatus = ValueOf<typeof RevisitStatus>
