import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { PaymentMethod } from "../labels/payment-method.ts"
import type { CreditProposal } from "../models/credit-proposal.ts"

/**
 * The 信用评定 box of 客户信用调查表 (004 ch.2 §8) with the 账期 of 信用制度制定流程 ⑥: what an
 * approver signs when a customer's grade and limit are set (the approval form of the credit
 * evaluation).
 */
export const creditRatingForm = defineForm({
  id: "credit.rating",
  title: label("客户信用评定", "Credit rating"),
  source: "004 ch.2 §8 客户信用调查表 信用评定; ch.7 §19 客户信用制度制定流程 ⑥",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    creditGrade: field.choice(CreditGrade, { label: label("信用等级", "Credit grade") }),
    creditScore: field.decimal({
      label: label("信用评分", "Credit score"),
      min: 0,
      max: 100,
      decimals: 1,
      required: false,
    }),
    paymentMethod: field.choice(PaymentMethod, { label: label("付款方式选择", "Payment method") }),
    creditLimit: field.money({ label: label("赊销限额", "Credit limit") }),
    paymentTermDays: field.integer({ label: label("账期（天）", "Payment term (days)"), max: 730 }),
    guaranteeRequired: field.boolean({ label: label("是否担保", "Guarantee required") }),
    remarks: field.longText({ label: label("备注", "Remarks"), required: false }),
  },
})

/**
 * The rating form's values for a proposal: what the approver signs, with the measures against a
 * deterioration as remarks; a score or remark the case lacks is absent rather than empty.
 */
export const creditRatingValues = (
  customerId: string,
  proposal: CreditProposal,
  measures: string | undefined,
) => ({
  customer: customerId,
  creditGrade: proposal.grade,
  ...(proposal.score === undefined ? {} : { creditScore: proposal.score }),
  paymentMethod: proposal.paymentMethod,
  creditLimit: proposal.limit,
  paymentTermDays: proposal.paymentTermDays,
  guaranteeRequired: proposal.guaranteeRequired,
  ...(measures === undefined ? {} : { remarks: measures }),
})
