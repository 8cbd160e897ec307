import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The level (等级) column of 客户关系评估表: an indicator's score in words. */
export const IndicatorLevel = enumeration("grading.indicatorLevel", {
  excellent: label("优", "Excellent"),
  good: label("良", "Good"),
  fair: label("中", "Fair"),
  poor: label("差", "Poor"),
})

/** The level of one evaluated indicator. */
export type IndicatorLevel = ValueOf<typeof IndicatorLevel>
