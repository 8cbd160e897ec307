import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

const optionalText = (chinese: string, english: string) =>
  field.longText({ label: label(chinese, english), maxLength: 4000, required: false })

/**
 * 客户投诉总结表 (summary of a period): how many complaints, how many a day, how many resolved and
 * the ratio, how many about product quality and the main quality problems, and the problems and
 * countermeasures of transport, processing, management and other links. `Complaints.summaryRecord`
 * fills the figures from the events; staff add the text.
 */
export const summaryForm = defineForm({
  id: "complaint.summary",
  title: label("客户投诉总结表", "Complaint summary"),
  source: "004 ch.6 §13 客户投诉总结表",
  fields: {
    from: field.date({ label: label("起始日期", "From") }),
    to: field.date({ label: label("截止日期", "To") }),
    complaintCount: field.integer({ label: label("投诉次数", "Complaints") }),
    dailyAverage: field.decimal({ label: label("每天投诉次数", "Complaints a day"), min: 0, decimals: 2 }),
    resolvedCount: field.integer({ label: label("已解决投诉次数", "Resolved") }),
    resolvedPercent: field.percent({ label: label("解决比例", "Resolved share"), decimals: 1 }),
    qualityCount: field.integer({ label: label("涉及产品质量的次数", "About product quality") }),
    mainQualityProblems: optionalText("主要质量问题", "Main quality problems"),
    countermeasures: optionalText("具体对策", "Countermeasures"),
    transport: optionalText("运输环节问题及其对策", "Transport: problems and countermeasures"),
    processing: optionalText("加工环节问题及其对策", "Processing: problems and countermeasures"),
    management: optionalText("管理环节问题及其对策", "Management: problems and countermeasures"),
    other: optionalText("其他环节问题及其对策", "Other links: problems and countermeasures"),
    remarks: optionalText("备注", "Remarks"),
  },
  rules: (value) => {
    const issues: Array<RuleIssue> = []
    if (value.to < value.from) issues.push({ path: ["to"], message: "must not be before the start" })
    if (value.resolvedCount > value.complaintCount)
      issues.push({ path: ["resolvedCount"], message: "cannot exceed the number of complaints" })
    if (value.qualityCount > value.complaintCount)
      issues.push({ path: ["qualityCount"], message: "cannot exceed the number of complaints" })
    const expected = value.complaintCount === 0 ? 0 : (value.resolvedCount / value.complaintCount) * 100
    if (Math.abs(expected - value.resolvedPercent) > 0.05)
      issues.push({
        path: ["resolvedPercent"],
        message: `must be ${expected.toFixed(1)} % (resolved ÷ complaints)`,
      })
    return issues
  },
})

/** The value of a summary. */
export type SummaryRecord = FormValue<typeof summaryForm.fields>
