import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * 优秀客户统计表 (004 ch.7 §12): each excellent customer with its main business, responsible
 * person, the year's trade (年交易总额), the products and prices it gets on preferential terms
 * (优惠产品, 优惠价格) and the year's gross margin (年交易毛利).
 */
export const excellentCustomersForm = defineForm({
  id: "credit.excellent-customers",
  title: label("优秀客户统计表", "Excellent customers"),
  source: "004 ch.7 §12 优秀客户统计表",
  fields: {
    date: field.date({ label: label("日期", "Date") }),
    rows: field.table({
      label: label("优质客户", "Excellent customers"),
      maxRows: 100_000,
      columns: {
        customerName: field.text({ label: label("优质客户名称", "Customer name") }),
        customerCode: field.customer({ label: label("客户编号", "Customer code") }),
        mainBusiness: field.text({ label: label("主营项目", "Main business"), required: false }),
        responsiblePerson: field.text({ label: label("负责人", "Responsible person"), required: false }),
        annualTrade: field.money({ label: label("年交易总额", "Trade this year") }),
        preferentialProducts: field.text({
          label: label("优惠产品", "Preferential products"),
          required: false,
        }),
        preferentialPrice: field.text({ label: label("优惠价格", "Preferential prices"), required: false }),
        annualGrossMargin: field.money({
          label: label("年交易毛利", "Gross margin this year"),
          allowNegative: true,
        }),
      },
    }),
  },
})
