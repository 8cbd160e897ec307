import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { IndicatorLevel } from "../labels/indicator-level.ts"
import { RelationshipDecision } from "../labels/relationship-decision.ts"

/**
 * 客户关系评估表 (004 ch.3 §12): indicators with weight, score, level and basis, the total
 * against the standard score, and the advice 发展关系 / 维持关系 / 终止关系. `evaluateRelationship`
 * computes the total and the advice from the policy; the form records what was signed.
 */
export const relationshipEvaluationForm = defineForm({
  id: "grading.relationship-evaluation",
  title: label("客户关系评估表", "Customer relationship evaluation"),
  source: "004 ch.3 §12 客户关系评估表",
  fields: {
    customer: field.customer({ label: label("客户名称", "Customer") }),
    number: field.text({ label: label("编号", "Number"), required: false, maxLength: 50 }),
    indicators: field.table({
      label: label("评估指标", "Indicators"),
      maxRows: 50,
      columns: {
        indicator: field.text({ label: label("评估指标", "Indicator") }),
        weight: field.percent({ label: label("指标权重", "Weight") }),
        score: field.decimal({ label: label("得分", "Score"), min: 0, max: 100, decimals: 1 }),
        level: field.choice(IndicatorLevel, { label: label("等级", "Level") }),
        basis: field.text({ label: label("得分依据", "Basis"), required: false, maxLength: 500 }),
        remark: field.text({ label: label("备注", "Remark"), required: false, maxLength: 500 }),
      },
    }),
    total: field.decimal({ label: label("合计", "Total"), min: 0, max: 100, decimals: 1 }),
    standardScore: field.decimal({ label: label("标准分", "Standard score"), min: 0, max: 100, decimals: 1 }),
    decision: field.choice(RelationshipDecision, { label: label("评估结果及建议", "Result and advice") }),
    advice: field.longText({ label: label("建议说明", "Advice"), required: false }),
  },
  rules: (value) =>
    value.indicators.reduce((total, row) => total + row.weight, 0) === 100
      ? []
      : [{ path: ["indicators"], message: "weights must add up to 100 %" }],
})
