import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The content of the complaint (投诉内容, 投诉处理报告表: ①品质 ②数量 ③货期 ④态度 ⑤服务 ⑥其他).
 * The summary form (客户投诉总结表) counts the complaints about quality separately.
 */
export const ContentCategory = enumeration("complaint.category", {
  quality: label("品质", "Quality"),
  quantity: label("数量", "Quantity"),
  deliveryDate: label("货期", "Delivery date"),
  attitude: label("态度", "Staff attitude"),
  service: label("服务", "Service"),
  other: label("其他", "Other"),
})

/** The content of the complaint. */
export type ContentCategory = ValueOf<typeof ContentCategory>
