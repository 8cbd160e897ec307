import { type AnyForm, Approval, Complaints } from "@tixi/core"

/**
 * The forms an approvals adapter (DingTalk, WeCom) installs and renders submissions against when
 * the company names none: the approvals module's request forms, and 客户投诉处理表, which a complaint
 * carries when its own policy builds the remedy chain. With both installed, a remedy approval
 * finds its template whichever way the company routes it. Add your own with
 * `forms: [...defaultApprovalForms, yourForm]`.
 */
export const defaultApprovalForms: ReadonlyArray<AnyForm> = [
  ...Approval.approvalRequestForms,
  Complaints.handlingForm as unknown as AnyForm,
]
