import { field } from "../../forms/field.ts"
import { defineForm, type FormValue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { ContentCategory } from "../labels/content-category.ts"

/**
 * 客户投诉调查表 (investigation form): for one kind of complaint, the cases investigated, each with
 * its summary, cause, handling, countermeasure, work improvement and suggestion. The officer
 * hands it to the departments concerned (客户投诉专员 职责 4).
 */
export const investigationForm = defineForm({
  id: "complaint.investigation",
  title: label("客户投诉调查表", "Complaint investigation form"),
  source: "004 ch.6 §5 客户投诉调查表",
  fields: {
    category: field.choice(ContentCategory, { label: label("投诉种类", "Kind of complaint") }),
    filledOn: field.date({ label: label("填写日期", "Filled in on") }),
    cases: field.table({
      label: label("受理案件", "Cases"),
      maxRows: 500,
      columns: {
        complaintNumber: field.text({ label: label("受理案件编号", "Complaint number"), maxLength: 60 }),
        summary: field.text({ label: label("摘要", "Summary"), maxLength: 200 }),
        cause: field.longText({ label: label("发生原因", "Cause"), maxLength: 2000 }),
        handling: field.longText({ label: label("处理经过", "Handling"), maxLength: 2000, required: false }),
        countermeasure: field.longText({
          label: label("对策", "Countermeasure"),
          maxLength: 2000,
          required: false,
        }),
        improvement: field.longText({
          label: label("工作改进", "Work improvement"),
          maxLength: 2000,
          required: false,
        }),
        suggestion: field.longText({ label: label("建议", "Suggestion"), maxLength: 2000, required: false }),
      },
    }),
    preparedBy: field.person({ label: label("制表", "Prepared by"), required: false }),
    reviewedBy: field.person({ label: label("审核", "Reviewed by"), required: false }),
  },
  rules: (value) => {
    const seen = new Set<string>()
    return value.cases.flatMap((row, index) => {
      const duplicate = seen.has(row.complaintNumber)
      seen.add(row.complaintNumber)
      return duplicate
        ? [{ path: ["cases", index, "complaintNumber"], message: "each complaint at most once" }]
        : []
    })
  },
})

/** The value of an investigation form. */
export type InvestigationRecord = FormValue<typeof investigationForm.fields>
