import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * How close an open item is to its deadline in working time (002 2.6 工作进度控制): the view
 * sorts and counts by it, so a department head sees what is late before what is merely open.
 */
export const ProgressBand = enumeration("planning.progressBand", {
  overdue: label("已超期", "Overdue"),
  dueSoon: label("即将到期", "Due soon"),
  onTrack: label("进度正常", "On track"),
  noDeadline: label("无期限", "No deadline"),
})

/** How close an open item is to its deadline. */
export type ProgressBand = ValueOf<typeof ProgressBand>
