import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Signs of bankruptcy (破产征兆) staff record on 004 ch.7 危险客户统计表. The form leaves the
 * column free; these are the signs credit officers commonly watch for.
 */
export const BankruptcySign = enumeration("credit.bankruptcySign", {
  suspendedOperations: label("停业或半停业", "Operations suspended"),
  unpaidWages: label("拖欠员工工资", "Wages unpaid"),
  lawsuits: label("涉及多起诉讼", "Several lawsuits"),
  assetsSeized: label("资产被查封", "Assets seized"),
  managementMissing: label("负责人失联", "Management unreachable"),
  distressSelling: label("低价抛售存货", "Stock sold off cheaply"),
  suppliersStopped: label("供应商停止供货", "Suppliers stopped delivering"),
  taxArrears: label("欠缴税款", "Tax arrears"),
  frequentManagementChanges: label("高管频繁变动", "Frequent management changes"),
})

/** A sign of bankruptcy. */
export type BankruptcySign = ValueOf<typeof BankruptcySign>
