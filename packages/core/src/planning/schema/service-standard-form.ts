import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { NeedSource } from "../labels/need-source.ts"

/**
 * 客户服务标准审批表 (002 2.4 客户服务标准制定): the new version of a module's policy with where
 * its need came from, the research behind it, what it changes and what the departments said,
 * which is what the approvers (⑤ ✓) read before the standard is published.
 */
export const serviceStandardForm = defineForm({
  id: "planning.standard",
  title: label("客户服务标准审批表", "Service standard approval"),
  source: "002 ch.2 2.4 客户服务标准制定工作流程与工作标准",
  fields: {
    standardNumber: field.text({ label: label("标准编号", "Standard no."), maxLength: 200 }),
    module: field.text({ label: label("适用制度", "Policy of"), maxLength: 200 }),
    version: field.text({ label: label("版本号", "Version"), maxLength: 100 }),
    previousVersion: field.text({ label: label("替代版本", "Replaces version"), maxLength: 100 }),
    needSources: field.multiChoice(NeedSource, { label: label("需求来源", "Need raised by") }),
    need: field.longText({ label: label("标准需求说明", "The need"), maxLength: 2000 }),
    research: field.longText({ label: label("调研结论", "Research findings"), maxLength: 6000 }),
    changes: field.longText({ label: label("主要变更内容", "What it changes"), maxLength: 5000 }),
    reviews: field.longText({ label: label("相关部门会审意见", "Departments' review"), maxLength: 5000 }),
    author: field.person({ label: label("起草人", "Drafted by") }),
  },
  rules: (value) =>
    value.version === value.previousVersion
      ? [{ path: ["version"], message: "a new standard has a new version" }]
      : [],
})
