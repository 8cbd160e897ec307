import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.1 §5 客户服务部经理的岗位职责. */
export const serviceManager: PostDescription = {
  post: "serviceManager",
  source: "004 ch.1 §5",
  rank: "manager",
  department: "customerService",
  reportsTo: "serviceDirector",
  duties: [
    label(
      "负责制定客户服务部各项制度，规范客户服务部的各项工作",
      "Set the department's rules and standardise its work",
    ),
    label(
      "负责制定客户服务标准及各项工作规范，并对实施人员进行指导、培训",
      "Set service standards and work norms; guide and train the staff applying them",
    ),
    label(
      "负责管理、安排本部门的各服务项目的运作，如售后服务和维修管理等",
      "Manage and schedule the department's service items, such as after-sales and repair",
    ),
    label(
      "负责对客户服务人员进行培训、激励、评价和考核",
      "Train, motivate, evaluate and appraise service staff",
    ),
    label(
      "负责对企业的客户资源进行统计分析，抓好客户档案资料管理工作",
      "Analyse the company's customer base and keep the customer archives in order",
    ),
    label(
      "负责按照分级管理规定，定期对所服务的客户进行不同形式的访问、拜访",
      "Visit served customers regularly, in the forms their grade prescribes",
    ),
    label(
      "负责按客户服务部的有关要求对所服务的客户进行客户关系维护",
      "Maintain relationships with served customers as the department requires",
    ),
    label(
      "负责对客户有关产品或服务质量投诉与意见处理结果的反馈",
      "Report back to customers the outcome of product or service complaints and opinions",
    ),
    label(
      "负责大客户的接待管理工作，维护与大客户长期的沟通和合作关系",
      "Receive key accounts and keep long-term communication and cooperation with them",
    ),
    label(
      "努力提高上门服务的工作质量，加强对客户代表的职业道德和形象教育",
      "Raise the quality of on-site service; train representatives in ethics and presentation",
    ),
    label("客户提案制度的建立与组织实施", "Establish and run the customer suggestion scheme"),
    label(
      "建立与管理呼叫中心，全面了解客户意见、需求，为客户提供即时服务",
      "Establish and manage the call centre, to hear customers and serve them at once",
    ),
    label("负责创造企业间高层领导交流的机会", "Create occasions for the companies' senior leaders to meet"),
    label("完成总经理临时交办的其他工作", "Other work the general manager assigns"),
  ],
  forms: ["callcenter.operatingPlan", "accounts.service-strategy", "approval.complaintRemedy"],
  processes: [
    {
      process: processPointer.approval,
      steps: label("权责外事项的审批", "approves what exceeds a supervisor's authority"),
    },
    {
      process: processPointer.complaint,
      steps: label("审批处理方案", "approves the remedy (客户投诉接待流程)"),
    },
    {
      process: processPointer.creditGradeChange,
      steps: label("审批信用等级变更", "approves the grade change ✓"),
    },
    {
      process: processPointer.creditStandard,
      steps: label("审批信用标准", "approves the credit standard ✓"),
    },
    {
      process: processPointer.qualityStandard,
      steps: label("审批服务质量标准", "approves the quality standard ✓"),
    },
  ],
  clearance: "confidential",
  needToKnow: [
    "organisation",
    "development",
    "relationships",
    "keyAccounts",
    "afterSales",
    "complaints",
    "information",
    "callCentre",
    "credit",
    "quality",
    "finance",
  ],
}

