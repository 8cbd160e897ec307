import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Which way a call goes: 呼入 (the customer calls) or 呼出 (the centre calls). */
export const CallDirection = enumeration("callcenter.direction", {
  inbound: label("呼入", "Inbound"),
  outbound: label("呼出", "Outbound"),
})
/** Which way a call goes. */
export type CallDirection = ValueOf<typeof CallDirection>

/**
 * Which calls the service level is taken over. Centres differ, so reports say which:
 * all offered calls (abandoned ones count as missed), offered less the callers who hung up within
 * the short-abandon threshold, or answered calls only.
 */
export const ServiceLevelConvention = enumeration("callcenter.serviceLevelConvention", {
  offered: label("全部呼入（放弃计为未达标）", "All offered calls (abandoned count as missed)"),
  excludeShortAbandons: label("剔除短时放弃", "Offered less short abandons"),
  answeredOnly: label("仅已接听", "Answered calls only"),
})
/** Which calls the service level is taken over. */
export type ServiceLevelConvention = ValueOf<typeof ServiceLevelConvention>

/** The queueing model that staffs an interval. */
export const StaffingModelKind = enumeration("callcenter.staffingModel", {
  erlangC: label("Erlang C（来电者不挂断）", "Erlang C (callers never hang up)"),
  erlangA: label("Erlang A（含放弃）", "Erlang A (with abandonment)"),
})
/** The queueing model that staffs an interval. */
export type StaffingModelKind = ValueOf<typeof StaffingModelKind>

/** 电话访谈计划表 · 公司情况: what to learn about the customer's company. */
export const CompanyTopic = enumeration("callcenter.interview.companyTopic", {
  background: label("背景", "Background"),
  activities: label("活动", "Activities"),
  productsAndServices: label("产品/服务", "Products and services"),
  customers: label("客户", "Customers"),
  responsibilities: label("任务责任", "Responsibilities"),
  workStandards: label("工作标准", "Work standards"),
  prospects: label("前景", "Prospects"),
  other: label("其他", "Other"),
})
/** A topic about the customer's company. */
export type CompanyTopic = ValueOf<typeof CompanyTopic>

/** 电话访谈计划表 · 工作情况: what to learn about the contact's work. */
export const WorkTopic = enumeration("callcenter.interview.workTopic", {
  location: label("地点", "Location"),
  workEnvironment: label("工作环境", "Work environment"),
  futurePlans: label("未来规划", "Future plans"),
  purpose: label("目的", "Purpose"),
  position: label("职位", "Position"),
  market: label("市场", "Market"),
  competitors: label("竞争对手", "Competitors"),
  other: label("其他", "Other"),
})
/** A topic about the contact's work. */
export type WorkTopic = ValueOf<typeof WorkTopic>

/** 呼叫中心设备明细表 · 类别. */
export const EquipmentCategory = enumeration("callcenter.equipmentCategory", {
  telephone: label("话机", "Telephone"),
  headset: label("耳麦", "Headset"),
  computer: label("电脑", "Computer"),
  switchboard: label("交换机/ACD", "Switch / ACD"),
  recorder: label("录音设备", "Call recorder"),
  other: label("其他", "Other"),
})
/** A kind of call-centre equipment. */
export type EquipmentCategory = ValueOf<typeof EquipmentCategory>

/** How a call was monitored (电话监听): live, from the recording, or sitting beside the agent. */
export const MonitoringMode = enumeration("callcenter.monitoringMode", {
  live: label("实时监听", "Live"),
  recorded: label("录音抽检", "Recorded"),
  sideBySide: label("旁听辅导", "Side by side"),
})
/** How a call was monitored. */
export type MonitoringMode = ValueOf<typeof MonitoringMode>

/** The rating an agent's evaluation ends in (呼叫业务质量评估表 · 评估等级). */
export const AgentRating = enumeration("callcenter.agentRating", {
  excellent: label("优秀", "Excellent"),
  good: label("良好", "Good"),
  satisfactory: label("合格", "Satisfactory"),
  unsatisfactory: label("不合格", "Unsatisfactory"),
})
/** The rating an agent's evaluation ends in. */
export type AgentRating = ValueOf<typeof AgentRating>

/** Where a call that needs follow-up stands (呼叫中心服务流程). */
export const ServiceRequestStatus = enumeration("callcenter.serviceRequestStatus", {
  none: label("未受理", "Not received"),
  received: label("已受理", "Received"),
  transferred: label("已转相关部门", "Transferred to a department"),
  answerReady: label("部门已答复", "Department answered"),
  followingUp: label("跟踪处理结果", "Following up"),
  closed: label("已结束", "Closed"),
})
/** Where a call that needs follow-up stands. */
export type ServiceRequestStatus = ValueOf<typeof ServiceRequestStatus>
