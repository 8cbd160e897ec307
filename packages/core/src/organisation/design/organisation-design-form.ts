import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { OrganisationPresetLabel } from "./organisation-preset-label.ts"

/**
 * 组织结构设计方案 (002 3.2 客户服务组织结构设计): the analysis behind the chart, the chart's
 * changes against the organisation in force, the headcount per post and what the departments
 * said, which is what the approvers (✓) read before the new organisation is published.
 */
export const organisationDesignForm = defineForm({
  id: "organisation.design",
  title: label("组织结构设计方案", "Organisation design proposal"),
  source: "002 ch.3 3.2 客户服务组织结构设计流程与工作标准",
  fields: {
    designNumber: field.text({ label: label("方案编号", "Proposal no."), maxLength: 200 }),
    version: field.text({ label: label("组织版本", "Organisation version"), maxLength: 100 }),
    previousVersion: field.text({ label: label("替代版本", "Replaces version"), maxLength: 100 }),
    preset: field.choice(OrganisationPresetLabel, { label: label("适用组织模式", "Organisation model") }),
    analysis: field.longText({ label: label("现状分析", "Analysis"), maxLength: 6000 }),
    changes: field.longText({ label: label("结构调整内容", "What it changes"), maxLength: 5000 }),
    staffing: field.longText({ label: label("定岗定编", "Headcount per post"), maxLength: 6000 }),
    totalHeadcount: field.integer({ label: label("编制总人数", "Total headcount") }),
    reviews: field.longText({ label: label("相关部门会审意见", "Departments' review"), maxLength: 5000 }),
    designer: field.person({ label: label("设计人", "Designed by") }),
  },
  rules: (value) =>
    value.version === value.previousVersion
      ? [{ path: ["version"], message: "a new organisation has a new version" }]
      : [],
})
