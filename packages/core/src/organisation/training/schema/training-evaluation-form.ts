import { field } from "../../../forms/field.ts"
import { defineForm } from "../../../forms/form.ts"
import { label } from "../../../labels/label.ts"
import { repeatedRows } from "./unique-rows.ts"

/**
 * 培训效果评估表: the trainees' ratings of each course (Kirkpatrick level 1, reaction) and each
 * trainee's test before and after (level 2, learning), with the evaluator's summary. 秘密, as
 * each trainee's test scores are an assessment of that person.
 */
export const trainingEvaluationForm = defineForm({
  id: "organisation.trainingEvaluation",
  title: label("培训效果评估表", "Training evaluation form"),
  source: "002 ch.3 3.5 客户服务人员培训管理流程",
  confidentiality: "secret",
  fields: {
    courseRatings: field.table({
      label: label("课程评价", "Course ratings"),
      maxRows: 2000,
      columns: {
        courseId: field.text({ label: label("课程编号", "Course number"), maxLength: 40 }),
        rating: field.integer({ label: label("满意度（1–5）", "Rating (1–5)"), min: 1, max: 5 }),
        comment: field.text({ label: label("意见", "Comment"), maxLength: 500, required: false }),
      },
    }),
    assessments: field.table({
      label: label("学员考核", "Trainee tests"),
      maxRows: 200,
      columns: {
        trainee: field.person({ label: label("学员", "Trainee") }),
        preScore: field.decimal({
          label: label("培训前得分", "Score before"),
          min: 0,
          max: 100,
          decimals: 1,
          required: false,
        }),
        postScore: field.decimal({
          label: label("培训后得分", "Score after"),
          min: 0,
          max: 100,
          decimals: 1,
        }),
      },
    }),
    summary: field.longText({ label: label("评估结论", "Summary"), required: false }),
  },
  rules: (value) => repeatedRows(value.assessments, "assessments", "trainee", (row) => row.trainee),
})
