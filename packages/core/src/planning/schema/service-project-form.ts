import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { NeedSource } from "../labels/need-source.ts"

/**
 * 客户服务项目开发方案审批表 (002 2.3 客户服务项目开发): a new service item with the customer need
 * behind it, its feasibility and its programme, which is what the approvers (④ ✓) read before
 * it is piloted.
 */
export const serviceProjectForm = defineForm({
  id: "planning.project",
  title: label("客户服务项目开发方案审批表", "Service project programme approval"),
  source: "002 ch.2 2.3 客户服务项目开发流程与工作标准",
  fields: {
    projectNumber: field.text({ label: label("项目编号", "Project no."), maxLength: 200 }),
    title: field.text({ label: label("项目名称", "Project"), maxLength: 200 }),
    sources: field.multiChoice(NeedSource, { label: label("项目来源", "Raised by") }),
    customerNeed: field.longText({ label: label("客户需求", "Customer need"), maxLength: 2000 }),
    estimatedCost: field.money({ label: label("预计成本", "Estimated cost") }),
    expectedBenefit: field.money({ label: label("预计收益", "Expected benefit") }),
    resources: field.longText({ label: label("所需资源", "Resources needed"), maxLength: 2000 }),
    scope: field.longText({ label: label("服务内容与标准", "Service and standard"), maxLength: 4000 }),
    pilotScope: field.longText({ label: label("试点范围", "Pilot scope"), maxLength: 2000 }),
    pilotDays: field.integer({
      label: label("试点周期", "Pilot length"),
      min: 1,
      max: 365,
      unit: label("天", "days"),
    }),
    targetSatisfaction: field.integer({
      label: label("试点目标满意度", "Target satisfaction"),
      min: 0,
      max: 100,
      unit: label("分", "points"),
    }),
    owner: field.person({ label: label("项目负责人", "Project owner") }),
  },
})
