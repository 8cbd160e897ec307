import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The quadrants of the current-value × potential-value matrix (000 ch.4 §4.5.7
 * 大客户当前价值与潜在价值组合分析): what a key account is worth now, against what it could be
 * worth, decides where the company invests.
 */
export const ValueQuadrant = enumeration("accounts.valueQuadrant", {
  strategic: label("战略客户（高当前价值·高潜在价值）：重点投入", "Strategic: invest"),
  core: label("核心客户（高当前价值·低潜在价值）：全力维持", "Core: maintain"),
  growth: label("潜力客户（低当前价值·高潜在价值）：积极开发", "Growth: develop"),
  ordinary: label("一般客户（低当前价值·低潜在价值）：控制成本", "Ordinary: serve at low cost"),
})

/** A quadrant of the value matrix. */
export type ValueQuadrant = ValueOf<typeof ValueQuadrant>
