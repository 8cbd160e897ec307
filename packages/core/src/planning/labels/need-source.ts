import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Where the need for a new service standard came from (002 2.4 ① 发现标准需求): the approvers
 * weigh a standard raised by repeated complaints differently from one a survey suggested.
 */
export const NeedSource = enumeration("planning.needSource", {
  qualityFindings: label("服务质量检查发现", "Service quality findings"),
  complaints: label("客户投诉", "Customer complaints"),
  customerSurvey: label("客户调查", "Customer survey"),
  competitors: label("竞争对手变化", "Competitors' changes"),
  regulation: label("法规或公司制度变化", "Regulation or company rules"),
  other: label("其他", "Other"),
})

/** A source of the need for a new service standard. */
export type NeedSource = ValueOf<typeof NeedSource>
