import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Where a periodic complaint analysis (客户投诉分析流程) stands, one value per box of its chart,
 * so hosts can show the analysis as a pipeline and reports can count the ones that stall.
 */
export const ComplaintAnalysisStatus = enumeration("complaint.analysisStatus", {
  none: label("未开始", "Not started"),
  causes: label("原因分析", "Analysing causes"),
  departments: label("确定责任部门", "Naming the departments responsible"),
  proposing: label("提出改进措施", "Proposing improvement measures"),
  awaitingApproval: label("待审批", "Awaiting approval"),
  following: label("跟踪落实", "Following up the measures"),
  verifying: label("效果验证", "Verifying the effect"),
  closed: label("已结案", "Closed"),
  cancelled: label("已取消", "Cancelled"),
})

/** Where a periodic complaint analysis stands. */
export type ComplaintAnalysisStatus = ValueOf<typeof ComplaintAnalysisStatus>
