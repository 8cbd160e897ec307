import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** What the ABC analysis accumulates: sales revenue (销售额) or gross margin (毛利额). */
export const GradingBasis = enumeration("grading.basis", {
  revenue: label("销售额", "Revenue"),
  grossMargin: label("毛利额", "Gross margin"),
})

/** What the ABC analysis accumulates. */
export type GradingBasis = ValueOf<typeof GradingBasis>
