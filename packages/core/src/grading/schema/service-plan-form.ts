import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * 《客户服务方案》 (004 ch.3 §25 客户关系维护管理流程 ⑥⑦): the plan of service per grade for the
 * period, with the grading it rests on, as the manager approves it.
 */
export const servicePlanForm = defineForm({
  id: "grading.service-plan",
  title: label("客户服务方案", "Customer service plan"),
  source: "004 ch.3 §25 客户关系维护管理流程 ⑥⑦",
  fields: {
    period: field.text({ label: label("期间", "Period"), maxLength: 50 }),
    customers: field.integer({ label: label("分级客户数", "Customers graded") }),
    gradeSummary: field.text({ label: label("等级分布", "Customers by grade"), maxLength: 200 }),
    upgrades: field.integer({ label: label("升级客户数", "Upgraded") }),
    downgrades: field.integer({ label: label("降级客户数", "Downgraded") }),
    plan: field.longText({ label: label("服务方案", "Plan"), maxLength: 20_000 }),
  },
})
