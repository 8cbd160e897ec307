import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * What the company offers the customer (处理方式, 客户投诉统计表: 退货 换货 折扣 维修 其他; 客户希望,
 * 客户投诉处理通知单: 更换新品 退款 打折扣 至客户处更换 其他), with compensation (赔偿) added.
 */
export const RemedyKind = enumeration("complaint.remedy", {
  return: label("退货", "Return"),
  exchange: label("换货", "Exchange"),
  discount: label("折扣", "Discount"),
  repair: label("维修", "Repair"),
  refund: label("退款", "Refund"),
  onSiteReplacement: label("至客户处更换", "Replacement at the customer's site"),
  compensation: label("赔偿", "Compensation"),
  other: label("其他", "Other"),
})

/** What the company offers the customer. */
export type RemedyKind = ValueOf<typeof RemedyKind>
