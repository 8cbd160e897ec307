import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CreditGrade } from "../labels/credit-grade.ts"

/**
 * 客户信用度变更表 (004 ch.7 §11): the customer, its legal representative, address and contact,
 * the year's trade (年度交易额), why the grade changes (信用等级变更原因), what changes
 * (信用度变更内容: grade and limit from → to), the plan for the customer (发展对策), and the
 * business department's approval (业务部审批).
 */
export const creditGradeChangeForm = defineForm({
  id: "credit.grade-change",
  title: label("客户信用度变更表", "Credit grade change"),
  source: "004 ch.7 §11 客户信用度变更表",
  fields: {
    customer: field.customer({ label: label("客户名称", "Customer") }),
    legalRepresentative: field.text({ label: label("法人代表", "Legal representative"), required: false }),
    address: field.text({ label: label("地址", "Address"), required: false }),
    contact: field.text({ label: label("联系方式", "Contact"), required: false }),
    annualTrade: field.money({ label: label("年度交易额", "Trade this year") }),
    reason: field.longText({ label: label("信用等级变更原因", "Reason for change") }),
    fromGrade: field.choice(CreditGrade, { label: label("原信用等级", "Grade before") }),
    toGrade: field.choice(CreditGrade, { label: label("新信用等级", "Grade after") }),
    fromLimit: field.money({ label: label("原赊销限额", "Limit before") }),
    toLimit: field.money({ label: label("新赊销限额", "Limit after") }),
    measures: field.longText({ label: label("发展对策", "Development plan"), required: false }),
    approval: field.text({ label: label("业务部审批", "Sales dept. approval"), required: false }),
    remarks: field.longText({ label: label("备注", "Remarks"), required: false }),
  },
  rules: (value) =>
    value.fromGrade === value.toGrade && value.fromLimit.minor === value.toLimit.minor
      ? [{ path: ["toGrade"], message: "a change must change the grade or the limit" }]
      : [],
})
