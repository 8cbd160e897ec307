import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { GrievanceKind, GrievancePriority } from "../labels/grievance.ts"

const item = (chinese: string, english: string) => ({
  content: field.longText({ label: label(chinese, english), maxLength: 2000, required: false }),
  owner: field.person({ label: label("责任单位负责人", "Head of the unit responsible"), required: false }),
})

/**
 * 客户抱怨处理表 (grievance handling form): the quality side of a grievance about goods — the
 * delivery concerned (model, quantity, lot, shipping note), and for each item its content and
 * the head of the unit responsible: the grievance, the emergency measure (公司应急措施), the
 * cause and defect-rate analysis (抱怨原因及不良率分析), the measure against recurrence (防止再发对策)
 * and the handling opinion; then the countersigning departments.
 */
export const grievanceHandlingForm = defineForm({
  id: "complaint.grievanceHandling",
  title: label("客户抱怨处理表", "Grievance handling form"),
  source: "004 ch.6 §15 客户抱怨处理表",
  fields: {
    priority: field.choice(GrievancePriority, { label: label("缓急", "Priority") }),
    date: field.date({ label: label("日期", "Date") }),
    customerName: field.text({ label: label("客户名称", "Customer"), maxLength: 200 }),
    kind: field.choice(GrievanceKind, { label: label("抱怨 / 退货", "Grievance or return") }),
    product: field.text({ label: label("品名", "Product") }),
    model: field.text({ label: label("型号", "Model"), required: false }),
    quantity: field.integer({ label: label("数量", "Quantity"), required: false }),
    lotNumber: field.text({ label: label("交货批号", "Delivery lot"), required: false, maxLength: 60 }),
    shippedOn: field.date({ label: label("出货日期", "Shipped on"), required: false }),
    shippingNoteNumber: field.text({
      label: label("出货单 No.", "Shipping note"),
      required: false,
      maxLength: 60,
    }),
    grievance: field.table({
      label: label("抱怨内容", "The grievance"),
      maxRows: 1,
      columns: item("内容", "Content"),
    }),
    emergencyMeasure: field.table({
      label: label("公司应急措施", "Emergency measure"),
      required: false,
      maxRows: 1,
      columns: item("内容", "Content"),
    }),
    causeAnalysis: field.table({
      label: label("抱怨原因及不良率分析", "Cause and defect-rate analysis"),
      required: false,
      maxRows: 1,
      columns: {
        ...item("内容", "Content"),
        defectRatePercent: field.percent({
          label: label("不良率%", "Defect rate %"),
          decimals: 2,
          required: false,
        }),
      },
    }),
    recurrencePrevention: field.table({
      label: label("防止再发对策", "Against recurrence"),
      required: false,
      maxRows: 1,
      columns: item("内容", "Content"),
    }),
    handlingOpinion: field.table({
      label: label("抱怨处理意见", "Handling opinion"),
      required: false,
      maxRows: 1,
      columns: item("内容", "Content"),
    }),
    countersigningDepartments: field.text({
      label: label("会签部门", "Countersigning departments"),
      required: false,
      maxLength: 300,
    }),
    remarks: field.longText({ label: label("备注", "Remarks"), maxLength: 2000, required: false }),
    preparedBy: field.person({ label: label("制表", "Prepared by"), required: false }),
    reviewedBy: field.person({ label: label("审核", "Reviewed by"), required: false }),
  },
  rules: (value) => {
    const issues: Array<RuleIssue> = []
    if (value.kind === "return" && value.quantity === undefined)
      issues.push({ path: ["quantity"], message: "a return names the quantity returned" })
    if (value.shippedOn !== undefined && value.shippedOn > value.date)
      issues.push({ path: ["shippedOn"], message: "cannot be after the grievance" })
    return issues
  },
})

/** The value of a grievance handling form. */
export type GrievanceHandling = FormValue<typeof grievanceHandlingForm.fields>
