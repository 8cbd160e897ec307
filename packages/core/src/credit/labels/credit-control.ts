import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The controls an order is checked against: the credit limit, overdue receivables, a danger signal. */
export const CreditControl = enumeration("credit.control", {
  limit: label("信用额度", "Credit limit"),
  overdue: label("逾期账款", "Overdue receivables"),
  danger: label("危险客户", "Customer at risk"),
})

/** A credit control. */
export type CreditControl = ValueOf<typeof CreditControl>
