import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 客户服务质量报告书 (000 10.6.5): the period's report, indices with their intervals, issues and measures. */
export const qualityReportForm = defineForm({
  id: "quality.report",
  title: label("客户服务质量报告书", "Service quality report"),
  source: "000 ch.10 10.6.5 客户服务质量报告书",
  fields: {
    periodStart: field.date({ label: label("报告期间自", "Period from") }),
    periodEnd: field.date({ label: label("报告期间至", "Period to") }),
    preparedBy: field.person({ label: label("编制人", "Prepared by") }),
    summary: field.longText({ label: label("总体情况", "Summary") }),
    indices: field.table({
      label: label("质量指标", "Indices"),
      maxRows: 50,
      columns: {
        index: field.text({ label: label("指标", "Index") }),
        value: field.text({ label: label("结果（含置信区间）", "Result (with interval)"), maxLength: 300 }),
        previous: field.text({
          label: label("上期结果", "Previous result"),
          maxLength: 300,
          required: false,
        }),
        verdict: field.text({ label: label("结论", "Verdict"), maxLength: 200, required: false }),
      },
    }),
    issues: field.longText({ label: label("主要问题", "Main issues") }),
    measures: field.longText({ label: label("改进措施", "Improvement measures") }),
    reviewedBy: field.person({ label: label("审核人", "Reviewed by"), required: false }),
    approvedBy: field.person({ label: label("批准人", "Approved by"), required: false }),
  },
  rules: (value) =>
    value.periodEnd < value.periodStart
      ? [{ path: ["periodEnd"], message: "must not be before the start" }]
      : [],
})
