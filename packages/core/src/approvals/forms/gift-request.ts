import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 礼品馈赠申请表 (004 ch.3 §20): which gifts go to whom, and their value. */
export const giftRequestForm = defineForm({
  id: "approval.gift",
  module: "relationships",
  title: label("礼品馈赠申请表", "Gift request"),
  source: "004 ch.3 §20 礼品馈赠申请表",
  fields: {
    requestingDepartment: field.department({ label: label("礼品馈赠申请部门", "Department") }),
    giftDepartment: field.department({
      label: label("礼品管理部门", "Gift custodian dept."),
      required: false,
    }),
    giftDate: field.date({ label: label("馈赠日期", "Date of the gift") }),
    customer: field.customer({ label: label("馈赠对象", "Customer") }),
    recipient: field.text({ label: label("礼品收受人员", "Recipient") }),
    gifts: field.table({
      label: label("礼品明细", "Gifts"),
      maxRows: 50,
      columns: {
        name: field.text({ label: label("礼品名称", "Gift") }),
        quantity: field.integer({ label: label("数量", "Quantity"), min: 1 }),
        value: field.money({ label: label("价值", "Value") }),
        note: field.text({ label: label("备注", "Note"), required: false }),
      },
    }),
    totalValue: field.money({ label: label("价值合计", "Total value") }),
  },
  rules: (value) => {
    let sum = 0
    for (const gift of value.gifts) {
      if (gift.value.currency !== value.totalValue.currency) {
        return [{ path: ["totalValue"], message: "all values in one currency" }]
      }
      sum += gift.value.minor
    }
    return sum === value.totalValue.minor
      ? []
      : [{ path: ["totalValue"], message: "must equal the sum of the gifts" }]
  },
})
