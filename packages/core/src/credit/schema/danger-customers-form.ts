import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { BankruptcySign } from "../labels/bankruptcy-sign.ts"
import { DangerSignal } from "../labels/danger-signal.ts"

/**
 * 危险客户统计表 (004 ch.7 §13): each customer at risk with its code, main business, responsible
 * person, business performance (经营表现), financial condition (财务状况) and signs of bankruptcy
 * (破产征兆); tixi adds the danger signals that put it on the list.
 */
export const dangerCustomersForm = defineForm({
  id: "credit.danger-customers",
  title: label("危险客户统计表", "Customers at risk"),
  source: "004 ch.7 §13 危险客户统计表",
  fields: {
    date: field.date({ label: label("日期", "Date") }),
    rows: field.table({
      label: label("危险客户", "Customers at risk"),
      maxRows: 100_000,
      columns: {
        customerName: field.text({ label: label("危险客户名称", "Customer name") }),
        customerCode: field.customer({ label: label("客户编号", "Customer code") }),
        mainBusiness: field.text({ label: label("主营项目", "Main business"), required: false }),
        responsiblePerson: field.text({ label: label("负责人", "Responsible person"), required: false }),
        performance: field.text({
          label: label("经营表现", "Business performance"),
          required: false,
          maxLength: 500,
        }),
        financialCondition: field.text({
          label: label("财务状况", "Financial condition"),
          required: false,
          maxLength: 500,
        }),
        bankruptcySigns: field.multiChoice(BankruptcySign, {
          label: label("破产征兆", "Signs of bankruptcy"),
          required: false,
        }),
        signals: field.multiChoice(DangerSignal, { label: label("危险信号", "Danger signals") }),
      },
    }),
  },
})
