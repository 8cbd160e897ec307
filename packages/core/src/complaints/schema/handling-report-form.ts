import { field } from "../../forms/field.ts"
import { defineForm, type FormValue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { Channel } from "../labels/channel.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { RootCause } from "../labels/root-cause.ts"
import { Urgency } from "../labels/urgency.ts"

/**
 * 投诉处理报告表 (handling report): the department's report to the manager once the case is
 * settled (本部门自×月×日接到客户投诉，已于×月×日案件办结): when and how the complaint came, its
 * content and urgency, the handler, the promised and the actual handling date (承诺办理日 /
 * 实际办理日, the SLA), what was done and what it cost, the cause investigation and the review.
 */
export const handlingReportForm = defineForm({
  id: "complaint.handlingReport",
  title: label("投诉处理报告表", "Complaint handling report"),
  source: "004 ch.6 §10 投诉处理报告表",
  fields: {
    complaintNumber: field.text({ label: label("投诉编号", "Complaint number"), maxLength: 60 }),
    reportDate: field.date({ label: label("报告日期", "Report date") }),
    receivedAt: field.dateTime({ label: label("投诉受理日", "Received at") }),
    channel: field.choice(Channel, { label: label("投诉受理者", "Received through") }),
    category: field.choice(ContentCategory, { label: label("投诉内容", "Content") }),
    witness: field.text({ label: label("投诉见证人", "Witness"), required: false }),
    urgency: field.choice(Urgency, { label: label("处理紧急程度", "Urgency") }),
    handler: field.person({ label: label("承办人", "Handler") }),
    promisedDate: field.date({ label: label("承诺办理日", "Promised handling date") }),
    actualDate: field.date({ label: label("实际办理日", "Actual handling date"), required: false }),
    handlingContent: field.longText({ label: label("处理内容", "What was done") }),
    cost: field.money({ label: label("费用", "Cost"), required: false }),
    guarantee: field.longText({ label: label("保障", "Guarantee given"), maxLength: 2000, required: false }),
    causeMeeting: field.longText({
      label: label("原因调查会议", "Cause investigation meeting"),
      maxLength: 2000,
      required: false,
    }),
    causeInvestigators: field.text({
      label: label("原因调查人员", "Cause investigated by"),
      maxLength: 300,
      required: false,
    }),
    cause: field.choice(RootCause, { label: label("原因", "Cause"), required: false }),
    notes: field.longText({ label: label("记载事项", "Notes"), maxLength: 2000, required: false }),
    review: field.longText({ label: label("检讨", "Review"), maxLength: 2000, required: false }),
    reporter: field.person({ label: label("报告人", "Reported by") }),
  },
  rules: (value) =>
    value.actualDate !== undefined && value.actualDate > value.reportDate
      ? [{ path: ["actualDate"], message: "the report cannot be dated before the handling" }]
      : [],
})

/** The value of a handling report. */
export type HandlingReport = FormValue<typeof handlingReportForm.fields>
