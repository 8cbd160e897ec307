import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { NonconformitySeverity } from "../labels/quality-labels.ts"

/** 客户服务质量审核表 (000 10.6.3): an audit's scope, criteria, findings and conclusion. */
export const auditForm = defineForm({
  id: "quality.audit",
  title: label("客户服务质量审核表", "Service quality audit"),
  source: "000 ch.10 10.6.3 客户服务质量审核表; 10.4.4 客户服务质量审核流程",
  fields: {
    scope: field.longText({ label: label("审核范围", "Scope") }),
    criteria: field.longText({ label: label("审核依据", "Criteria") }),
    department: field.department({ label: label("受审核部门", "Department audited") }),
    leadAuditor: field.person({ label: label("审核组长", "Lead auditor") }),
    auditedOn: field.date({ label: label("审核日期", "Audit date") }),
    findings: field.table({
      label: label("审核发现", "Findings"),
      required: false,
      maxRows: 200,
      columns: {
        clause: field.text({ label: label("条款", "Clause") }),
        finding: field.longText({ label: label("事实描述", "Finding"), maxLength: 2000 }),
        severity: field.choice(NonconformitySeverity, { label: label("不合格类别", "Severity") }),
      },
    }),
    conclusion: field.longText({ label: label("审核结论", "Conclusion") }),
  },
})
