import { label } from "../../labels/label.ts"
import { type Money, toMajorString } from "../../money/money.ts"
import type { FieldSpec, HostFields } from "../../ports/host-crm.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { PaymentMethod } from "../labels/payment-method.ts"

/** What the credit module writes on a customer record once a grade and limit are approved. */
export interface CreditRecord {
  readonly grade: CreditGrade
  readonly limit: Money
  readonly paymentTermDays: number
  readonly paymentMethod: PaymentMethod
  readonly guaranteeRequired: boolean
  readonly score: number | undefined
}

const options = <Value extends string>(
  values: ReadonlyArray<Value>,
  labels: { readonly [K in Value]: ReturnType<typeof label> },
) => values.map((value) => ({ value, label: labels[value] }))

/**
 * The customer fields the credit module keeps on the host (HubSpot company properties, Salesforce
 * Account fields), for `HostCrm.ensureFields` at install time. Levels: the credit default 秘密
 * for the limit, its currency and the score (what the customer is worth to the company); 内部 for
 * the grade and the terms it gives (账期, 付款方式, 担保), which sales and order entry apply to
 * every order (资信控制).
 */
export const creditFieldSpecs: ReadonlyArray<FieldSpec> = [
  {
    object: "customer",
    name: "credit_grade",
    confidentiality: "internal",
    label: label("信用等级", "Credit grade"),
    type: "choice",
    options: options(CreditGrade.values, CreditGrade.labels),
  },
  { object: "customer", name: "credit_limit", label: label("赊销限额", "Credit limit"), type: "money" },
  { object: "customer", name: "credit_currency", label: label("额度币种", "Credit currency"), type: "text" },
  {
    object: "customer",
    name: "credit_payment_term_days",
    confidentiality: "internal",
    label: label("账期（天）", "Payment term (days)"),
    type: "number",
  },
  {
    object: "customer",
    name: "credit_payment_method",
    confidentiality: "internal",
    label: label("付款方式", "Payment method"),
    type: "choice",
    options: options(PaymentMethod.values, PaymentMethod.labels),
  },
  {
    object: "customer",
    name: "credit_guarantee_required",
    confidentiality: "internal",
    label: label("是否担保", "Guarantee required"),
    type: "boolean",
  },
  { object: "customer", name: "credit_score", label: label("信用评分", "Credit score"), type: "number" },
]

/**
 * The host field values of a credit record. The limit is written in major units as a decimal
 * string (exact, e.g. `"50000.00"`), with its currency beside it; hosts parse it into their money
 * type.
 */
export function creditHostFields(record: CreditRecord): HostFields {
  return {
    credit_grade: record.grade,
    credit_limit: toMajorString(record.limit),
    credit_currency: record.limit.currency,
    credit_payment_term_days: record.paymentTermDays,
    credit_payment_method: record.paymentMethod,
    credit_guarantee_required: record.guaranteeRequired,
    credit_score: record.score ?? null,
  }
}
