import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Whether a grievance is an ordinary or an urgent case (客户抱怨处理表: 普通件 / 急件). */
export const GrievancePriority = enumeration("complaint.grievancePriority", {
  ordinary: label("普通件", "Ordinary"),
  urgent: label("急件", "Urgent"),
})

/** Whether a grievance is an ordinary or an urgent case. */
export type GrievancePriority = ValueOf<typeof GrievancePriority>

/** Whether the customer only complains or also returns the goods (客户抱怨处理表: 抱怨 / 退货). */
export const GrievanceKind = enumeration("complaint.grievanceKind", {
  grievance: label("抱怨", "Grievance"),
  return: label("退货", "Return"),
})

/** Whether the customer only complains or also returns the goods. */
export type GrievanceKind = ValueOf<typeof GrievanceKind>
