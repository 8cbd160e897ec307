import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { MaintenanceMeasure } from "../labels/maintenance-measure.ts"

/**
 * 《大客户关系维护方案》 (① of 004 ch.4 §12 大客户关系维护流程): the accounts it covers, the period,
 * the objectives, the measures ③–⑧ it commits to with what each means for these accounts, and
 * how the officers keep in touch (与客户保持持续沟通). Approved (审批) before it is carried out.
 */
export const maintenancePlanForm = defineForm({
  id: "accounts.maintenance-plan",
  title: label("大客户关系维护方案", "Key account relationship plan"),
  source: "004 ch.4 §12 大客户关系维护流程 ①",
  fields: {
    accounts: field.table({
      label: label("维护客户", "Accounts covered"),
      maxRows: 1000,
      columns: {
        customer: field.customer({ label: label("客户名称", "Customer") }),
        officer: field.person({ label: label("负责专员", "Officer in charge") }),
      },
    }),
    periodFrom: field.date({ label: label("方案期间：自", "Period from") }),
    periodTo: field.date({ label: label("方案期间：至", "Period to") }),
    objectives: field.longText({ label: label("维护目标", "Objectives") }),
    measures: field.table({
      label: label("维护措施", "Measures"),
      maxRows: 6,
      columns: {
        measure: field.choice(MaintenanceMeasure, { label: label("措施", "Measure") }),
        content: field.longText({ label: label("具体内容", "What it means here"), maxLength: 2000 }),
      },
    }),
    communication: field.longText({
      label: label("与客户保持持续沟通的方式", "How we keep in touch"),
      required: false,
    }),
    budget: field.money({ label: label("费用预算", "Budget"), required: false }),
  },
  rules: (value) => [
    ...(value.periodTo < value.periodFrom
      ? [{ path: ["periodTo"], message: "must not be before the start" }]
      : []),
    ...value.measures.flatMap((row, index) =>
      value.measures.findIndex((other) => other.measure === row.measure) < index
        ? [{ path: ["measures", index, "measure"], message: "each measure once" }]
        : [],
    ),
  ],
})
