import { label } from "../../labels/label.ts"
import type { Scorecard } from "../models/scorecard.ts"

/**
 * The classic 5C model of credit analysis: character (品德, the will to pay: payment record and
 * reputation), capacity (能力, the means to pay: cash flow and earnings), capital (资本, net worth
 * behind the debt), collateral (担保品, what secures it), conditions (经营环境, the economy and the
 * trade). Each is scored 0–100 by the analyst. The handbooks name the model without weights;
 * tixi's defaults weigh character 30 %, capacity 25 %, capital 20 %, collateral 15 %,
 * conditions 10 %, and need four fifths of the weight answered.
 */
export const fiveCScorecard: Scorecard = {
  id: "credit.fiveC",
  title: label("5C 信用评估模型", "5C credit model"),
  source: "classic 5C credit analysis (character, capacity, capital, collateral, conditions)",
  minimumAnsweredPercent: 80,
  items: [
    { id: "character", label: label("品德（还款意愿）", "Character"), weight: 30 },
    { id: "capacity", label: label("能力（偿付能力）", "Capacity"), weight: 25 },
    { id: "capital", label: label("资本", "Capital"), weight: 20 },
    { id: "collateral", label: label("担保品", "Collateral"), weight: 15 },
    { id: "conditions", label: label("经营环境", "Conditions"), weight: 10 },
  ],
}
