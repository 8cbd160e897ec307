import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * A complaint remedy above the handler's authority (客户投诉接待流程: 权责内? 否 → 审批): what
 * the handler proposes, for how much, and why. The complaint's own records stay in the
 * complaints module; this is what the approver sees.
 */
export const complaintRemedyRequestForm = defineForm({
  id: "approval.complaintRemedy",
  module: "complaints",
  title: label("投诉补偿审批单", "Complaint remedy approval"),
  source: "004 ch.6 §16 客户投诉接待流程; §9 客户投诉处理表",
  fields: {
    complaintNumber: field.text({ label: label("受理编号", "Complaint number"), maxLength: 60 }),
    customer: field.customer({ label: label("投诉客户", "Customer") }),
    // Approvers in DingTalk or WeCom see the customer's id as plain text; the name tells them who it is.
    customerName: field.text({ label: label("客户名称", "Customer name"), maxLength: 100, required: false }),
    remedy: field.longText({ label: label("处理方案", "Proposed remedy"), maxLength: 2000 }),
    amount: field.money({ label: label("补偿金额", "Remedy amount") }),
    reason: field.longText({ label: label("申请理由", "Reason"), maxLength: 2000 }),
  },
})
