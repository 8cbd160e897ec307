import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.5 §1 售后服务主管的岗位职责. */
export const afterSalesSupervisor: PostDescription = {
  post: "afterSalesSupervisor",
  source: "004 ch.5 §1",
  rank: "supervisor",
  department: "afterSales",
  reportsTo: "serviceManager",
  duties: [
    label(
      "负责制定、修改和实施相关售后服务标准、计划与政策",
      "Set, revise and apply after-sales standards, plans and policies",
    ),
    label("负责售后服务部年度工作计划的制定", "Draw up the department's annual work plan"),
    label("负责售后服务部工作任务的分解并监督执行", "Break down the department's tasks and supervise them"),
    label("负责售后服务资源的统一规划和配置", "Plan and allocate after-sales resources"),
    label("负责售后服务部内部人员的管理及工作的统一调配", "Manage and deploy the department's staff"),
    label("售后服务部门人员工作的指导和监督", "Guide and supervise the department's staff"),
    label(
      "接受和处理顾客的投诉并及时向相关部门反馈",
      "Take and handle customer complaints and report to departments concerned",
    ),
    label("由于用户服务而引起的突发性事件的处理", "Handle emergencies arising from service to users"),
    label(
      "组织编写月、季、年度售后服务总结报告",
      "Have the monthly, quarterly and annual after-sales reports written",
    ),
  ],
  forms: ["complaint.handling", "complaint.handlingReport"],
  processes: [
    { process: processPointer.complaint, steps: label("处理顾客投诉", "handles customer complaints") },
  ],
  clearance: "secret",
  needToKnow: ["afterSales", "complaints"],
}

/** 004 ch.5 §2 售后服务专员的岗位职责. */
export const afterSalesOfficer: PostDescription = {
  post: "afterSalesOfficer",
  source: "004 ch.5 §2",
  rank: "officer",
  department: "afterSales",
  reportsTo: "afterSalesSupervisor",
  duties: [
    label(
      "售后服务中心热线电话的接听并记录相关信息",
      "Answer the after-sales hotline and record the details",
    ),
    label("客户抱怨、投诉、纠纷的受理与记录", "Take and record grievances, complaints and disputes"),
    label("客户意见的收集与反馈", "Collect and pass on customer opinions"),
    label(
      "整理和分析产品售后服务过程中反馈的数据和信息并转送相关部门",
      "Analyse after-sales feedback and forward it to departments",
    ),
    label("售后服务文件的整理、存档", "Sort and file after-sales documents"),
  ],
  forms: ["complaint.registration", "complaint.grievance"],
  processes: [
    { process: processPointer.complaint, steps: label("受理与登记", "takes and registers complaints") },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["afterSales"],
}
