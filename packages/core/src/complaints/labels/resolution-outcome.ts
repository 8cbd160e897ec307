import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * How a complaint ended: a solution executed (按照方案执行), explained because the cause was not
 * the company's (非己方原因), decided in litigation (诉讼程序), withdrawn by the customer, or not
 * accepted at all (不予受理).
 */
export const ResolutionOutcome = enumeration("complaint.outcome", {
  remedied: label("按方案处理", "Remedied"),
  explained: label("非己方原因，已解释", "Explained (not our cause)"),
  litigated: label("诉讼解决", "Decided in litigation"),
  withdrawn: label("客户撤回", "Withdrawn by the customer"),
  rejected: label("不予受理", "Not accepted"),
})

/** How a complaint ended. */
export type ResolutionOutcome = ValueOf<typeof ResolutionOutcome>
