import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** 销售合同 of 大客户分析表: how far the contract with the key account has come. */
export const SalesContractStatus = enumeration("accounts.salesContractStatus", {
  signed: label("已签订", "Signed"),
  signing: label("正签订", "Being signed"),
  notSigned: label("尚未签订", "Not yet signed"),
})

/** Where the sales contract stands. */
export type SalesContractStatus = ValueOf<typeof SalesContractStatus>

/** 资金状况 of 大客户分析表. */
export const FundingStatus = enumeration("accounts.fundingStatus", {
  ample: label("充足", "Ample"),
  average: label("一般", "Average"),
  short: label("不足", "Short"),
  tight: label("紧张", "Tight"),
})

/** A key account's funding. */
export type FundingStatus = ValueOf<typeof FundingStatus>

/** 信用状况 of 大客户分析表: the analyst's word, beside the credit module's grade. */
export const CreditStanding = enumeration("accounts.creditStanding", {
  good: label("佳", "Good"),
  average: label("一般", "Average"),
  poor: label("差", "Poor"),
  veryPoor: label("很差", "Very poor"),
})

/** A key account's credit standing. */
export type CreditStanding = ValueOf<typeof CreditStanding>

/** 在同行中的地位 of 大客户分析表. */
export const TradeStanding = enumeration("accounts.tradeStanding", {
  leading: label("领先", "Leading"),
  middle: label("居中", "Middle of the field"),
  trailing: label("末流", "Trailing"),
})

/** A key account's standing in its trade. */
export type TradeStanding = ValueOf<typeof TradeStanding>

/** 不动产 of 大客户分析表: the premises of the head office and of the branch. */
export const PropertySite = enumeration("accounts.propertySite", {
  headquarters: label("总部", "Head office"),
  branch: label("分企业", "Branch"),
})

/** Which premises a property row describes. */
export type PropertySite = ValueOf<typeof PropertySite>
