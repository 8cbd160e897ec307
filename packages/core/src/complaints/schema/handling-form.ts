import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"

/**
 * 客户投诉处理表 (handling form): the complaint, the solution the handler proposes (经办人意见),
 * the opinions of the departments consulted (客户, 营销, 生产, 质检, 财务) and the instructions of
 * the vice president and the general manager (副总经理批示, 总经理批示). It is the form of the
 * remedy approval (审批 in 客户投诉处理流程 ⑤): approval hosts render it as their approval form.
 */
export const handlingForm = defineForm({
  id: "complaint.handling",
  title: label("客户投诉处理表", "Complaint handling form"),
  source: "004 ch.6 §9 客户投诉处理表",
  fields: {
    complaintNumber: field.text({ label: label("投诉编号", "Complaint number"), maxLength: 60 }),
    customerName: field.text({ label: label("客户姓名", "Customer name"), maxLength: 100 }),
    product: field.text({ label: label("商品名称", "Product"), required: false }),
    purchaseDate: field.date({ label: label("购货日期", "Date of purchase"), required: false }),
    type: field.choice(ComplaintType, { label: label("投诉类型", "Type of complaint") }),
    reason: field.longText({ label: label("投诉理由", "Complaint reason") }),
    complainantSituation: field.longText({
      label: label("投诉者情况", "Complainant details"),
      maxLength: 2000,
      required: false,
    }),
    demand: field.longText({ label: label("客户要求", "Customer's demand"), maxLength: 2000 }),
    quantity: field.integer({ label: label("数量", "Quantity"), required: false }),
    remedies: field.table({
      label: label("处理方案", "Proposed remedies"),
      maxRows: 20,
      columns: {
        kind: field.choice(RemedyKind, { label: label("处理方式", "Remedy") }),
        amount: field.money({ label: label("金额", "Amount") }),
        // Not 数量: approval hosts match values to controls by label, table columns included.
        quantity: field.integer({ label: label("处理数量", "Remedy quantity"), required: false }),
        note: field.text({ label: label("说明", "Note"), required: false }),
      },
    }),
    total: field.money({ label: label("合计金额", "Total amount") }),
    handlerOpinion: field.longText({ label: label("经办人意见", "Handler's opinion"), maxLength: 2000 }),
    handlerSignature: field.person({ label: label("签字", "Signed by") }),
    customerServiceOpinion: field.longText({
      label: label("客户部门意见", "Service opinion"),
      maxLength: 2000,
      required: false,
    }),
    marketingOpinion: field.longText({
      label: label("营销部门意见", "Marketing's opinion"),
      maxLength: 2000,
      required: false,
    }),
    productionOpinion: field.longText({
      label: label("生产部门意见", "Production's opinion"),
      maxLength: 2000,
      required: false,
    }),
    qualityOpinion: field.longText({
      label: label("质检部门意见", "QA dept. opinion"),
      maxLength: 2000,
      required: false,
    }),
    financeOpinion: field.longText({
      label: label("财务部门意见", "Finance's opinion"),
      maxLength: 2000,
      required: false,
    }),
    vicePresidentInstruction: field.longText({
      label: label("副总经理批示", "VP instruction"),
      maxLength: 2000,
      required: false,
    }),
    generalManagerInstruction: field.longText({
      label: label("总经理批示", "GM instruction"),
      maxLength: 2000,
      required: false,
    }),
  },
  rules: (value) => remedyTotalIssues(value.remedies, value.total),
})

/** The value of a handling form. */
export type HandlingFormValue = FormValue<typeof handlingForm.fields>

/** The total must be the sum of the remedies, all in its currency. */
function remedyTotalIssues(
  remedies: ReadonlyArray<{ readonly amount: { readonly minor: number; readonly currency: string } }>,
  total: { readonly minor: number; readonly currency: string },
): ReadonlyArray<RuleIssue> {
  const issues: Array<RuleIssue> = []
  let sum = 0
  remedies.forEach((remedy, index) => {
    if (remedy.amount.currency !== total.currency)
      issues.push({ path: ["remedies", index, "amount", "currency"], message: `must be ${total.currency}` })
    sum += remedy.amount.minor
  })
  if (issues.length === 0 && sum !== total.minor)
    issues.push({ path: ["total"], message: "must be the sum of the remedies' amounts" })
  return issues
}
