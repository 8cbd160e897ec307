import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * The written revisit report (⑥ 书面回访报告 of 004 ch.4 大客户回访管理流程): who was visited when,
 * what was found, the service-quality data gathered (⑤ 服务质量资料), the customer's requests and
 * what follows; approved by the key-account supervisor before it is archived (⑦).
 */
export const revisitReportForm = defineForm({
  id: "accounts.revisit-report",
  title: label("大客户回访报告", "Key account revisit report"),
  source: "004 ch.4 §13 大客户回访管理流程 ⑥",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    visitedOn: field.date({ label: label("回访日期", "Visited on") }),
    officer: field.person({ label: label("回访人", "Visited by") }),
    metWith: field.text({ label: label("接待人员", "Met with"), required: false }),
    findings: field.longText({ label: label("回访情况", "Findings") }),
    qualityData: field.longText({ label: label("服务质量资料", "Service quality data"), required: false }),
    requests: field.longText({ label: label("客户意见与要求", "Customer's requests"), required: false }),
    followUp: field.longText({ label: label("后续措施", "Follow-up"), required: false }),
  },
})
