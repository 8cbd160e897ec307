import { processPointer } from "../../handbook/process-pointers.ts"
import { label } from "../../labels/label.ts"
import type { PostDescription } from "../post-description.ts"

/**
 * 000 ch.10 §10.2.1 服务质量主管岗位职责. The seed holds only 000's table of contents, so the
 * duties are derived from the titles of ch.10's systems and flows (10.3–10.4), not quoted.
 */
export const qualitySupervisor: PostDescription = {
  post: "qualitySupervisor",
  source: "000 ch.10 10.2.1 (derived from ch.10 titles)",
  rank: "supervisor",
  department: "customerService",
  reportsTo: "serviceManager",
  duties: [
    label(
      "制定客户服务质量标准规范与责任制度",
      "Set the service quality standards and responsibility system (10.3)",
    ),
    label(
      "组织服务质量检查、评估与审核",
      "Organise quality inspection, evaluation and audit (10.4.1, 10.4.2, 10.4.4)",
    ),
    label("推动服务质量改进", "Drive service quality improvement (10.4.3)"),
    label("管理服务质量记录与程序文件", "Keep quality records and procedure documents (10.4.5, 10.5.5)"),
    label("考核服务质量专员", "Appraise quality officers (10.7.3)"),
  ],
  forms: [
    "quality.standard",
    "quality.document",
    "quality.audit",
    "quality.report",
    "quality.improvementPlan",
    "quality.measurementReport",
  ],
  processes: [
    { process: processPointer.qualityStandard, steps: label("起草质量标准", "drafts the standard") },
    {
      process: processPointer.qualityDocument,
      steps: label("审核程序文件", "reviews the procedure document"),
    },
    { process: processPointer.qualityReview, steps: label("组织质量审核", "leads the quality review") },
    {
      process: processPointer.loyaltyImprovement,
      steps: label("审批改进计划", "approves the improvement plan"),
    },
  ],
  clearance: "secret",
  needToKnow: ["quality", "complaints"],
}

/** 000 ch.10 §10.2.2 服务质量专员岗位职责; duties derived from ch.10's titles as for the supervisor. */
export const qualityOfficer: PostDescription = {
  post: "qualityOfficer",
  source: "000 ch.10 10.2.2 (derived from ch.10 titles)",
  rank: "officer",
  department: "customerService",
  reportsTo: "qualitySupervisor",
  duties: [
    label("按检查表实施服务质量检查", "Inspect service quality by the checklist (10.6.2)"),
    label("开展服务质量调查与评估", "Run quality surveys and evaluations (10.6.1, 10.6.4)"),
    label("记录不合格项并跟踪改正", "Record nonconformities and follow their correction (10.5.2)"),
    label("整理服务质量记录", "Keep the quality records (10.4.5)"),
  ],
  forms: [
    "quality.inspectionChecklist",
    "quality.evaluation",
    "quality.nonconformity",
    "quality.record",
    "quality.serviceQualitySurvey",
    "quality.keyAccountQuestionnaire",
    "quality.keyAccountOpinion",
  ],
  processes: [
    { process: processPointer.qualityRecord, steps: label("登记质量记录", "files quality records") },
    {
      process: processPointer.qualityReview,
      steps: label("检查并记录发现", "inspects and records findings"),
    },
    { process: processPointer.satisfactionMeasurement, steps: label("测量满意度", "measures satisfaction") },
    { process: processPointer.loyaltySurvey, steps: label("实施忠诚度调查", "runs the loyalty survey") },
  ],
  clearance: "internal",
  needToKnow: ["quality"],
}
