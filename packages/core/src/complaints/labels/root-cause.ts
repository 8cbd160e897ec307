import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The root cause found by the investigation (原因, 投诉处理报告表: ①严重原因 ②偶发原因 ③疏忽大意
 * ④不可抗拒原因): a systemic fault, a one-off, carelessness, or events nobody controls.
 */
export const RootCause = enumeration("complaint.cause", {
  serious: label("严重原因", "Serious (systemic)"),
  occasional: label("偶发原因", "Occasional"),
  negligence: label("疏忽大意", "Negligence"),
  forceMajeure: label("不可抗拒原因", "Force majeure"),
})

/** The root cause found by the investigation. */
export type RootCause = ValueOf<typeof RootCause>
