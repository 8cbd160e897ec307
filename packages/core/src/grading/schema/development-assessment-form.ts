import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"

/**
 * 客户开发评定表 (004 ch.2 §14): for each customer the business growth rate (业务增长率), credit
 * (信用度), margin rate (利润率) and the overall rating (综合评价) — the three factors of the
 * composite that gives the AAA / AA / A / B grade.
 */
export const developmentAssessmentForm = defineForm({
  id: "grading.development-assessment",
  title: label("客户开发评定表", "Customer development assessment"),
  source: "004 ch.2 §14 客户开发评定表",
  fields: {
    date: field.date({ label: label("日期", "Date") }),
    rows: field.table({
      label: label("评定客户", "Customers assessed"),
      maxRows: 100_000,
      columns: {
        number: field.text({ label: label("编号", "Number"), maxLength: 50 }),
        customerName: field.text({ label: label("客户名称", "Customer name") }),
        address: field.text({ label: label("地址", "Address"), required: false }),
        growthPercent: field.decimal({
          label: label("业务增长率 %", "Growth rate %"),
          decimals: 2,
          required: false,
        }),
        creditScore: field.decimal({ label: label("信用度", "Credit score"), min: 0, max: 100, decimals: 1 }),
        marginPercent: field.decimal({
          label: label("利润率 %", "Margin rate %"),
          decimals: 2,
          required: false,
        }),
        overall: field.choice(CustomerGrade, { label: label("综合评价", "Overall rating") }),
      },
    }),
    preparedBy: field.person({ label: label("填写人", "Prepared by") }),
    reviewedBy: field.person({ label: label("审核人", "Reviewed by"), required: false }),
  },
})
