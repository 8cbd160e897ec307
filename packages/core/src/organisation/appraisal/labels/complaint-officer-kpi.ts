import { enumeration, type ValueOf } from "../../../labels/enumeration.ts"
import { label } from "../../../labels/label.ts"

/**
 * The complaint officer's KPIs, each a figure of 客户投诉统计表 / 总结表 that the complaint
 * statistics already compute per period, so a quarter's appraisal needs no second bookkeeping.
 */
export const ComplaintOfficerKpi = enumeration("organisation.complaintOfficerKpi", {
  resolvedRatio: label("投诉解决比例", "Share of complaints resolved"),
  firstResponseOnTime: label("首次响应及时率", "First responses on time"),
  resolutionOnTime: label("按承诺期限办结率", "Resolutions by the promised date"),
  satisfaction: label("回访满意度（5 分制）", "Follow-up satisfaction (of 5)"),
  reopenedRatio: label("重新处理（复诉）比例", "Share of complaints reopened"),
})

/** A KPI of the complaint officer. */
export type ComplaintOfficerKpi = ValueOf<typeof ComplaintOfficerKpi>
