import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { Role } from "../../roles/role.ts"
import { DocumentKind } from "../labels/quality-system-labels.ts"

/**
 * 质量体系文件编制审批及发放记录表 (002 10.2 服务质量体系文件管理, 10.3 文件编制): one controlled
 * document version from drafting through review, approval and distribution with each recipient's
 * acknowledgement, so the approver sees on one form what is approved and who will receive it.
 */
export const documentForm = defineForm({
  id: "quality.document",
  title: label(
    "质量体系文件编制审批及发放记录表",
    "Quality system document approval and distribution record",
  ),
  source: "002 ch.10 10.2 服务质量体系文件管理流程; 10.3 服务质量体系文件编制流程; 000 ch.10 10.5.5",
  fields: {
    documentNumber: field.text({ label: label("文件编号", "Document no."), maxLength: 200 }),
    title: field.text({ label: label("文件名称", "Document title"), maxLength: 200 }),
    kind: field.choice(DocumentKind, { label: label("文件类别", "Document kind") }),
    version: field.integer({ label: label("版本号", "Version"), min: 1, max: 9999 }),
    author: field.person({ label: label("编制人", "Drafted by") }),
    draftedOn: field.date({ label: label("编制日期", "Drafted on") }),
    changeSummary: field.longText({
      label: label("编制/修订说明", "Drafting or revision note"),
      maxLength: 2000,
      required: false,
    }),
    content: field.longText({ label: label("文件内容", "Content"), maxLength: 20000 }),
    reviewer: field.person({ label: label("审核人", "Reviewed by"), required: false }),
    reviewComments: field.longText({ label: label("审核意见", "Review comments"), required: false }),
    approver: field.person({ label: label("批准人", "Approved by"), required: false }),
    approvedOn: field.date({ label: label("批准日期", "Approved on"), required: false }),
    effectiveOn: field.date({ label: label("生效日期", "Effective from"), required: false }),
    distribution: field.table({
      label: label("发放范围", "Distribution"),
      required: false,
      maxRows: 200,
      columns: {
        department: field.department({ label: label("发放部门", "Department") }),
        post: field.choice(Role, { label: label("接收岗位", "Post") }),
        acknowledgedBy: field.person({ label: label("签收人", "Acknowledged by"), required: false }),
        acknowledgedOn: field.date({ label: label("签收日期", "Acknowledged on"), required: false }),
      },
    }),
    withdrawalReason: field.longText({ label: label("废止原因", "Reason for withdrawal"), required: false }),
  },
  rules: (value) => [
    ...(value.version > 1 && value.changeSummary === undefined
      ? [{ path: ["changeSummary"], message: "a revision says what changed" }]
      : []),
    ...(value.approvedOn !== undefined && value.approver === undefined
      ? [{ path: ["approver"], message: "say who approved the document" }]
      : []),
  ],
})
