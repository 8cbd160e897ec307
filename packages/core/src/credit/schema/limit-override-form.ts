import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CreditGrade } from "../labels/credit-grade.ts"

/**
 * The request to let one order past the credit controls (超额/超期发货申请, the approval of
 * 资信控制): the customer and grade, the order, the limit, the exposure with the order and the
 * excess, and why sales asks. What an approver sees in DingTalk or WeCom.
 */
export const creditOverrideForm = defineForm({
  id: "credit.override",
  title: label("超信用额度发货申请", "Credit override request"),
  source: "DOMAIN module 2 资信控制; 000 ch.7 §7.4.4 客户资信控制工作流程",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    orderNumber: field.text({ label: label("订单编号", "Order number"), maxLength: 100 }),
    creditGrade: field.choice(CreditGrade, { label: label("信用等级", "Credit grade") }),
    orderAmount: field.money({ label: label("订单金额", "Order amount") }),
    creditLimit: field.money({ label: label("信用额度", "Credit limit") }),
    exposureAfter: field.money({ label: label("含本单信用占用", "Exposure with the order") }),
    excess: field.money({ label: label("超额金额", "Excess over the limit") }),
    oldestOverdueDays: field.integer({ label: label("最长逾期天数", "Oldest overdue (days)"), max: 36_500 }),
    reason: field.longText({ label: label("申请理由", "Why") }),
  },
})
