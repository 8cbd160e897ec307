import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { SurveyChannel } from "../labels/quality-labels.ts"

/** 客户满意度调查方案 (000 2.7.2; the plan submitted for 审核 in 满意度调查流程). */
export const surveyPlanForm = defineForm({
  id: "quality.surveyPlan",
  title: label("客户满意度调查方案", "Satisfaction survey plan"),
  source: "000 ch.2 2.7.2 客户满意度调查方案; 004 ch.4 §11 大客户满意度调查流程 ①",
  fields: {
    objective: field.longText({ label: label("调查目的", "Objective") }),
    population: field.longText({ label: label("调查对象", "Customers surveyed") }),
    sampleSize: field.integer({ label: label("计划样本量", "Planned responses"), min: 1 }),
    channels: field.multiChoice(SurveyChannel, { label: label("调查方式", "Channels") }),
    questionnaire: field.text({ label: label("调查问卷", "Questionnaire"), maxLength: 200 }),
    fieldworkStart: field.dateTime({ label: label("调查开始", "Fieldwork starts") }),
    fieldworkEnd: field.dateTime({ label: label("调查结束", "Fieldwork ends") }),
    budget: field.money({ label: label("调查预算", "Budget"), required: false }),
    owner: field.person({ label: label("负责人", "Owner") }),
  },
  rules: (value) =>
    value.fieldworkEnd <= value.fieldworkStart
      ? [{ path: ["fieldworkEnd"], message: "must be after the start" }]
      : [],
})
