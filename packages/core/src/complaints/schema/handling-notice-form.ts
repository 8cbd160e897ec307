import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"

/**
 * 客户投诉处理通知单 (handling notice): sent by the complaints desk to the department that must act
 * (the supervisor checks it and names the department, 客户投诉主管 职责 8): the complaint, the order,
 * the department where the problem arose, the claim, the promised and actual deadlines, the
 * investigation result, what the customer wants and the company's measures.
 */
export const handlingNoticeForm = defineForm({
  id: "complaint.notice",
  title: label("客户投诉处理通知单", "Complaint handling notice"),
  source: "004 ch.6 §11 客户投诉处理通知单",
  fields: {
    documentNumber: field.text({ label: label("发文号", "Document number"), required: false, maxLength: 60 }),
    filledOn: field.date({ label: label("填写日期", "Filled in on") }),
    complaintNumber: field.text({ label: label("投诉编号", "Complaint number"), maxLength: 60 }),
    customerName: field.text({ label: label("客户姓名", "Customer name"), maxLength: 100 }),
    handler: field.person({ label: label("经办", "Handled by") }),
    responsibleDepartment: field.department({ label: label("主管部门", "Department in charge") }),
    content: field.longText({ label: label("投诉内容", "Complaint") }),
    orderNumber: field.text({ label: label("订单编号", "Order number"), required: false, maxLength: 60 }),
    originDepartment: field.department({
      label: label("问题发生部门", "Department where the problem arose"),
      required: false,
    }),
    orderDate: field.date({ label: label("订购日期", "Order date"), required: false }),
    productionDate: field.date({ label: label("生产日期", "Production date"), required: false }),
    demand: field.longText({ label: label("客户要求", "Customer's demand"), maxLength: 2000 }),
    claimQuantity: field.integer({ label: label("索赔个数", "Quantity claimed"), required: false }),
    claimAmount: field.money({ label: label("索赔金额", "Amount claimed"), required: false }),
    promisedDate: field.date({ label: label("承诺处理期限", "Promised deadline") }),
    actualDate: field.date({ label: label("实际处理期限", "Actual handling date"), required: false }),
    investigationResult: field.longText({
      label: label("调查结果", "Investigation result"),
      maxLength: 2000,
      required: false,
    }),
    customerWishes: field.multiChoice(RemedyKind, {
      label: label("客户希望", "Customer wishes"),
      required: false,
    }),
    salesObservation: field.longText({
      label: label("营业部观察结果", "Sales department's observation"),
      maxLength: 2000,
      required: false,
    }),
    measures: field.longText({
      label: label("公司对策实施要领", "How the company's measures are carried out"),
      maxLength: 2000,
      required: false,
    }),
    measuresConfirmed: field.boolean({ label: label("对策实施确认", "Measures confirmed"), required: false }),
  },
  rules: (value) => {
    const issues: Array<RuleIssue> = []
    if (value.measuresConfirmed === true && value.measures === undefined)
      issues.push({ path: ["measures"], message: "confirming the measures needs the measures" })
    return issues
  },
})

/** The value of a handling notice. */
export type HandlingNotice = FormValue<typeof handlingNoticeForm.fields>
