import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { OfficerKpi } from "../labels/officer-kpi.ts"

/**
 * 大客户专员考核表 (004 ch.4 §10): the officer, the company's and the department's goals, the
 * personal goals with weight, measure, target value and plan of action, and the signatures.
 * `scoreOfficer` computes the achieved values and scores.
 */
export const officerScorecardForm = defineForm({
  id: "accounts.officer-scorecard",
  title: label("大客户专员考核表", "Key-account officer appraisal"),
  source: "004 ch.4 §10 大客户专员考核表",
  fields: {
    officer: field.person({ label: label("姓名", "Name") }),
    department: field.department({ label: label("所在部门", "Department") }),
    position: field.text({ label: label("职位", "Position"), required: false }),
    hired: field.date({ label: label("入职时间", "Joined"), required: false }),
    reviewer: field.person({ label: label("审核人", "Reviewer") }),
    reviewed: field.date({ label: label("审核时间", "Reviewed on") }),
    companyGoals: field.longText({ label: label("公司目标", "Company goals"), required: false }),
    departmentGoals: field.longText({ label: label("部门目标", "Department goals"), required: false }),
    goals: field.table({
      label: label("个人绩效目标", "Personal goals"),
      maxRows: 20,
      columns: {
        kpi: field.choice(OfficerKpi, { label: label("衡量指标", "Measure") }),
        weight: field.percent({ label: label("权重", "Weight") }),
        target: field.text({ label: label("指标值", "Target"), maxLength: 100 }),
        actual: field.text({ label: label("实际完成", "Achieved"), required: false, maxLength: 100 }),
        score: field.decimal({
          label: label("得分", "Score"),
          min: 0,
          max: 100,
          decimals: 1,
          required: false,
        }),
        actionPlan: field.text({
          label: label("行动方案", "Plan of action"),
          required: false,
          maxLength: 500,
        }),
      },
    }),
    total: field.decimal({ label: label("总分", "Total"), min: 0, max: 100, decimals: 1, required: false }),
  },
  rules: (value) =>
    value.goals.reduce((total, goal) => total + goal.weight, 0) === 100
      ? []
      : [{ path: ["goals"], message: "weights must add up to 100 %" }],
})
