import {
  Accounts,
  type AnyForm,
  Approval,
  Complaints,
  Credit,
  Grading,
  Information,
  Organisation,
  Planning,
  Quality,
} from "@tixi/core"

/**
 * The forms the core's processes open approvals on, beyond the request forms: without a template
 * for each, an approval the process asks for would find none in DingTalk or WeCom.
 */
export const processApprovalForms: ReadonlyArray<AnyForm> = [
  Complaints.handlingForm,
  Credit.creditRatingForm,
  Credit.creditGradeChangeForm,
  Grading.servicePlanForm,
  Accounts.revisitReportForm,
  Accounts.keyAccountAssessmentForm,
  Accounts.maintenancePlanForm,
  Accounts.maintenanceSummaryForm,
  Accounts.serviceStrategyForm,
  Accounts.keyAccountMonthlyReportForm,
  Quality.surveyPlanForm,
  Quality.improvementPlanForm,
  Quality.nonconformityForm,
  Information.classificationForm,
  Information.remedyForm,
  Information.reportForm,
  Organisation.appraisalForm,
  Organisation.trainingPlanForm,
  Organisation.organisationDesignForm,
  Planning.serviceStandardForm,
  Planning.serviceProjectForm,
] as unknown as ReadonlyArray<AnyForm>

/**
 * The forms an approvals adapter (DingTalk, WeCom) installs and renders submissions against when
 * the company names none: the approvals module's request forms, and every form a core process
 * opens an approval on (客户投诉处理表 for a complaint remedy its own policy routes, 客户信用评定,
 * 信用等级变更, the service plan, the key-account revisit report, 大客户评定表, the relationship
 * plan and its results, the key-account strategy, 大客户月报表, the survey plan, the improvement
 * plan and the non-conformity report, 信息保密管理流程's classification, remedy and report,
 * 绩效考核表 of the staff appraisal, 培训计划表 of training, 组织结构设计方案 of the organisation
 * design, and the service standard and service project of 002 ch.2). Add your own with
 * `forms: [...defaultApprovalForms, yourForm]`.
 */
export const defaultApprovalForms: ReadonlyArray<AnyForm> = [
  ...Approval.approvalRequestForms,
  ...processApprovalForms,
]
