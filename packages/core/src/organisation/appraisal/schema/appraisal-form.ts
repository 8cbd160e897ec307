import { field } from "../../../forms/field.ts"
import { defineForm } from "../../../forms/form.ts"
import { label } from "../../../labels/label.ts"
import { Post } from "../../post.ts"
import { AbilityPerformanceQuadrant } from "../labels/ability-performance-quadrant.ts"
import { AppraisalGrade } from "../labels/appraisal-grade.ts"
import { objectiveIssues } from "./objective-rules.ts"

const lineId = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * 绩效考核表 (002 3.6 客户服务人员业绩考核): the post's KPI lines with weights, targets and results,
 * the employee's self-assessment, the supervisor's review, and the result — score, grade, the
 * quadrant of 001 图1-1 — with the improvement plan and its follow-up date. 秘密 as a whole: a
 * person's appraisal is read by them, their supervisors and the posts that decide on it, not by
 * colleagues cleared for the department's ordinary 内部 records.
 */
export const appraisalForm = defineForm({
  id: "organisation.appraisal",
  title: label("绩效考核表", "Performance appraisal form"),
  source: "002 ch.3 3.6 客户服务人员业绩考核流程; 001 ch.1 图1-1 能力与绩效的 4 个象限",
  confidentiality: "secret",
  fields: {
    appraisalNumber: field.text({ label: label("考核编号", "Appraisal number"), maxLength: 200 }),
    employee: field.person({ label: label("被考核人", "Employee") }),
    post: field.choice(Post, { label: label("岗位", "Post") }),
    period: field.text({ label: label("考核期间", "Appraisal period"), maxLength: 40 }),
    objectives: field.table({
      label: label("考核指标明细", "KPI lines"),
      maxRows: 30,
      columns: {
        id: field.text({ label: label("指标编号", "KPI number"), maxLength: 40, pattern: lineId }),
        kpi: field.text({ label: label("指标名称", "KPI"), maxLength: 200 }),
        weight: field.integer({ label: label("权重（%）", "Weight (%)"), min: 1, max: 100 }),
        target: field.decimal({ label: label("目标值", "Target"), min: 0, decimals: 3 }),
        higherIsBetter: field.boolean({ label: label("越高越好", "Higher is better") }),
        actual: field.decimal({ label: label("实际完成", "Result"), min: 0, decimals: 3, required: false }),
        score: field.decimal({
          label: label("得分", "Score"),
          min: 0,
          max: 100,
          decimals: 1,
          required: false,
        }),
      },
    }),
    selfAssessment: field.longText({ label: label("自我评价", "Self-assessment"), required: false }),
    reviewComments: field.longText({ label: label("主管评语", "Supervisor comments"), required: false }),
    abilityScore: field.decimal({
      label: label("能力评分", "Ability score"),
      min: 0,
      max: 100,
      decimals: 1,
      required: false,
    }),
    totalScore: field.decimal({
      label: label("考核得分", "Appraisal score"),
      min: 0,
      max: 100,
      decimals: 1,
      required: false,
    }),
    grade: field.choice(AppraisalGrade, { label: label("考核等级", "Grade"), required: false }),
    quadrant: field.choice(AbilityPerformanceQuadrant, {
      label: label("能力绩效象限", "Quadrant"),
      required: false,
    }),
    improvementPlan: field.longText({ label: label("改进计划", "Improvement plan"), required: false }),
    followUpOn: field.date({ label: label("跟踪日期", "Follow-up date"), required: false }),
  },
  rules: (value) =>
    objectiveIssues(value.objectives).map((issue) => ({ ...issue, path: ["objectives", ...issue.path] })),
})
