import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** 企业性质 of 大客户支持表: who owns the customer decides who signs and how long a sale takes. */
export const EnterpriseOwnership = enumeration("accounts.enterpriseOwnership", {
  stateOwned: label("国有", "State-owned"),
  jointStock: label("股份制", "Joint-stock"),
  jointVenture: label("合资", "Joint venture"),
  foreignOwned: label("外资", "Foreign-owned"),
  private: label("民营", "Private"),
})

/** The ownership of a key account. */
export type EnterpriseOwnership = ValueOf<typeof EnterpriseOwnership>

/** 所属行业 of 大客户支持表, as the handbook lists them (其他 with its name beside). */
export const EnterpriseIndustry = enumeration("accounts.enterpriseIndustry", {
  consumerGoods: label("消费品", "Consumer goods"),
  processing: label("加工处理", "Processing"),
  automotive: label("汽车", "Automotive"),
  electronics: label("电子", "Electronics"),
  assembly: label("装配", "Assembly"),
  pharmaceuticals: label("医药", "Pharmaceuticals"),
  contracting: label("承包合同", "Contracting"),
  machinery: label("机械", "Machinery"),
  other: label("其他（请指明）", "Other (please name)"),
})

/** The industry of a key account. */
export type EnterpriseIndustry = ValueOf<typeof EnterpriseIndustry>

/** 企业管理重点 of 大客户支持表: where the customer's management wants help, so pre-sales brings the right people. */
export const ManagementFocus = enumeration("accounts.managementFocus", {
  finance: label("财务", "Finance"),
  groupFinance: label("集团财务", "Group finance"),
  budget: label("预算", "Budgeting"),
  purchasing: label("采购", "Purchasing"),
  inventory: label("库存", "Inventory"),
  production: label("生产", "Production"),
  qualityInspection: label("质检", "Quality inspection"),
  sales: label("销售", "Sales"),
  cost: label("成本", "Costing"),
  other: label("其他（请指明）", "Other (please name)"),
})

/** A management focus of a key account. */
export type ManagementFocus = ValueOf<typeof ManagementFocus>
