import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Which way a survey item moved between two surveys (差异分析). */
export const GapTrend = enumeration("accounts.gapTrend", {
  improved: label("明显改善", "Clearly better"),
  steady: label("基本持平", "About the same"),
  declined: label("明显下降", "Clearly worse"),
  new: label("首次调查", "First survey"),
})

/** Which way a survey item moved. */
export type GapTrend = ValueOf<typeof GapTrend>
