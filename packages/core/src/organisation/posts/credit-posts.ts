import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/**
 * 000 ch.7 §7.2.1 客户信用主管岗位职责. The seed holds only 000's table of contents, so the duties
 * are derived from the titles of ch.7's systems, flows and forms (7.3–7.6), not quoted.
 */
export const creditSupervisor: PostDescription = {
  post: "creditSupervisor",
  source: "000 ch.7 7.2.1 (derived from ch.7 titles)",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label("建立并执行客户信用管理控制制度", "Establish and apply the credit control system (7.3.1)"),
    label("组织客户信用调查与评估", "Organise credit investigations and evaluations (7.4.1, 7.4.2)"),
    label("审核客户资信分级与资信限度", "Review credit grading and credit limits (7.4.3, 7.6.4)"),
    label(
      "控制客户资信风险，跟踪信用变化",
      "Control credit risk and track changes in standing (7.4.4, 7.6.5)",
    ),
    label("制定客户信用等级评定方案", "Draw up the credit grading plan (7.7.2)"),
  ],
  forms: [
    "credit.analysis",
    "credit.rating",
    "credit.grade-change",
    "credit.override",
    "credit.excellent-customers",
    "credit.danger-customers",
    "approval.creditGradeChange",
    "approval.creditLimitOverride",
  ],
  processes: [
    { process: processPointer.creditEvaluation, steps: label("审核信用评估", "reviews the evaluation") },
    { process: processPointer.creditGradeChange, steps: label("提出等级变更", "proposes the grade change") },
    { process: processPointer.creditOverride, steps: label("审核超限申请", "reviews the override request") },
    { process: processPointer.creditStandard, steps: label("起草信用标准", "drafts the credit standard") },
  ],
  clearance: "confidential",
  needToKnow: ["credit", "information", "finance"],
}

/** 000 ch.7 §7.2.2 客户信用专员岗位职责; duties derived from ch.7's titles as for the supervisor. */
export const creditOfficer: PostDescription = {
  post: "creditOfficer",
  source: "000 ch.7 7.2.2 (derived from ch.7 titles)",
  rank: "officer",
  department: "customerService",
  reportsTo: "creditSupervisor",
  duties: [
    label(
      "按客户信用调查工作规范实施信用调查",
      "Carry out credit investigations by the investigation norms (7.3.2)",
    ),
    label(
      "填写客户信用评估申请表与分析表",
      "Fill in the credit evaluation request and analysis (7.6.1, 7.6.2)",
    ),
    label("运用信用分析与评价模型评判客户信用", "Judge credit with the analysis and evaluation models (7.5)"),
    label("记录客户信用变化", "Record changes in customers' credit (7.6.5)"),
  ],
  forms: [
    "credit.investigation",
    "credit.analysis",
    "credit.investigation-summary",
    "approval.deferredPayment",
  ],
  processes: [
    { process: processPointer.creditEvaluation, steps: label("调查与分析", "investigates and analyses") },
    { process: processPointer.creditOverride, steps: label("提交超限申请", "submits the override request") },
  ],
  clearance: "secret",
  needToKnow: ["credit", "information"],
}
