import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CreditGrade } from "../labels/credit-grade.ts"

/**
 * 客户信用调查总表 (004 ch.2 §9): for each customer its total and net assets (总资产, 净资产),
 * credit grade (信用等级), assessed grade (评定等级) and prospects (发展前景), each on A–D.
 */
export const creditInvestigationSummaryForm = defineForm({
  id: "credit.investigation-summary",
  title: label("客户信用调查总表", "Credit investigation summary"),
  source: "004 ch.2 §9 客户信用调查总表",
  fields: {
    date: field.date({ label: label("日期", "Date") }),
    rows: field.table({
      label: label("客户", "Customers"),
      maxRows: 100_000,
      columns: {
        customer: field.customer({ label: label("客户名称", "Customer") }),
        totalAssets: field.money({ label: label("总资产", "Total assets") }),
        netAssets: field.money({ label: label("净资产", "Net assets"), allowNegative: true }),
        creditGrade: field.choice(CreditGrade, { label: label("信用等级", "Credit grade") }),
        assessedGrade: field.choice(CreditGrade, { label: label("评定等级", "Assessed grade") }),
        prospects: field.choice(CreditGrade, { label: label("发展前景", "Prospects") }),
      },
    }),
    compiledBy: field.person({ label: label("编制", "Compiled by") }),
    filledBy: field.person({ label: label("填表人", "Filled in by"), required: false }),
  },
  rules: (value) =>
    value.rows.flatMap((row, index) =>
      row.netAssets.minor > row.totalAssets.minor
        ? [{ path: ["rows", index, "netAssets"], message: "must not exceed the total assets" }]
        : [],
    ),
})
