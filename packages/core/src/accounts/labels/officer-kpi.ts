import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The personal goals of 004 ch.4 §10 大客户专员考核表 (个人绩效目标 / 衡量指标). */
export const OfficerKpi = enumeration("accounts.officerKpi", {
  maintenancePlan: label("制定优质客户维护计划并实施", "Plan for keeping good customers, carried out"),
  keyAccountChurn: label("AA（包含）以上客户流失（订单全部转移）率", "Churn of AA-and-above accounts"),
  newKeyAccounts: label("确定并签约目标大客户（AA 以上新客户）", "Target key accounts found and signed"),
  newKeyAccountOrders: label("目标大客户（AA 以上新客户）下单量", "Orders from new key accounts"),
  upgrades: label("提升现有普通客户成为大客户", "Ordinary customers raised to key accounts"),
  officeComplaints: label("各办事处投诉（非业务原因）次数", "Complaints per office (non-business)"),
})

/** A KPI of the key-account officer. */
export type OfficerKpi = ValueOf<typeof OfficerKpi>
