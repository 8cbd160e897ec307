import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { AcceptanceDecision } from "../labels/acceptance-decision.ts"
import { Channel } from "../labels/channel.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { CustomerKind } from "../labels/customer-kind.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { Urgency } from "../labels/urgency.ts"

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * 客户投诉登记表 (registration form), both variants of the handbook in one: variant 一 gives the
 * acceptance number, date, customer, type, address, telephone, reason, demand and the acceptance
 * decision (受理 + 承诺办理期限, or 不予受理 + 理由); variant 二 adds the work unit, the product and
 * the officer's opinion. The reception flow (投诉接待流程 ①–③: greet, ask the purpose, listen and
 * record) fills it in; the channel, urgency and witness come from 投诉处理报告表.
 *
 * The acceptance section may be left empty and decided later (the process's Accept / Reject
 * commands), or filled in at once when the officer decides at the desk.
 */
export const registrationForm = defineForm({
  id: "complaint.registration",
  title: label("客户投诉登记表", "Complaint registration form"),
  source: "004 ch.6 §3 客户投诉登记表一, §4 客户投诉登记表二",
  fields: {
    customerId: field.customer({ label: label("投诉客户", "Customer") }),
    customerName: field.text({ label: label("投诉客户姓名", "Customer name"), maxLength: 100 }),
    customerKind: field.choice(CustomerKind, { label: label("客户类别", "Kind of customer") }),
    organization: field.text({
      label: label("工作单位", "Organisation"),
      description: label("自然人客户的工作单位", "Where a natural person works"),
      required: false,
      maxLength: 200,
    }),
    // A natural person's (自然人) contact details are personal information (PIPL): 秘密.
    address: field.text({
      label: label("客户地址", "Address"),
      required: false,
      maxLength: 300,
      confidentiality: "secret",
    }),
    phone: field.phone({ label: label("电话", "Telephone"), required: false, confidentiality: "secret" }),
    email: field.text({
      confidentiality: "secret",
      label: label("电子邮箱", "E-mail"),
      required: false,
      maxLength: 254,
      pattern: emailPattern,
    }),
    type: field.choice(ComplaintType, { label: label("投诉类型", "Type of complaint") }),
    category: field.choice(ContentCategory, {
      label: label("投诉内容", "Content"),
      description: label("可在分类时填写", "May be set when the complaint is classified"),
      required: false,
    }),
    channel: field.choice(Channel, { label: label("投诉方式", "Channel") }),
    urgency: field.choice(Urgency, { label: label("处理紧急程度", "Urgency") }),
    receivedAt: field.dateTime({
      label: label("投诉受理日", "Received at"),
      description: label(
        "投诉到达的时间；不填则为登记时间",
        "When the complaint arrived; the registration time when empty",
      ),
      required: false,
    }),
    subject: field.text({ label: label("摘要", "Summary"), maxLength: 120 }),
    description: field.longText({ label: label("投诉缘由", "Reason for the complaint") }),
    demand: field.longText({ label: label("客户要求", "Customer's demand"), maxLength: 2000 }),
    desiredRemedies: field.multiChoice(RemedyKind, {
      label: label("客户希望", "Remedies the customer asks for"),
      required: false,
    }),
    product: field.text({ label: label("所购商品", "Product bought"), required: false }),
    orderNumber: field.text({ label: label("订单编号", "Order number"), required: false, maxLength: 60 }),
    purchaseDate: field.date({ label: label("购货日期", "Date of purchase"), required: false }),
    claimQuantity: field.integer({
      label: label("索赔个数", "Quantity claimed"),
      required: false,
      unit: label("个", "pcs"),
    }),
    claimAmount: field.money({ label: label("索赔金额", "Amount claimed"), required: false }),
    witness: field.text({ label: label("投诉见证人", "Witness"), required: false, maxLength: 100 }),
    receptionNotes: field.longText({
      label: label("接待记录", "Reception notes"),
      description: label(
        "来访接待时的探询与倾听记录（投诉接待流程 ②③）",
        "What the officer asked and heard at the desk (reception flow ② ③)",
      ),
      required: false,
    }),
    officerOpinion: field.longText({
      label: label("客户投诉专员意见", "Officer's opinion"),
      required: false,
    }),
    acceptance: field.choice(AcceptanceDecision, { label: label("投诉受理", "Acceptance"), required: false }),
    promisedDate: field.date({ label: label("承诺办理期限", "Promised handling date"), required: false }),
    rejectionReason: field.choice(RejectionReason, {
      label: label("不予受理理由", "Reason for not accepting"),
      required: false,
    }),
    rejectionExplanation: field.longText({
      label: label("理由说明", "Explanation"),
      required: false,
      maxLength: 2000,
    }),
    remarks: field.longText({ label: label("备注", "Remarks"), required: false, maxLength: 2000 }),
  },
  rules: registrationRules,
})

/** The value of a registration form. */
export type Registration = FormValue<typeof registrationForm.fields>

/**
 * The cross-field rules of the registration form: the customer can be reached, and the acceptance
 * section is consistent (受理 ⇒ promised date; 不予受理 ⇒ reason and explanation).
 */
function registrationRules(value: {
  readonly phone?: string
  readonly email?: string
  readonly address?: string
  readonly acceptance?: AcceptanceDecision
  readonly promisedDate?: string
  readonly rejectionReason?: RejectionReason
  readonly rejectionExplanation?: string
  readonly claimAmount?: { readonly minor: number }
  readonly claimQuantity?: number
}): ReadonlyArray<RuleIssue> {
  const issues: Array<RuleIssue> = []
  if (value.phone === undefined && value.email === undefined && value.address === undefined) {
    issues.push({
      path: ["phone"],
      message: "give a telephone, an e-mail or an address to reach the customer",
    })
  }
  switch (value.acceptance) {
    case "accepted":
      if (value.promisedDate === undefined)
        issues.push({
          path: ["promisedDate"],
          message: "an accepted complaint needs a promised handling date",
        })
      if (value.rejectionReason !== undefined)
        issues.push({
          path: ["rejectionReason"],
          message: "an accepted complaint has no reason for rejection",
        })
      break
    case "rejected":
      if (value.rejectionReason === undefined)
        issues.push({ path: ["rejectionReason"], message: "a complaint not accepted needs a reason" })
      if (value.rejectionExplanation === undefined)
        issues.push({ path: ["rejectionExplanation"], message: "explain the reason to the customer" })
      if (value.promisedDate !== undefined)
        issues.push({ path: ["promisedDate"], message: "a complaint not accepted has no promised date" })
      break
    case undefined:
      if (value.promisedDate !== undefined)
        issues.push({ path: ["acceptance"], message: "a promised date needs the decision 受理 (accepted)" })
      if (value.rejectionReason !== undefined || value.rejectionExplanation !== undefined)
        issues.push({ path: ["acceptance"], message: "a reason for rejection needs the decision 不予受理" })
      break
  }
  return issues
}
