import { type Label, label } from "../labels/index.ts"

/** Names of the handbook modules (the chapters of 004, 002 and 000), so the coverage table reads in either language. */
export const moduleLabels: Readonly<Record<string, Label>> = {
  organisation: label("客户服务组织", "Service organisation"),
  development: label("客户调查与开发", "Customer research and development"),
  relationships: label("客户关系", "Customer relationships"),
  keyAccounts: label("大客户", "Key accounts"),
  afterSales: label("售后服务", "After-sales service"),
  complaints: label("客户投诉", "Complaints"),
  information: label("客户信息", "Customer information"),
  callCentre: label("呼叫中心", "Call centre"),
  planning: label("客户服务规划", "Service planning"),
  credit: label("客户信用", "Customer credit"),
  promotion: label("客户促销", "Promotions"),
  finance: label("客户财务", "Customer finance"),
  quality: label("客户服务质量", "Service quality"),
  analysisTools: label("分析与解决工具", "Analysis and solution tools"),
}
