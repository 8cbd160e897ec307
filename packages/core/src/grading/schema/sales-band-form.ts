import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { SalesBand } from "../labels/sales-band.ts"

/**
 * 客户分级表 (004 ch.3 §8): the customers of each sales band A–E (A 90 % 以上 … E 60 % 以下)
 * with their trade (业种), name and code. `salesBandFormValue` fills it from a grading run.
 */
export const salesBandForm = defineForm({
  id: "grading.sales-bands",
  title: label("客户分级表", "Customer sales bands"),
  source: "004 ch.3 §8 客户分级表",
  fields: {
    periodFrom: field.date({ label: label("统计期间自", "Period from") }),
    periodTo: field.date({ label: label("统计期间至", "Period to") }),
    rows: field.table({
      label: label("客户等级分类", "Customers by band"),
      maxRows: 100_000,
      columns: {
        band: field.choice(SalesBand, { label: label("等级", "Band") }),
        industry: field.text({ label: label("业种", "Trade"), required: false }),
        customerName: field.text({ label: label("客户名称", "Customer name") }),
        customerCode: field.customer({ label: label("客户代码", "Customer code") }),
      },
    }),
  },
  rules: (value) =>
    value.periodTo < value.periodFrom
      ? [{ path: ["periodTo"], message: "must not be before the start" }]
      : [],
})
