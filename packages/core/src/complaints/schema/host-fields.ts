import type { Enumeration } from "../../labels/enumeration.ts"
import { type Label, label } from "../../labels/label.ts"
import type { FieldSpec, HostFieldType } from "../../ports/host-crm.ts"
import { Channel } from "../labels/channel.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { PauseReason } from "../labels/pause-reason.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import { RootCause } from "../labels/root-cause.ts"
import { Urgency } from "../labels/urgency.ts"

/**
 * The names of the custom fields a complaint writes on its host case. Adapters prefix and case
 * them for the host (HubSpot `tixi_complaint_urgency`, Salesforce `Tixi_Complaint_Urgency__c`).
 */
export const complaintFieldNames = {
  number: "complaint_number",
  type: "complaint_type",
  category: "complaint_category",
  channel: "complaint_channel",
  urgency: "complaint_urgency",
  receivedAt: "complaint_received_at",
  firstResponseDueAt: "complaint_first_response_due_at",
  firstRespondedAt: "complaint_first_responded_at",
  resolutionDueAt: "complaint_resolution_due_at",
  resolvedAt: "complaint_resolved_at",
  firstResponseBreached: "complaint_first_response_breached",
  resolutionBreached: "complaint_resolution_breached",
  escalationLevel: "complaint_escalation_level",
  waitingOnCustomer: "complaint_waiting_on_customer",
  pauseReason: "complaint_pause_reason",
  cause: "complaint_cause",
  ownSide: "complaint_own_side",
  responsibleDepartments: "complaint_responsible_departments",
  remedyKinds: "complaint_remedy_kinds",
  remedyAmount: "complaint_remedy_amount",
  approvalStatus: "complaint_approval_status",
  loss: "complaint_loss",
  outcome: "complaint_outcome",
  rejectionReason: "complaint_rejection_reason",
  satisfaction: "complaint_satisfaction",
  reopenCount: "complaint_reopen_count",
  policyVersion: "complaint_policy_version",
} as const

const options = <Value extends string>(enumeration: Enumeration<Value>) =>
  enumeration.values.map((value) => ({ value, label: enumeration.labels[value] }))

const spec = (
  name: string,
  fieldLabel: Label,
  type: HostFieldType,
  extra: { readonly description?: Label; readonly options?: NonNullable<FieldSpec["options"]> } = {},
): FieldSpec => ({ object: "case", name, label: fieldLabel, type, ...extra })

const names = complaintFieldNames

/**
 * The custom fields of the complaint case, for host installers: HubSpot ticket properties,
 * Salesforce Case fields, with picklist options from the labels. Money fields hold major units
 * (yuan) in the policy's currency; date-times hold epoch milliseconds; multi-choice values are
 * joined with `;` (HubSpot's checkbox format).
 */
export const complaintCaseFields: ReadonlyArray<FieldSpec> = [
  spec(names.number, label("受理编号", "Complaint number"), "text"),
  spec(names.type, label("投诉类型", "Type of complaint"), "choice", { options: options(ComplaintType) }),
  spec(names.category, label("投诉内容", "Content"), "choice", { options: options(ContentCategory) }),
  spec(names.channel, label("投诉方式", "Channel"), "choice", { options: options(Channel) }),
  spec(names.urgency, label("处理紧急程度", "Urgency"), "choice", { options: options(Urgency) }),
  spec(names.receivedAt, label("投诉受理日", "Received at"), "dateTime"),
  spec(names.firstResponseDueAt, label("首次响应期限", "First response due"), "dateTime"),
  spec(names.firstRespondedAt, label("首次响应时间", "First responded at"), "dateTime"),
  spec(names.resolutionDueAt, label("承诺办理期限", "Promised handling deadline"), "dateTime"),
  spec(names.resolvedAt, label("实际办理日", "Actual handling date"), "dateTime"),
  spec(names.firstResponseBreached, label("首次响应超时", "First response overdue"), "boolean"),
  spec(names.resolutionBreached, label("办理超时", "Resolution overdue"), "boolean"),
  spec(names.escalationLevel, label("升级级别", "Escalation level"), "number", {
    description: label("0 未升级，1 主管，2 经理，3 总监", "0 none, 1 supervisor, 2 manager, 3 director"),
  }),
  spec(names.waitingOnCustomer, label("等待客户", "Waiting on the customer"), "boolean"),
  spec(names.pauseReason, label("暂停原因", "Why the clock is stopped"), "choice", {
    options: options(PauseReason),
  }),
  spec(names.cause, label("原因", "Root cause"), "choice", { options: options(RootCause) }),
  spec(names.ownSide, label("己方原因", "Our cause"), "boolean"),
  spec(names.responsibleDepartments, label("责任归属", "Responsibility"), "text", {
    description: label(
      "部门与比率，如 quality 60%; logistics 40%",
      "Departments and shares, e.g. quality 60%; logistics 40%",
    ),
  }),
  spec(names.remedyKinds, label("处理方式", "Remedies"), "multiChoice", { options: options(RemedyKind) }),
  spec(names.remedyAmount, label("方案金额", "Remedy amount"), "money"),
  spec(names.approvalStatus, label("审批状态", "Approval"), "choice", {
    options: [
      { value: "notRequired", label: label("权责内，无需审批", "Within authority") },
      { value: "pending", label: label("审批中", "Pending") },
      { value: "approved", label: label("已批准", "Approved") },
      { value: "rejected", label: label("已驳回", "Rejected") },
      { value: "withdrawn", label: label("已撤回", "Withdrawn") },
    ],
  }),
  spec(names.loss, label("损失金额", "Loss"), "money"),
  spec(names.outcome, label("处理结果", "Outcome"), "choice", { options: options(ResolutionOutcome) }),
  spec(names.rejectionReason, label("不予受理理由", "Reason for not accepting"), "choice", {
    options: options(RejectionReason),
  }),
  spec(names.satisfaction, label("回访满意度", "Satisfaction at follow-up"), "number", {
    description: label("1 非常不满意 … 5 非常满意", "1 very dissatisfied … 5 very satisfied"),
  }),
  spec(names.reopenCount, label("重开次数", "Times reopened"), "number"),
  spec(names.policyVersion, label("制度版本", "Policy version"), "text"),
]
