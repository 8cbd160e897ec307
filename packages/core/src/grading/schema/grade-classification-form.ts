import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"

/**
 * 客户等级分类表 (004 ch.7 §3): the customers of each grade AAA / AA / A / B with company name,
 * trade (经营业种) and code, signed by the preparer (填表人), the reviewer (复核人) and the
 * approver (审核人).
 */
export const gradeClassificationForm = defineForm({
  id: "grading.grade-classification",
  title: label("客户等级分类表", "Customer grade classification"),
  source: "004 ch.7 §3 客户等级分类表",
  fields: {
    rows: field.table({
      label: label("客户等级", "Customers by grade"),
      maxRows: 100_000,
      columns: {
        grade: field.choice(CustomerGrade, { label: label("等级", "Grade") }),
        companyName: field.text({ label: label("公司名称", "Company name") }),
        industry: field.text({ label: label("经营业种", "Trade"), required: false }),
        customerCode: field.customer({ label: label("客户代码", "Customer code") }),
      },
    }),
    preparedBy: field.person({ label: label("填表人", "Prepared by") }),
    reviewedBy: field.person({ label: label("复核人", "Reviewed by"), required: false }),
    approvedBy: field.person({ label: label("审核人", "Approved by"), required: false }),
  },
})
