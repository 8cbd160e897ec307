import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { repeatedRows } from "./repeated-rows.ts"

/**
 * 现场指导观察评分表 (002 2.5 ② 现场观察, ⑤ 跟踪检查): each skill scored 1 (far below) to 5
 * (exemplary) with what the coach saw; below the pass score a skill needs an improvement action.
 */
export const coachingChecklistForm = defineForm({
  id: "planning.coaching-checklist",
  title: label("现场指导观察评分表", "On-site coaching checklist"),
  source: "002 ch.2 2.5 客户服务现场指导工作流程与工作标准",
  fields: {
    scores: field.table({
      label: label("技能评分", "Skill scores"),
      columns: {
        skill: field.text({ label: label("技能", "Skill"), maxLength: 100 }),
        score: field.integer({ label: label("评分", "Score"), min: 1, max: 5, unit: label("分", "points") }),
        observation: field.longText({
          label: label("观察记录", "Observed"),
          maxLength: 1000,
          required: false,
        }),
      },
      maxRows: 20,
    }),
  },
  rules: (value) => repeatedRows("scores", value.scores, "skill"),
})
