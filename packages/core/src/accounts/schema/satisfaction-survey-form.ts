import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { SurveyGroup } from "../labels/survey-group.ts"

/**
 * 大客户问卷调查表 (004 ch.4 §8): each question with the previous score (上次评分), the current
 * score (本次评分) and the gap analysis (差异分析), and the customer's feedback (客户反馈信息).
 * `satisfactionGap` computes the gaps and marks what clearly moved.
 */
export const satisfactionSurveyForm = defineForm({
  id: "accounts.satisfaction-survey",
  title: label("大客户问卷调查表", "Key account survey"),
  source: "004 ch.4 §8 大客户问卷调查表",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    date: field.date({ label: label("调查日期", "Surveyed on") }),
    items: field.table({
      label: label("调查项目", "Questions"),
      maxRows: 100,
      columns: {
        group: field.choice(SurveyGroup, { label: label("类别", "Group") }),
        question: field.text({ label: label("调查项目", "Question"), maxLength: 200 }),
        previous: field.decimal({
          label: label("上次评分", "Previous score"),
          min: 0,
          max: 100,
          decimals: 1,
          required: false,
        }),
        current: field.decimal({ label: label("本次评分", "Current score"), min: 0, max: 100, decimals: 1 }),
        gapAnalysis: field.text({
          label: label("差异分析", "Gap analysis"),
          required: false,
          maxLength: 500,
        }),
      },
    }),
    feedback: field.longText({ label: label("客户反馈信息", "Customer feedback"), required: false }),
  },
})
