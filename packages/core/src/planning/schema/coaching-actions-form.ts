import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { repeatedRows } from "./repeated-rows.ts"

/**
 * 改进计划表 (002 2.5 ④ 制订改进措施): one action per skill below the pass score, agreed with the
 * employee, and when the coach checks it (⑤ 跟踪检查).
 */
export const coachingActionsForm = defineForm({
  id: "planning.coaching-actions",
  title: label("现场指导改进计划表", "On-site coaching improvement plan"),
  source: "002 ch.2 2.5 客户服务现场指导工作流程与工作标准",
  fields: {
    actions: field.table({
      label: label("改进措施", "Improvement actions"),
      columns: {
        skill: field.text({ label: label("技能", "Skill"), maxLength: 100 }),
        action: field.longText({ label: label("措施", "Action"), maxLength: 1000 }),
      },
      maxRows: 20,
    }),
    followUpAt: field.dateTime({ label: label("跟踪检查时间", "Follow-up check at") }),
  },
  rules: (value) => repeatedRows("actions", value.actions, "skill"),
})
