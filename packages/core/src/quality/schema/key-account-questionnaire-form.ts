import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { KeyAccountArea } from "../labels/quality-labels.ts"

/** 大客户问卷调查表 (004 ch.4 §8): each question scored last time and this time, with the gap analysed. */
export const keyAccountQuestionnaireForm = defineForm({
  id: "quality.keyAccountQuestionnaire",
  title: label("大客户问卷调查表", "Key-account questionnaire"),
  source: "004 ch.4 §8 大客户问卷调查表",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    surveyedOn: field.date({ label: label("调查日期", "Survey date") }),
    questions: field.table({
      label: label("调查项目", "Questions"),
      maxRows: 60,
      columns: {
        area: field.choice(KeyAccountArea, { label: label("类别", "Area") }),
        question: field.text({ label: label("调查项目", "Question"), maxLength: 300 }),
        previousScore: field.decimal({
          label: label("上次评分", "Previous score"),
          min: 0,
          max: 10,
          decimals: 1,
          required: false,
        }),
        currentScore: field.decimal({
          label: label("本次评分", "Current score"),
          min: 0,
          max: 10,
          decimals: 1,
        }),
        gapAnalysis: field.text({
          label: label("差异分析", "Gap analysis"),
          maxLength: 500,
          required: false,
        }),
      },
    }),
    feedback: field.longText({ label: label("客户反馈信息", "Customer feedback"), required: false }),
  },
})
