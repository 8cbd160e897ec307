import { field } from "../../forms/field.ts"
import { defineForm, type FormValue, type RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"

/**
 * 客户投诉统计表 (statistics form): one line per complaint of a period — date, number, customer,
 * product, purchase date, content, responsible department, how it was handled (退货 换货 折扣
 * 维修 其他) and the loss in yuan. `Complaints.statisticsRecord` fills it from the events.
 */
export const statisticsForm = defineForm({
  id: "complaint.statistics",
  title: label("客户投诉统计表", "Complaint statistics"),
  source: "004 ch.6 §6 客户投诉统计表",
  fields: {
    category: field.choice(ContentCategory, {
      label: label("投诉种类", "Kind of complaint"),
      description: label("不填则为全部种类", "All kinds when empty"),
      required: false,
    }),
    from: field.date({ label: label("起始日期", "From") }),
    to: field.date({ label: label("截止日期", "To") }),
    rows: field.table({
      label: label("投诉明细", "Complaints"),
      required: false,
      maxRows: 100_000,
      columns: {
        date: field.date({ label: label("日期", "Date") }),
        complaintNumber: field.text({ label: label("编号", "Number"), maxLength: 60 }),
        customerName: field.text({ label: label("客户名称", "Customer") }),
        productName: field.text({ label: label("商品名称", "Product"), required: false }),
        purchaseDate: field.date({ label: label("购货日期", "Purchased on"), required: false }),
        content: field.text({ label: label("投诉内容", "Complaint"), maxLength: 200 }),
        responsibleDepartments: field.text({
          label: label("责任部门", "Responsible departments"),
          required: false,
          maxLength: 300,
        }),
        handlingMethods: field.multiChoice(RemedyKind, {
          label: label("处理方式", "Handled by"),
          required: false,
        }),
        loss: field.money({ label: label("损失（元）", "Loss") }),
      },
    }),
    preparedBy: field.person({ label: label("制表", "Prepared by"), required: false }),
    reviewedBy: field.person({ label: label("审核", "Reviewed by"), required: false }),
  },
  rules: (value) => {
    const issues: Array<RuleIssue> = []
    if (value.to < value.from) issues.push({ path: ["to"], message: "must not be before the start" })
    ;(value.rows ?? []).forEach((row, index) => {
      if (row.date < value.from || row.date > value.to)
        issues.push({ path: ["rows", index, "date"], message: "outside the period" })
    })
    return issues
  },
})

/** The value of a statistics form. */
export type StatisticsRecord = FormValue<typeof statisticsForm.fields>
