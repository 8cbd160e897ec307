import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ⑨ 维护大客户关系成效总结 (004 ch.4 §12): what the plan achieved — accounts kept, lost and won
 * back, the revenue from them, the customers' satisfaction — what did not work and what the next
 * plan should change. Reviewed (审核) before the cycle closes.
 */
export const maintenanceSummaryForm = defineForm({
  id: "accounts.maintenance-summary",
  title: label("维护大客户关系成效总结", "Key account relationship results"),
  source: "004 ch.4 §12 大客户关系维护流程 ⑨",
  fields: {
    accountsKept: field.integer({ label: label("保持的大客户数", "Accounts kept") }),
    accountsLost: field.integer({ label: label("流失的大客户数", "Accounts lost") }),
    revenue: field.money({ label: label("期间大客户销售额", "Revenue"), required: false }),
    satisfaction: field.decimal({
      label: label("客户满意度（1–5）", "Satisfaction (1–5)"),
      min: 1,
      max: 5,
      decimals: 1,
      required: false,
    }),
    results: field.longText({ label: label("成效", "Results") }),
    shortcomings: field.longText({ label: label("不足", "What did not work"), required: false }),
    nextSteps: field.longText({ label: label("改进建议", "Changes next time"), required: false }),
  },
})
