import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The groups of 004 ch.4 §8 大客户问卷调查表: the company, products and service, people. */
export const SurveyGroup = enumeration("accounts.surveyGroup", {
  company: label("公司", "The company"),
  productsAndService: label("产品和服务", "Products and service"),
  people: label("人员", "People"),
})

/** A group of the key-account survey. */
export type SurveyGroup = ValueOf<typeof SurveyGroup>

/** Which way a survey item moved between two surveys (差异分析). */
export const GapTrend = enumeration("accounts.gapTrend", {
  improved: label("明显改善", "Clearly better"),
  steady: label("基本持平", "About the same"),
  declined: label("明显下降", "Clearly worse"),
  new: label("首次调查", "First survey"),
})

/** Which way a survey item moved. */
export type GapTrend = ValueOf<typeof GapTrend>
