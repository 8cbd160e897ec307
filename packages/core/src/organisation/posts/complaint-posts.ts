import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/** 004 ch.6 §1 客户投诉主管的岗位职责. */
export const complaintSupervisor: PostDescription = {
  post: "complaintSupervisor",
  source: "004 ch.6 §1",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label("负责客户投诉相关制度的制定，经审批后执行", "Set complaint rules and apply them once approved"),
    label("负责制定统一的客户投诉案件处理程序和方法", "Set one procedure and method for complaint cases"),
    label("定期对客户投诉专员投诉受理情况进行检查", "Check complaint officers' intake regularly"),
    label("负责对客户投诉专员进行投诉受理方式、方法的培训", "Train complaint officers in taking complaints"),
    label("负责特殊客户投诉工作的受理及跟踪处理", "Take and follow special complaints"),
    label("负责对客户服务部门工作进行服务质量评估", "Assess the service quality of the department's work"),
    label(
      "协助各部门开展对客户投诉案件的分析和处理工作",
      "Help departments analyse and settle complaint cases",
    ),
    label(
      "负责检查审核《投诉处理通知》，确定具体的处理部门",
      "Check the complaint notice and decide which department handles it",
    ),
    label(
      "负责定期向客户服务经理汇报客户投诉管理的工作情况",
      "Report regularly to the service manager on complaint management",
    ),
    label("客户投诉突发性事件的处理", "Handle complaint emergencies"),
    label("完成领导临时交办的工作", "Other work superiors assign"),
  ],
  forms: [
    "complaint.notice",
    "complaint.handling",
    "complaint.analysis",
    "complaint.summary",
    "approval.complaintRemedy",
  ],
  processes: [
    {
      process: processPointer.complaint,
      steps: label(
        "审核投诉处理通知，确定处理部门，审批补偿",
        "checks the notice, assigns the department, approves remedies",
      ),
    },
    {
      process: processPointer.complaintAnalysis,
      steps: label("组织投诉分析", "organises the complaint analysis"),
    },
  ],
  clearance: "secret",
  needToKnow: ["complaints", "afterSales", "quality"],
}

/** 004 ch.6 §2 客户投诉专员的岗位职责. */
export const complaintOfficer: PostDescription = {
  post: "complaintOfficer",
  source: "004 ch.6 §2",
  rank: "officer",
  department: "customerService",
  reportsTo: "complaintSupervisor",
  duties: [
    label("负责对客户投诉案件进行登记、编号、整理", "Register, number and file complaint cases"),
    label(
      "负责对投诉案件进行分类并交付主要办理部门",
      "Classify cases and hand them to the handling department",
    ),
    label("负责协助各部门对客户投诉的原因进行调查", "Help departments investigate complaint causes"),
    label("负责提交客户投诉调查报告，分发给企业有关部门", "Submit the investigation report and circulate it"),
    label(
      "负责受理客户投诉，跟踪商品售后信息，做好客户回访工作",
      "Take complaints, track after-sales information and call customers back",
    ),
    label("将跟踪处理结果提交企业有关部门", "Report tracked outcomes to departments concerned"),
    label("协助投诉主管完成投诉相关制度、规划的草拟", "Help the supervisor draft complaint rules and plans"),
    label("完成上级领导临时交办的工作", "Other work superiors assign"),
  ],
  forms: [
    "complaint.registration",
    "complaint.grievance",
    "complaint.investigation",
    "complaint.caseTracking",
    "complaint.handlingRecord",
    "complaint.statistics",
  ],
  processes: [
    {
      process: processPointer.complaint,
      steps: label("登记、分类、调查、回访", "registers, classifies, investigates, calls back"),
    },
    { process: processPointer.complaintAnalysis, steps: label("统计投诉", "compiles the statistics") },
  ],
  // Talks to customers, whose personal data (a natural person's phone and address) is 秘密.
  clearance: "secret",
  needToKnow: ["complaints"],
}
