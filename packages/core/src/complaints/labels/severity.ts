import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** How grave the matter is (情节程度, 投诉处理记录表). */
export const Severity = enumeration("complaint.severity", {
  minor: label("轻微", "Minor"),
  moderate: label("一般", "Moderate"),
  serious: label("严重", "Serious"),
})

/** How grave the matter is. */
export type Severity = ValueOf<typeof Severity>
