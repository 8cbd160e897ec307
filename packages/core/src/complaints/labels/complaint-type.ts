import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** What the complaint is about (投诉类型, 客户投诉登记表一: □商品 □服务 □其他). */
export const ComplaintType = enumeration("complaint.type", {
  product: label("商品", "Product"),
  service: label("服务", "Service"),
  other: label("其他", "Other"),
})

/** What the complaint is about. */
export type ComplaintType = ValueOf<typeof ComplaintType>
