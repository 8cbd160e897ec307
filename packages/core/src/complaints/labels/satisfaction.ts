import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The five-point satisfaction scale of the follow-up visit (CSAT: 1 very dissatisfied … 5 very
 * satisfied). Scores are stored as numbers; these labels name the points.
 */
export const SatisfactionLevel = enumeration("complaint.satisfaction", {
  "1": label("非常不满意", "Very dissatisfied"),
  "2": label("不满意", "Dissatisfied"),
  "3": label("一般", "Neutral"),
  "4": label("满意", "Satisfied"),
  "5": label("非常满意", "Very satisfied"),
})

/** A point of the satisfaction scale, as text. */
export type SatisfactionLevel = ValueOf<typeof SatisfactionLevel>

/** A satisfaction score, 1 (very dissatisfied) to 5 (very satisfied). */
export type SatisfactionScore = 1 | 2 | 3 | 4 | 5

/** Whether a number is a score of the scale. */
export const isSatisfactionScore = (value: unknown): value is SatisfactionScore =>
  value === 1 || value === 2 || value === 3 || value === 4 || value === 5
