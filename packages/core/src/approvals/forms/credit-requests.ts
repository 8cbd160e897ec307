import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { enumeration } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** An order or delivery that would take the customer over the credit limit (资信控制). */
export const creditLimitOverrideRequestForm = defineForm({
  id: "approval.creditLimitOverride",
  module: "credit",
  title: label("超信用额度申请", "Credit-limit override request"),
  source: "000 ch.7 资信控制",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    creditLimit: field.money({ label: label("信用额度", "Credit limit") }),
    exposure: field.money({ label: label("当前应收余额", "Current exposure") }),
    orderAmount: field.money({ label: label("本次订单金额", "Order amount") }),
    orderReference: field.text({ label: label("订单编号", "Order reference"), maxLength: 60 }),
    reason: field.longText({ label: label("申请理由", "Reason") }),
  },
})

/** Credit grades of 004's 信用调查总表. */
export const CreditGradeChoice = enumeration("approval.creditGrade", {
  A: label("A级", "A"),
  B: label("B级", "B"),
  C: label("C级", "C"),
  D: label("D级", "D"),
})

/** 信用等级变更申请: the approval request for a grade change, after 客户信用度变更表 (004 ch.7 §11). */
export const creditGradeChangeRequestForm = defineForm({
  id: "approval.creditGradeChange",
  module: "credit",
  title: label("信用等级变更申请", "Credit-grade change request"),
  source: "004 ch.7 §11 客户信用度变更表",
  fields: {
    customer: field.customer({ label: label("客户名称", "Customer") }),
    legalRepresentative: field.text({ label: label("法人代表", "Legal representative"), required: false }),
    address: field.text({ label: label("地址", "Address"), required: false }),
    contact: field.phone({ label: label("联系方式", "Telephone"), required: false }),
    annualVolume: field.money({ label: label("年度交易额", "Annual trade volume"), required: false }),
    currentGrade: field.choice(CreditGradeChoice, {
      label: label("原信用等级", "Current grade"),
      confidentiality: "internal",
    }),
    newGrade: field.choice(CreditGradeChoice, {
      label: label("变更后等级", "New grade"),
      confidentiality: "internal",
    }),
    reason: field.longText({ label: label("信用等级变更原因", "Reason for change") }),
    strategy: field.longText({ label: label("发展对策", "Strategy"), required: false }),
    notes: field.longText({ label: label("备注", "Notes"), required: false }),
  },
  rules: (value) =>
    value.currentGrade === value.newGrade
      ? [{ path: ["newGrade"], message: "must differ from the current grade" }]
      : [],
})

/** A customer asks to pay later than agreed (延期付款审核, 002 ch.9 §9.4). */
export const deferredPaymentRequestForm = defineForm({
  id: "approval.deferredPayment",
  module: "finance",
  title: label("延期付款申请", "Deferred payment request"),
  source: "002 ch.9 §9.4 延期付款审核工作流程",
  fields: {
    customer: field.customer({ label: label("客户", "Customer") }),
    receivable: field.text({ label: label("应收单号", "Receivable reference"), maxLength: 60 }),
    amount: field.money({ label: label("延期金额", "Amount deferred") }),
    originalDueDate: field.date({ label: label("原付款日期", "Original due date") }),
    requestedDueDate: field.date({ label: label("申请付款日期", "Requested due date") }),
    reason: field.longText({ label: label("延期原因", "Reason") }),
  },
  rules: (value) =>
    value.requestedDueDate <= value.originalDueDate
      ? [{ path: ["requestedDueDate"], message: "must be after the original due date" }]
      : [],
})

/**
 * 《客户信用等级评定标准和政策》 (004 ch.7 §19 客户信用制度制定流程 ④): the credit standard the
 * 客户服务部经理 approves before it becomes the company's credit policy — what it rests on (①–③),
 * each grade's score band, limit, payment term, payment method, guarantee and over-limit
 * control, and the overdue and danger-customer controls.
 */
export const creditStandardRequestForm = defineForm({
  id: "approval.creditStandard",
  // The company's own credit rules, not a customer's data: 内部.
  module: "credit",
  confidentiality: "internal",
  title: label("客户信用等级评定标准和政策", "Credit grading standard and policy"),
  source: "004 ch.7 §19 客户信用制度制定流程 ④",
  fields: {
    version: field.text({ label: label("制度版本", "Policy version"), maxLength: 60 }),
    basis: field.longText({ label: label("制定依据", "Basis (steps ①–③)") }),
    grades: field.table({
      label: label("信用等级标准", "Grades"),
      minRows: 4,
      maxRows: 4,
      columns: {
        grade: field.choice(CreditGradeChoice, { label: label("信用等级", "Grade") }),
        minimumScore: field.decimal({ label: label("最低评分", "Lowest score"), min: 0, max: 100 }),
        monthsOfRevenue: field.decimal({
          label: label("额度（月采购额）", "Limit (months)"),
          min: 0,
          max: 36,
        }),
        minimumLimit: field.money({ label: label("最低赊销限额", "Lowest limit") }),
        maximumLimit: field.money({ label: label("最高赊销限额", "Highest limit") }),
        paymentTermDays: field.integer({ label: label("账期（天）", "Payment term (days)"), max: 730 }),
        paymentMethod: field.text({ label: label("付款方式", "Payment method"), maxLength: 60 }),
        guaranteeRequired: field.boolean({ label: label("是否担保", "Guarantee required") }),
        overLimit: field.text({ label: label("超限控制", "Over-limit control"), maxLength: 120 }),
      },
    }),
    overdueControl: field.text({ label: label("逾期控制", "Overdue control"), maxLength: 120 }),
    dangerControl: field.text({ label: label("危险客户控制", "Danger customers"), maxLength: 200 }),
    notes: field.longText({ label: label("备注", "Notes"), required: false }),
  },
})
