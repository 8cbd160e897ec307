import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Where a monitored call stands (质量监控工作流程). */
export const QualityMonitoringStatus = enumeration("callcenter.qualityMonitoringStatus", {
  none: label("未抽取", "Not drawn"),
  toScore: label("待监听评分", "To be scored"),
  scored: label("待反馈坐席", "Scored, feedback due"),
  calibrating: label("评分申诉校准中", "Disputed, calibrating"),
  improving: label("不合格待改进", "Failed, improvement due"),
  closed: label("已结束", "Closed"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a monitored call stands. */
export type QualityMonitoringStatus = ValueOf<typeof QualityMonitoringStatus>
