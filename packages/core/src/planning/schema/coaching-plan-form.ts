import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { Post } from "../../organisation/post.ts"
import { repeatedRows } from "./repeated-rows.ts"

/**
 * 现场指导计划表 (002 2.5 ① 制订指导计划): whom the coach observes, on which post, which skills
 * and when, so the observation is scored against what was planned.
 */
export const coachingPlanForm = defineForm({
  id: "planning.coaching-plan",
  title: label("现场指导计划表", "On-site coaching plan"),
  source: "002 ch.2 2.5 客户服务现场指导工作流程与工作标准",
  fields: {
    employee: field.person({ label: label("被指导人", "Employee") }),
    post: field.choice(Post, { label: label("岗位", "Post") }),
    plannedAt: field.dateTime({ label: label("指导时间", "Planned for") }),
    skills: field.table({
      label: label("观察技能", "Skills observed"),
      columns: { skill: field.text({ label: label("技能", "Skill"), maxLength: 100 }) },
      maxRows: 20,
    }),
  },
  rules: (value) => repeatedRows("skills", value.skills, "skill"),
})
