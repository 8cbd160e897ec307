import { enumeration, type ValueOf } from "../labels/enumeration.ts"
import { label } from "../labels/label.ts"

/**
 * The modules (业务模块) that own customer data, for need-to-know: a company can rule that only
 * the posts working in a module read its fields above a level, whatever their clearance (only the
 * credit posts read the credit analysis answers). The values follow the chapters of 004 and
 * tixi's module folders, so a form or a host field belongs to exactly one.
 */
export const AccessModule = enumeration("access.module", {
  organisation: label("客户服务组织", "Service organisation"),
  development: label("客户调查与开发", "Customer research and development"),
  relationships: label("客户关系", "Customer relationships"),
  grading: label("客户分级", "Customer grading"),
  keyAccounts: label("大客户", "Key accounts"),
  afterSales: label("售后服务", "After-sales service"),
  complaints: label("客户投诉", "Complaints"),
  information: label("客户信息", "Customer information"),
  callCentre: label("呼叫中心", "Call centre"),
  credit: label("客户信用", "Customer credit"),
  finance: label("客户财务", "Customer finance"),
  quality: label("客户服务质量", "Service quality"),
})

/** A module that owns customer data. */
export type AccessModule = ValueOf<typeof AccessModule>
