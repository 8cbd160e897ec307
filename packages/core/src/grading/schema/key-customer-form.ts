import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

const position = () => field.integer({ label: label("序号", "No."), min: 1, max: 1000 })
const customerName = () => field.text({ label: label("客户名称", "Customer name") })

/**
 * 重点客户管理表 (004 ch.3 §9): the top 10 by sales, by sales growth and by margin rate, the
 * customers chosen for key management with a sales target, the reason and the actions, and the
 * advice of the customer-service manager and the general manager.
 */
export const keyCustomerForm = defineForm({
  id: "grading.key-customers",
  title: label("重点客户管理表", "Key customer management"),
  source: "004 ch.3 §9 重点客户管理表",
  fields: {
    topBySales: field.table({
      label: label("销售额前 10 名", "Top 10 by sales"),
      required: false,
      maxRows: 1000,
      columns: {
        position: position(),
        customerName: customerName(),
        sales: field.money({ label: label("销售额", "Sales") }),
      },
    }),
    topByGrowth: field.table({
      label: label("销售增长率前 10 名", "Top 10 by sales growth"),
      required: false,
      maxRows: 1000,
      columns: {
        position: position(),
        customerName: customerName(),
        growthPercent: field.decimal({ label: label("增长率 %", "Growth %"), decimals: 2 }),
      },
    }),
    topByMargin: field.table({
      label: label("销售利润率前 10 名", "Top 10 by margin rate"),
      required: false,
      maxRows: 1000,
      columns: {
        position: position(),
        customerName: customerName(),
        marginPercent: field.decimal({ label: label("利润率 %", "Margin %"), decimals: 2 }),
      },
    }),
    keyCustomers: field.table({
      label: label("重点管理客户", "Customers under key management"),
      required: false,
      columns: {
        customer: field.customer({ label: label("客户", "Customer") }),
        salesTarget: field.money({ label: label("销售额目标", "Sales target") }),
        reason: field.longText({
          label: label("将其设为重点客户的原因", "Why a key customer"),
          maxLength: 1000,
        }),
        actions: field.longText({
          label: label("实现目标的行动措施", "Actions to reach the target"),
          maxLength: 2000,
        }),
      },
    }),
    managerAdvice: field.longText({
      label: label("客户服务部经理建议", "Customer-service manager's advice"),
      required: false,
    }),
    generalManagerAdvice: field.longText({
      label: label("总经理建议", "General manager's advice"),
      required: false,
    }),
  },
})
