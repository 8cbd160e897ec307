import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { NonconformitySeverity } from "../labels/quality-labels.ts"

/** 不合格项报告及改正措施表 (000 10.5.2 不合格项改正措施): a non-conformity, its cause, the correction and its verification. */
export const nonconformityForm = defineForm({
  id: "quality.nonconformity",
  title: label("不合格项改正措施表", "Non-conformity and corrective action"),
  source: "000 ch.10 10.5.2 不合格项改正措施; 10.4.3 客户服务质量改进流程",
  fields: {
    number: field.text({ label: label("不合格项编号", "Non-conformity no."), maxLength: 60 }),
    department: field.department({ label: label("责任部门", "Responsible dept.") }),
    description: field.longText({ label: label("不合格事实", "Non-conformity") }),
    standard: field.text({ label: label("违反的标准/条款", "Standard or clause"), maxLength: 500 }),
    severity: field.choice(NonconformitySeverity, { label: label("不合格类别", "Severity") }),
    rootCause: field.longText({ label: label("原因分析", "Root cause"), required: false }),
    correction: field.longText({
      label: label("纠正（立即处理）", "Immediate correction"),
      required: false,
    }),
    correctiveAction: field.longText({ label: label("纠正措施", "Corrective action"), required: false }),
    responsible: field.person({ label: label("责任人", "Responsible person"), required: false }),
    dueOn: field.date({ label: label("完成期限", "Due date"), required: false }),
    verification: field.longText({ label: label("验证结果", "Verification"), required: false }),
    effective: field.boolean({ label: label("措施有效", "Effective"), required: false }),
    verifiedBy: field.person({ label: label("验证人", "Verified by"), required: false }),
  },
  rules: (value) => [
    ...(value.correctiveAction !== undefined && value.rootCause === undefined
      ? [{ path: ["rootCause"], message: "a corrective action needs its root cause" }]
      : []),
    ...(value.effective !== undefined && value.verifiedBy === undefined
      ? [{ path: ["verifiedBy"], message: "say who verified the action" }]
      : []),
  ],
})
