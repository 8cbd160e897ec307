import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The three top-N lists of 004 ch.3 重点客户管理表. */
export const TopListKind = enumeration("grading.topList", {
  sales: label("销售额前 10 名", "Top by sales"),
  growth: label("销售增长率前 10 名", "Top by sales growth"),
  margin: label("销售利润率前 10 名", "Top by margin rate"),
})

/** One of the lists of 重点客户管理表. */
export type TopListKind = ValueOf<typeof TopListKind>
