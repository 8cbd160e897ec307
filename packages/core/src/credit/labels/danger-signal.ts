import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Why a customer counts as a danger customer (危险客户, 004 ch.7 危险客户统计表). */
export const DangerSignal = enumeration("credit.dangerSignal", {
  longOverdue: label("长期逾期", "Long overdue"),
  bouncedPayments: label("退票（空头支票）", "Bounced payments"),
  bankruptcySigns: label("破产征兆", "Signs of bankruptcy"),
})

/** A danger signal. */
export type DangerSignal = ValueOf<typeof DangerSignal>
