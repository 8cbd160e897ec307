import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The investigator's judgement of one question of 客户信用分析表, on the five-step scale of
 * 客户信用调查表 (很好 / 好 / 普通 / 差 / 很差), always read as favourable to unfavourable for
 * credit: "是否有不当交易的谣传?" answered 很好 means no such rumours. `unknown` where the
 * investigator could not find out.
 */
export const AssessmentAnswer = enumeration("credit.assessmentAnswer", {
  veryGood: label("很好", "Very good"),
  good: label("好", "Good"),
  average: label("普通", "Average"),
  poor: label("差", "Poor"),
  veryPoor: label("很差", "Very poor"),
  unknown: label("不详", "Unknown"),
})

/** One answer of the credit analysis. */
export type AssessmentAnswer = ValueOf<typeof AssessmentAnswer>

/** The score of an answer, 0–100 in four equal steps; undefined for `unknown`. */
export const answerScore: { readonly [A in AssessmentAnswer]: number | undefined } = {
  veryGood: 100,
  good: 75,
  average: 50,
  poor: 25,
  veryPoor: 0,
  unknown: undefined,
}
