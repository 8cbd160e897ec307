import { enumeration, type ValueOf } from "../../../labels/enumeration.ts"
import { label } from "../../../labels/label.ts"

/** Where a staff appraisal (业绩考核) stands, as the host shows it. */
export const AppraisalStatus = enumeration("organisation.appraisalStatus", {
  none: label("未开始", "Not started"),
  selfAssessing: label("自我评估中", "Self-assessment"),
  inReview: label("主管审核中", "In supervisor review"),
  concluding: label("待出考核结果", "Awaiting result"),
  followingUp: label("改进跟踪中", "Improvement follow-up"),
  archived: label("已归档", "Archived"),
  cancelled: label("已取消", "Cancelled"),
})

/** A status of a staff appraisal. */
export type AppraisalStatus = ValueOf<typeof AppraisalStatus>
