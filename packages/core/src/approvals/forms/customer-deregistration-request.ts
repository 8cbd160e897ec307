import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** A customer's deregistration (客户注销, 004 ch.7 §18): the balance is settled and refunded before closing. */
export const customerDeregistrationRequestForm = defineForm({
  id: "approval.customerDeregistration",
  module: "information",
  title: label("客户注销申请表", "Customer deregistration request"),
  source: "004 ch.7 §18 客户注销管理流程",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    reason: field.longText({ label: label("注销原因", "Reason") }),
    balance: field.money({ label: label("账款余额", "Account balance"), allowNegative: true }),
    refund: field.money({ label: label("退款金额", "Refund") }),
    settledOn: field.date({ label: label("结算日期", "Settled on"), required: false }),
  },
})
