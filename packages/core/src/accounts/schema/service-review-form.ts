import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ⑦ 大客户服务回顾评价 (004 ch.4 §14): each goal of the strategy against what was achieved, the
 * verdict (◇ goals met? — no sends the cycle back to ② 实施) and what to improve.
 */
export const serviceReviewForm = defineForm({
  id: "accounts.service-review",
  title: label("大客户服务回顾评价", "Key account service review"),
  source: "004 ch.4 §14 大客户服务管理流程 ⑦",
  fields: {
    goals: field.table({
      label: label("目标达成情况", "Goals against results"),
      maxRows: 30,
      columns: {
        goal: field.text({ label: label("目标", "Goal"), maxLength: 300 }),
        achieved: field.text({ label: label("实际达成", "Achieved"), maxLength: 200 }),
        met: field.boolean({ label: label("是否达成", "Met") }),
      },
    }),
    goalsMet: field.boolean({ label: label("战略目标是否达成", "Strategy goals met") }),
    evaluation: field.longText({ label: label("回顾评价", "Evaluation") }),
    improvements: field.longText({ label: label("改进措施", "Improvements"), required: false }),
  },
  rules: (value) =>
    value.goalsMet && value.goals.some((row) => !row.met)
      ? [{ path: ["goalsMet"], message: "cannot be yes while a goal is not met" }]
      : [],
})
