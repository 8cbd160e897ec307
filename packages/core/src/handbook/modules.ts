import { type Label, label } from "../labels/index.ts"

/** Names of the handbook modules (004's chapters), so the coverage table reads in either language. */
export const moduleLabels: Readonly<Record<string, Label>> = {
  organisation: label("组织结构与责权", "Organisation"),
  development: label("客户调查与开发", "Customer research and development"),
  relationships: label("客户关系", "Customer relationships"),
  keyAccounts: label("大客户", "Key accounts"),
  afterSales: label("售后服务", "After-sales service"),
  complaints: label("客户投诉", "Complaints"),
  information: label("客户信息", "Customer information"),
  callCentre: label("呼叫中心", "Call centre"),
}
