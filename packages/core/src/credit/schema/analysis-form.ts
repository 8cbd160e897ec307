import type { AnyField } from "../../forms/field.ts"
import { field } from "../../forms/field.ts"
import { defineForm, type FormValue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { AssessmentAnswer } from "../labels/assessment-answer.ts"
import type { ScorecardItem } from "../models/scorecard.ts"
import { creditAnalysisScorecard } from "../policy/analysis-scorecard.ts"
import type { ScorecardAnswer } from "./credit-facts.ts"

/** The form field that holds the answer to a scorecard question (`company.finance.3` → `company_finance_3`). */
export const analysisFieldKey = (itemId: string): string => itemId.replaceAll(".", "_")

const leaves = (items: ReadonlyArray<ScorecardItem>): ReadonlyArray<ScorecardItem> =>
  items.flatMap((item) => (item.items === undefined ? [item] : leaves(item.items)))

const questionFields: Record<string, AnyField> = {}
for (const part of creditAnalysisScorecard.items) {
  for (const aspect of part.items ?? []) {
    for (const question of aspect.items ?? []) {
      questionFields[analysisFieldKey(question.id)] = field.choice(AssessmentAnswer, {
        label: label(
          `${aspect.label["zh-CN"]}：${question.label["zh-CN"]}`,
          `${aspect.label.en}: ${question.label.en}`,
        ),
      }) as AnyField
    }
  }
  questionFields[`${part.id}_overall`] = field.longText({
    label: label(`${part.label["zh-CN"]}总体评价`, `Overall view of ${part.label.en.toLowerCase()}`),
    required: false,
  }) as AnyField
}

/**
 * 客户信用分析表 (004 ch.7 §10): every question of the three parts (客户企业状况, 客户管理人员,
 * 客户员工) answered on the scale 很好 … 很差 or 不详, with an overall view (总体评价) per part.
 * `analysisAnswers` turns a filled form into the answers `assessCredit` scores.
 */
export const creditAnalysisForm = defineForm({
  id: "credit.analysis",
  title: label("客户信用分析表", "Credit analysis"),
  source: "004 ch.7 §10 客户信用分析表",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    analyst: field.person({ label: label("分析人", "Analyst") }),
    date: field.date({ label: label("日期", "Date") }),
    ...questionFields,
  },
})

/** The answers of a filled 客户信用分析表, keyed by scorecard item id. */
export function analysisAnswers(
  value: FormValue<typeof creditAnalysisForm.fields>,
): Readonly<Record<string, ScorecardAnswer>> {
  const answers: Record<string, ScorecardAnswer> = {}
  const filled = value as unknown as Readonly<Record<string, unknown>>
  for (const question of leaves(creditAnalysisScorecard.items)) {
    const answer = filled[analysisFieldKey(question.id)]
    if (AssessmentAnswer.is(answer)) answers[question.id] = answer
  }
  return answers
}
