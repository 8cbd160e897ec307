import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { AgentRating } from "../labels/call-labels.ts"

/** 呼叫业务质量评估表 (000 9.6.4): an agent's evaluation for a period. */
export const agentEvaluationForm = defineForm({
  id: "callcenter.qualityEvaluation",
  title: label("呼叫业务质量评估表", "Agent quality evaluation"),
  source: "000 ch.9 9.6.4 呼叫业务质量评估表",
  fields: {
    agent: field.person({ label: label("坐席专员", "Agent") }),
    periodStart: field.date({ label: label("评估期间自", "Period from") }),
    periodEnd: field.date({ label: label("评估期间至", "Period to") }),
    callsMonitored: field.integer({ label: label("监控通数", "Calls monitored") }),
    monitoringPercent: field.decimal({
      label: label("监控平均得分", "Mean monitoring score"),
      min: 0,
      max: 100,
      decimals: 1,
      required: false,
    }),
    measures: field.table({
      label: label("绩效指标", "Performance measures"),
      required: false,
      columns: {
        measure: field.text({ label: label("指标", "Measure") }),
        target: field.decimal({ label: label("目标", "Target"), decimals: 2 }),
        actual: field.decimal({ label: label("实际", "Actual"), decimals: 2 }),
        score: field.decimal({ label: label("得分", "Score"), min: 0, max: 100, decimals: 1 }),
      },
    }),
    overall: field.decimal({ label: label("综合得分", "Overall score"), min: 0, max: 100, decimals: 1 }),
    rating: field.choice(AgentRating, { label: label("评估等级", "Rating") }),
    evaluator: field.person({ label: label("评估人", "Evaluated by") }),
    agentComment: field.longText({ label: label("被评估人意见", "Agent's comment"), required: false }),
    improvementPlan: field.longText({ label: label("改进计划", "Improvement plan"), required: false }),
  },
  rules: (value) =>
    value.periodEnd < value.periodStart
      ? [{ path: ["periodEnd"], message: "must not be before the start" }]
      : [],
})
