import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ① 大客户管理战略与目标 (004 ch.4 §14 大客户服务管理流程): the period, the strategy, the goals with
 * their measure and target, the accounts and the revenue aimed at, and the resources; approved by
 * the general manager (审批) before it is carried out.
 */
export const serviceStrategyForm = defineForm({
  id: "accounts.service-strategy",
  title: label("大客户管理战略与目标", "Key account strategy and goals"),
  source: "004 ch.4 §14 大客户服务管理流程 ①",
  fields: {
    periodFrom: field.date({ label: label("期间：自", "Period from") }),
    periodTo: field.date({ label: label("期间：至", "Period to") }),
    strategy: field.longText({ label: label("管理战略", "Strategy") }),
    goals: field.table({
      label: label("管理目标", "Goals"),
      maxRows: 30,
      columns: {
        goal: field.text({ label: label("目标", "Goal"), maxLength: 300 }),
        measure: field.text({ label: label("衡量指标", "Measure"), maxLength: 200 }),
        target: field.text({ label: label("目标值", "Target"), maxLength: 100 }),
      },
    }),
    targetAccounts: field.integer({ label: label("目标大客户数", "Target key accounts"), required: false }),
    targetRevenue: field.money({ label: label("目标销售额", "Revenue aimed at"), required: false }),
    resources: field.longText({ label: label("资源与预算", "Resources and budget"), required: false }),
  },
  rules: (value) =>
    value.periodTo < value.periodFrom
      ? [{ path: ["periodTo"], message: "must not be before the start" }]
      : [],
})
