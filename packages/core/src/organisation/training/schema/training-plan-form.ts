import { field } from "../../../forms/field.ts"
import { defineForm } from "../../../forms/form.ts"
import { label } from "../../../labels/label.ts"
import { TrainingKind, TrainingNeedSource, TrainingTopic } from "../labels/training-labels.ts"
import { repeatedRows } from "./unique-rows.ts"

/**
 * 培训计划表 (002 3.5 客户服务人员培训管理; 3.4 入职培训): the needs it answers (the quadrant's B
 * and D people, quality findings, new staff), the trainees, the courses with trainer, date and
 * hours, and the budget the approver signs off.
 */
export const trainingPlanForm = defineForm({
  id: "organisation.trainingPlan",
  title: label("培训计划表", "Training plan"),
  source: "002 ch.3 3.5 客户服务人员培训管理流程; 3.4 入职培训流程; 001 ch.1 图1-2 培训内容",
  fields: {
    planNumber: field.text({ label: label("计划编号", "Plan number"), maxLength: 200 }),
    title: field.text({ label: label("培训名称", "Training title"), maxLength: 200 }),
    kind: field.choice(TrainingKind, { label: label("培训类别", "Kind") }),
    needs: field.table({
      label: label("培训需求", "Training needs"),
      maxRows: 200,
      columns: {
        source: field.choice(TrainingNeedSource, { label: label("需求来源", "Source") }),
        person: field.person({ label: label("相关人员", "Person"), required: false }),
        need: field.text({ label: label("需求说明", "Need"), maxLength: 500 }),
      },
    }),
    trainees: field.table({
      label: label("参训人员", "Trainees"),
      maxRows: 200,
      columns: { trainee: field.person({ label: label("学员", "Trainee") }) },
    }),
    courses: field.table({
      label: label("课程安排", "Courses"),
      maxRows: 50,
      columns: {
        id: field.text({
          label: label("课程编号", "Course number"),
          maxLength: 40,
          pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
        }),
        topic: field.choice(TrainingTopic, { label: label("培训内容", "Topic") }),
        title: field.text({ label: label("课程名称", "Course title"), maxLength: 200 }),
        trainer: field.person({ label: label("培训讲师", "Trainer") }),
        date: field.date({ label: label("培训日期", "Date") }),
        hours: field.decimal({ label: label("课时（小时）", "Hours"), min: 0.5, max: 24, decimals: 1 }),
      },
    }),
    budget: field.money({ label: label("培训预算", "Budget"), required: false }),
    objectives: field.longText({ label: label("培训目标", "Objectives"), required: false }),
  },
  rules: (value) => [
    ...repeatedRows(value.courses, "courses", "id", (course) => course.id),
    ...repeatedRows(value.trainees, "trainees", "trainee", (row) => row.trainee),
  ],
})
