import { field } from "../../forms/field.ts"
import { defineForm, type FormValue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { ContentCategory } from "../labels/content-category.ts"

/**
 * 客户投诉分析表 (analysis worksheet): for one complaint, the difficulties the handler expects, the
 * strategy, whether the customer's expectation was met, the main measures, and the suggestions
 * of the supervisor and the officer. Staff fill it in; the statistics are in `Complaints.models`.
 */
export const analysisForm = defineForm({
  id: "complaint.analysis",
  title: label("客户投诉分析表", "Complaint analysis worksheet"),
  source: "004 ch.6 §7 客户投诉分析表",
  fields: {
    complaintNumber: field.text({ label: label("投诉编号", "Complaint number"), maxLength: 60 }),
    customerName: field.text({ label: label("客户名称", "Customer") }),
    acceptedOn: field.date({ label: label("受理日期", "Accepted on") }),
    category: field.choice(ContentCategory, { label: label("投诉种类", "Kind of complaint") }),
    promisedDate: field.date({ label: label("承诺期限", "Promised date") }),
    reason: field.longText({ label: label("投诉缘由", "Reason for the complaint") }),
    demand: field.longText({ label: label("客户要求", "Customer's demand"), maxLength: 2000 }),
    difficulties: field.longText({
      label: label("在处理中可能遇到的困难", "Difficulties expected"),
      maxLength: 2000,
      required: false,
    }),
    strategy: field.longText({ label: label("应对策略", "Strategy"), maxLength: 2000, required: false }),
    expectationMet: field.boolean({
      label: label("顾客期望是否达成", "Customer's expectation met"),
      required: false,
    }),
    mainMeasures: field.longText({
      label: label("采取主要措施", "Main measures"),
      maxLength: 2000,
      required: false,
    }),
    supervisorSuggestion: field.longText({
      label: label("客户投诉主管建议", "Supervisor's suggestion"),
      maxLength: 2000,
      required: false,
    }),
    officerSuggestion: field.longText({
      label: label("客户投诉专员建议", "Officer's suggestion"),
      maxLength: 2000,
      required: false,
    }),
  },
  rules: (value) =>
    value.promisedDate < value.acceptedOn
      ? [{ path: ["promisedDate"], message: "cannot be before the acceptance" }]
      : [],
})

/** The value of an analysis worksheet. */
export type AnalysisWorksheet = FormValue<typeof analysisForm.fields>
