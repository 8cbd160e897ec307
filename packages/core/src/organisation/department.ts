import { enumeration, type ValueOf } from "../labels/enumeration.ts"
import { label } from "../labels/label.ts"

/**
 * The departments the handbooks' posts sit in. 004 ch.1 describes the 客户服务部; its other
 * chapters name the 大客户部 (ch.4 大客户部市场业绩), the 售后服务部 (ch.5) and the 呼叫中心 (ch.8)
 * as units of their own, and approval chains reach 财务部 and the 总经理 beside it.
 */
export const Department = enumeration("organisation.department", {
  customerService: label("客户服务部", "Customer service department"),
  keyAccounts: label("大客户部", "Key accounts department"),
  afterSales: label("售后服务部", "After-sales department"),
  callCenter: label("呼叫中心", "Call centre"),
  finance: label("财务部", "Finance department"),
  executive: label("总经理办公室", "General management"),
})

/** A department, by its stable id. */
export type Department = ValueOf<typeof Department>
