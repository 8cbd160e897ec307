import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { SatisfactionIndicator } from "../labels/quality-labels.ts"

/**
 * 客户满意度测量报告 (④ of 客户满意度测量工作流程, 002 6.13): the round's period, each indicator
 * against its target, and the conclusions — what the approvers read at 审核 ✓.
 */
export const measurementReportForm = defineForm({
  id: "quality.measurementReport",
  title: label("客户满意度测量报告", "Customer satisfaction measurement report"),
  source: "002 6.13 客户满意度测量工作流程 ④",
  fields: {
    periodStart: field.date({ label: label("测量期间自", "Period from") }),
    periodEnd: field.date({ label: label("测量期间至", "Period to") }),
    responses: field.integer({ label: label("有效样本数", "Valid responses"), min: 0 }),
    figures: field.table({
      label: label("测量指标", "Indicators"),
      maxRows: 50,
      columns: {
        indicator: field.choice(SatisfactionIndicator, { label: label("指标", "Indicator") }),
        questionId: field.text({ label: label("题目", "Question"), maxLength: 80 }),
        value: field.decimal({ label: label("测量值", "Value"), decimals: 4 }),
        target: field.decimal({ label: label("目标值", "Target"), decimals: 4, required: false }),
        met: field.boolean({ label: label("是否达标", "Target met"), required: false }),
      },
    }),
    conclusions: field.longText({ label: label("测量结论", "Conclusions") }),
  },
})
