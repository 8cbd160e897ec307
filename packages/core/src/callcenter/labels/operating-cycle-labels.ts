import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Where an operating period of the call centre stands (呼叫中心运行流程). */
export const OperatingCycleStatus = enumeration("callcenter.operatingCycleStatus", {
  none: label("未开始", "Not started"),
  awaitingApproval: label("运作方案待审核", "Plan awaiting approval"),
  returned: label("运作方案退回修改", "Plan returned for revision"),
  training: label("培训客户服务人员", "Training the agents"),
  operating: label("运行中", "Operating"),
  evaluating: label("服务质量评估", "Service quality evaluation"),
  appraising: label("专员绩效管理", "Agent performance appraisal"),
  closed: label("已结束", "Closed"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where an operating period stands. */
export type OperatingCycleStatus = ValueOf<typeof OperatingCycleStatus>

/** The operating goals (② 运作目标) a period's service quality is evaluated against (⑥). */
export const OperatingObjective = enumeration("callcenter.operatingObjective", {
  serviceLevel: label("服务水平", "Service level"),
  abandonment: label("放弃率", "Abandonment rate"),
  firstCallResolution: label("首次解决率", "First-call resolution"),
  monitoring: label("监控平均得分", "Mean monitoring score"),
})
/** An operating goal of the call centre. */
export type OperatingObjective = ValueOf<typeof OperatingObjective>
