import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { SanctionKind } from "../labels/sanction-kind.ts"
import { responsibilityColumns, responsibilityIssues } from "./responsibility.ts"

/**
 * 客户投诉案件追踪表 (case tracking), one column of the handbook's twelve: acceptance, the delivery
 * concerned, the defect, how it was handled and what it cost, responsibility by department in
 * percent (责任归属 部门 比率%), individual sanctions (个人惩处), the countersignatures, the closure
 * and its handling time (处理时效), and the reminders sent while it was open (督促记录 日期文号).
 */
export const caseTrackingForm = defineForm({
  id: "complaint.caseTracking",
  title: label("客户投诉案件追踪表", "Complaint case tracking"),
  source: "004 ch.6 §12 客户投诉案件追踪表",
  fields: {
    acceptedOn: field.date({ label: label("受理日期", "Accepted on") }),
    acceptanceNumber: field.text({ label: label("受理字号", "Acceptance number"), maxLength: 60 }),
    customer: field.text({ label: label("客户", "Customer"), maxLength: 200 }),
    deliveryNoteNumber: field.text({
      label: label("交货单编号", "Delivery note"),
      required: false,
      maxLength: 60,
    }),
    productSpec: field.text({ label: label("品名规格", "Product and specification"), required: false }),
    shippedOn: field.date({ label: label("交运日期", "Shipped on"), required: false }),
    shippedQuantity: field.integer({ label: label("交运数量", "Quantity shipped"), required: false }),
    shippedAmount: field.money({ label: label("交运金额", "Amount shipped"), required: false }),
    defectiveQuantity: field.integer({ label: label("不良数量", "Defective quantity"), required: false }),
    content: field.longText({ label: label("客户投诉内容", "Complaint") }),
    manufacturingDepartment: field.department({ label: label("制造部门", "Made by"), required: false }),
    handlingMethods: field.multiChoice(RemedyKind, {
      label: label("处理方式", "Handled by"),
      required: false,
    }),
    lossAmount: field.money({ label: label("损失金额", "Loss"), required: false }),
    responsibility: field.table({
      label: label("责任归属", "Responsibility"),
      required: false,
      maxRows: 20,
      columns: responsibilityColumns,
    }),
    sanctions: field.table({
      label: label("个人惩处", "Individual sanctions"),
      required: false,
      maxRows: 20,
      columns: {
        name: field.text({ label: label("姓名", "Name"), maxLength: 100 }),
        kind: field.choice(SanctionKind, { label: label("类别", "Kind") }),
      },
    }),
    countersignatures: field.table({
      label: label("会签", "Countersignatures"),
      description: label(
        "收件、质管部、会签部、市场营销部",
        "Receipt, quality, countersigning departments, marketing",
      ),
      required: false,
      maxRows: 20,
      columns: {
        departmentId: field.department({ label: label("部门", "Department") }),
        signedOn: field.date({ label: label("日期", "Date") }),
      },
    }),
    closedOn: field.date({ label: label("结案日期", "Closed on"), required: false }),
    handlingWorkingDays: field.decimal({
      label: label("处理时效 合计（工作日）", "Handling time (working days)"),
      min: 0,
      decimals: 2,
      required: false,
    }),
    reminders: field.table({
      label: label("督促记录", "Reminders"),
      required: false,
      maxRows: 200,
      columns: {
        date: field.date({ label: label("日期", "Date") }),
        documentNumber: field.text({ label: label("文号", "Reference"), maxLength: 80 }),
      },
    }),
    closingNumber: field.text({ label: label("结案编号", "Closing number"), required: false, maxLength: 60 }),
  },
  rules: (value) => {
    const issues: Array<RuleIssue> = [...responsibilityIssues(value.responsibility ?? [], ["responsibility"])]
    if (
      value.defectiveQuantity !== undefined &&
      value.shippedQuantity !== undefined &&
      value.defectiveQuantity > value.shippedQuantity
    )
      issues.push({ path: ["defectiveQuantity"], message: "cannot exceed the quantity shipped" })
    if (value.closingNumber !== undefined && value.closedOn === undefined)
      issues.push({ path: ["closedOn"], message: "a closing number needs the closing date" })
    if (value.closedOn !== undefined && value.closedOn < value.acceptedOn)
      issues.push({ path: ["closedOn"], message: "cannot be before the acceptance" })
    return issues
  },
})

/** The value of a case-tracking record. */
export type CaseTracking = FormValue<typeof caseTrackingForm.fields>
