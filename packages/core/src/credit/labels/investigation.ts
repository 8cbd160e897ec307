import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Who investigates (004 ch.2 客户信用调查流程 ① 选择信用调查机构). */
export const InvestigationAgency = enumeration("credit.investigationAgency", {
  internal: label("本公司自行调查", "Our own staff"),
  creditAgency: label("专业信用调查机构", "Credit agency"),
  bank: label("通过往来银行", "Through the banks"),
  peers: label("同业调查", "Through the trade"),
})

/** Who investigates. */
export type InvestigationAgency = ValueOf<typeof InvestigationAgency>

/** How (② 选择信用调查方法). */
export const InvestigationMethod = enumeration("credit.investigationMethod", {
  interview: label("面谈", "Interview"),
  siteVisit: label("实地调查", "Site visit"),
  documents: label("资料分析（财务报表等）", "Document review"),
  bankInquiry: label("银行查询", "Bank inquiry"),
  tradeInquiry: label("同业询问", "Trade inquiry"),
  registryCheck: label("工商登记查询", "Registry check"),
})

/** How the investigation is done. */
export type InvestigationMethod = ValueOf<typeof InvestigationMethod>
