import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The credit scoring models: the handbook's analysis form and the classic 5C. */
export const ScoringModel = enumeration("credit.scoringModel", {
  analysisForm: label("客户信用分析表", "Credit analysis form"),
  fiveC: label("5C 模型", "5C model"),
})

/** A credit scoring model. */
export type ScoringModel = ValueOf<typeof ScoringModel>
