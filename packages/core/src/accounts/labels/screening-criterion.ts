import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The criteria of 大客户评定表 (004 ch.4 §3): 排名, 信用程度, 设定条件. */
export const ScreeningCriterion = enumeration("accounts.screeningCriterion", {
  ranking: label("排名", "Ranking"),
  credit: label("信用程度", "Credit"),
  revenue: label("设定条件：年销售额", "Condition: annual revenue"),
  grade: label("设定条件：客户等级", "Condition: customer grade"),
  tenure: label("设定条件：合作年限", "Condition: years of business"),
})

/** A screening criterion. */
export type ScreeningCriterion = ValueOf<typeof ScreeningCriterion>
