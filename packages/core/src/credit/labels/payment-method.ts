import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The payment methods (付款方式选择) a credit grade allows, most trusting first. */
export const PaymentMethod = enumeration("credit.paymentMethod", {
  openAccount: label("赊销（月结）", "Open account"),
  bankAcceptance: label("银行承兑汇票", "Bank acceptance bill"),
  partialPrepayment: label("部分预付", "Partial prepayment"),
  cashOnDelivery: label("货到付款", "Cash on delivery"),
  cashBeforeDelivery: label("款到发货", "Cash before delivery"),
})

/** A payment method. */
export type PaymentMethod = ValueOf<typeof PaymentMethod>
