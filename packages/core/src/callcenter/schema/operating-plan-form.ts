import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * 呼叫中心运作方案: what 呼叫中心运行流程 ①②③ decide for an operating period — the centre's
 * strategic position, its operating goals and its management methods — filed by the call-centre
 * supervisor for the customer-service manager's 审核. The handbook prints no form for it; the
 * boxes are the chart's three steps, with the goals as the figures the period is measured by.
 */
export const operatingPlanForm = defineForm({
  id: "callcenter.operatingPlan",
  title: label("呼叫中心运作方案", "Call centre operating plan"),
  source: "004 ch.8 §12 呼叫中心运行流程 ①②③",
  fields: {
    periodStart: field.dateTime({ label: label("运作期间自", "Period from") }),
    periodEnd: field.dateTime({ label: label("运作期间至", "Period to") }),
    positioning: field.longText({ label: label("战略定位", "Strategic position") }),
    serviceLevelPercent: field.percent({
      label: label("服务水平目标（%）", "Service level target (%)"),
      decimals: 1,
    }),
    answerWithinSeconds: field.integer({
      label: label("应答时限（秒）", "Answer within (seconds)"),
      min: 1,
      max: 600,
    }),
    maxAbandonmentPercent: field.percent({
      label: label("放弃率上限（%）", "Abandonment ceiling (%)"),
      decimals: 1,
    }),
    firstCallResolutionPercent: field.percent({
      label: label("首次解决率目标（%）", "First-call resolution target (%)"),
      decimals: 1,
      required: false,
    }),
    monitoringPercent: field.percent({
      label: label("监控平均得分目标", "Mean monitoring score target"),
      decimals: 1,
    }),
    managementMethods: field.longText({ label: label("管理方法", "Management methods") }),
    trainingPlan: field.longText({ label: label("培训安排", "Training plan"), required: false }),
  },
  rules: (value) =>
    value.periodEnd <= value.periodStart
      ? [{ path: ["periodEnd"], message: "must be after the start of the period" }]
      : [],
})
