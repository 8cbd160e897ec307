import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

const score = (zh: string, en: string) =>
  field.decimal({ label: label(zh, en), min: 0, max: 100, decimals: 1 })

/** 客户服务质量评估表 (000 10.6.4): a period's quality evaluation, by RATER dimension and index. */
export const evaluationForm = defineForm({
  id: "quality.evaluation",
  title: label("客户服务质量评估表", "Service quality evaluation"),
  source: "000 ch.10 10.6.4 客户服务质量评估表; 10.4.2 客户服务质量评估流程; 10.5.6 RATER 指数",
  fields: {
    department: field.department({ label: label("评估部门", "Department evaluated") }),
    periodStart: field.date({ label: label("评估期间自", "Period from") }),
    periodEnd: field.date({ label: label("评估期间至", "Period to") }),
    reliability: score("可靠性得分", "Reliability score"),
    assurance: score("保证性得分", "Assurance score"),
    tangibles: score("有形性得分", "Tangibles score"),
    empathy: score("移情性得分", "Empathy score"),
    responsiveness: score("响应性得分", "Responsiveness score"),
    raterIndex: score("RATER 指数", "RATER index"),
    csatPercent: field.percent({ label: label("满意率 (CSAT)", "CSAT"), decimals: 1, required: false }),
    nps: field.decimal({
      label: label("净推荐值 (NPS)", "NPS"),
      min: -100,
      max: 100,
      decimals: 1,
      required: false,
    }),
    conclusion: field.longText({ label: label("评估结论", "Conclusion") }),
    evaluator: field.person({ label: label("评估人", "Evaluated by") }),
  },
  rules: (value) =>
    value.periodEnd < value.periodStart
      ? [{ path: ["periodEnd"], message: "must not be before the start" }]
      : [],
})