/** 004 ch.1 §6 客户服务部主管的岗位职责 (also 001's 客服主管). */
export const serviceSupervisor: PostDescription = {
  post: "serviceSupervisor",
  source: "004 ch.1 §6",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label(
      "协助客户服务部经理制定客户服务部的各项规章制度并具体实施",
      "Help the manager set the department's rules and carry them out",
    ),
    label(
      "协助客户服务部经理制定客户服务工作的各项标准，并对实际操作人员进行指导",
      "Help the manager set service standards and guide the staff applying them",
    ),
    label("负责实施客户服务部各服务项目的开发、运作", "Develop and run the department's service items"),
    label(
      "负责客户资料的收集、统计、分析，建立客户资料信息库",
      "Collect, count and analyse customer data; build the customer database",
    ),
    label(
      "负责安排售后服务人员的工作班次及上门服务工作",
      "Schedule after-sales staff shifts and on-site visits",
    ),
    label(
      "按客户服务部的有关要求对所服务的客户进行客户关系维护，积累经验与技巧",
      "Maintain relationships with served customers and build up skill doing it",
    ),
    label(
      "负责客户投诉的接待与一般性问题的处理，并及时反馈处理结果",
      "Receive complaints, settle ordinary ones and report the outcome promptly",
    ),
    label(
      "关注客户服务工作的发展，收集相关资料，为企业完善客户服务工作提出建议",
      "Follow developments in customer service and propose improvements",
    ),
    label(
      "根据业务发展要求，制定客户调查计划并组织实施，为企业决策提供资料支持",
      "Plan and run customer surveys that inform the company's decisions",
    ),
    label("完成客户服务部经理交办的其他工作", "Other work the manager assigns"),
  ],
  forms: ["complaint.registration", "complaint.handling", "quality.improvementPlan"],
  processes: [
    {
      process: processPointer.complaint,
      steps: label("接待投诉，处理一般性问题", "receives complaints and settles ordinary ones"),
    },
    {
      process: processPointer.approval,
      steps: label("权责内事项的审批", "approves within a supervisor's authority"),
    },
  ],
  clearance: "secret",
  needToKnow: [
    "organisation",
    "development",
    "relationships",
    "afterSales",
    "complaints",
    "information",
    "quality",
  ],
}

/**
 * 客户服务总监: no handbook describes the post; approval chains reach it above the manager
 * (002's approval charts, 004's 总监审批), so its duties are derived from those charts.
 */
export const serviceDirector: PostDescription = {
  post: "serviceDirector",
  source: "004 approval charts (derived)",
  rank: "director",
  department: "customerService",
  reportsTo: "generalManager",
  duties: [
    label(
      "审批超出客户服务部经理权限的事项",
      "Approve what exceeds the customer service manager's authority",
    ),
    label("审定客户服务部的制度与标准", "Endorse the department's rules and standards"),
  ],
  forms: [],
  processes: [
    { process: processPointer.approval, steps: label("总监审批", "director's approval") },
    {
      process: processPointer.creditOverride,
      steps: label("审批超限赊销", "approves exposure past the limit"),
    },
  ],
  clearance: "confidential",
  needToKnow: ["organisation", "keyAccounts", "complaints", "information", "credit", "quality", "finance"],
}

/** 总经理: not described by the handbooks beyond the approvals they give it (总经理批示), so derived from them. */
export const generalManager: PostDescription = {
  post: "generalManager",
  source: "004 approval charts (derived)",
  rank: "generalManager",
  department: "executive",
  reportsTo: undefined,
  duties: [
    label("对重大事项作出最终批示", "Give the final ruling on major matters (总经理批示)"),
    label("审批客户信用调查表与赊销限额", "Sign credit investigations and credit limits"),
  ],
  forms: [],
  processes: [{ process: processPointer.approval, steps: label("总经理批示", "general manager's ruling") }],
  clearance: "confidential",
  needToKnow: ["organisation", "keyAccounts", "complaints", "information", "credit", "quality", "finance"],
}

/** 财务部经理: consulted beside the ladder (财务部门意见 on 客户投诉处理表); derived from those forms. */
export const financeManager: PostDescription = {
  post: "financeManager",
  source: "004 ch.6 客户投诉处理表 (derived)",
  rank: "finance",
  department: "finance",
  reportsTo: "generalManager",
  duties: [
    label("对投诉赔偿与赊销给出财务意见", "Give the finance opinion on complaint remedies and credit"),
    label("核对客户账款与信用额度", "Reconcile customer accounts against credit limits"),
  ],
  forms: ["approval.deferredPayment"],
  processes: [
    { process: processPointer.complaint, steps: label("财务部门意见", "finance opinion on the remedy") },
    { process: processPointer.creditOverride, steps: label("核对应收账款", "checks receivables") },
  ],
  clearance: "confidential",
  needToKnow: ["finance", "credit", "complaints"],
}
