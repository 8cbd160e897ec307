import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Where the agent found the answer (呼入业务管理流程 ⑥): the chart's three sources, kept so the
 * centre sees which knowledge its agents rely on and which is missing.
 */
export const AnswerSource = enumeration("callcenter.answerSource", {
  customerDatabase: label("查找客户数据库", "Customer database"),
  ownKnowledge: label("根据自己的知识", "Agent's own knowledge"),
  archives: label("查阅档案材料", "Archives"),
})
/** Where the agent found the answer. */
export type AnswerSource = ValueOf<typeof AnswerSource>

/** Where an inbound call stands (呼入业务管理流程). */
export const InboundCallStatus = enumeration("callcenter.inboundCallStatus", {
  none: label("未呼入", "Not arrived"),
  selfService: label("自动服务中", "In self-service"),
  queued: label("等待人工服务", "Waiting for an agent"),
  withAgent: label("人工座席服务中", "With an agent"),
  toLog: label("待登记呼叫内容", "To be logged"),
  logged: label("已登记", "Logged"),
  resolvedInIvr: label("自动服务完成", "Resolved in self-service"),
  abandoned: label("来电者挂断", "Abandoned"),
})
/** Where an inbound call stands. */
export type InboundCallStatus = ValueOf<typeof InboundCallStatus>
