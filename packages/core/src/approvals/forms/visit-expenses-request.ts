import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** The expense claim after a customer visit (客户拜访管理流程 ⑩费用报销). */
export const visitExpensesRequestForm = defineForm({
  id: "approval.visitExpenses",
  module: "relationships",
  title: label("拜访费用报销单", "Visit expense claim"),
  source: "004 ch.3 §22 客户拜访管理流程",
  fields: {
    visitor: field.person({ label: label("拜访人", "Visitor") }),
    customer: field.customer({ label: label("拜访客户", "Customer") }),
    visitDate: field.date({ label: label("拜访日期", "Visit date") }),
    items: field.table({
      label: label("费用明细", "Expenses"),
      maxRows: 50,
      columns: {
        item: field.text({ label: label("费用项目", "Item") }),
        amount: field.money({ label: label("金额", "Amount") }),
      },
    }),
    total: field.money({ label: label("合计", "Total") }),
    report: field.longText({ label: label("拜访报告摘要", "Visit report summary"), required: false }),
  },
  rules: (value) => {
    let sum = 0
    for (const item of value.items) {
      if (item.amount.currency !== value.total.currency)
        return [{ path: ["total"], message: "all amounts in one currency" }]
      sum += item.amount.minor
    }
    return sum === value.total.minor
      ? []
      : [{ path: ["total"], message: "must equal the sum of the expenses" }]
  },
})
