import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { EquipmentCategory } from "../labels/call-labels.ts"

/** 呼叫中心设备明细表 (004 ch.8 §8): the centre's equipment and who uses it. */
export const equipmentForm = defineForm({
  id: "callcenter.equipment",
  title: label("呼叫中心设备明细表", "Call-centre equipment list"),
  source: "004 ch.8 §8 呼叫中心设备明细表",
  fields: {
    department: field.department({ label: label("部门", "Department") }),
    filledOn: field.date({ label: label("填写日期", "Date filled in") }),
    items: field.table({
      label: label("设备", "Equipment"),
      maxRows: 2000,
      columns: {
        number: field.text({ label: label("编号", "Number"), maxLength: 60 }),
        category: field.choice(EquipmentCategory, { label: label("类别", "Category") }),
        extension: field.text({
          label: label("号码", "Extension or serial"),
          maxLength: 60,
          required: false,
        }),
        user: field.person({ label: label("使用人", "Used by"), required: false }),
        quantity: field.integer({ label: label("数量", "Quantity"), min: 1 }),
        purchasedOn: field.date({ label: label("购置日期", "Purchased on"), required: false }),
        remarks: field.text({ label: label("备注", "Remarks"), required: false }),
      },
    }),
  },
})
