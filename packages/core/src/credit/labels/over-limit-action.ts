import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * What happens to an order that would take a customer past a control (资信控制): Chinese ERPs
 * differ — some only warn (预警), some send the order for approval (审批), some refuse it (禁止) —
 * so tixi lets the policy choose per credit grade.
 */
export const OverLimitAction = enumeration("credit.overLimitAction", {
  allow: label("允许（提醒）", "Allow with a warning"),
  approval: label("审批", "Send for approval"),
  block: label("禁止", "Block"),
})

/** What happens to an order past a control. */
export type OverLimitAction = ValueOf<typeof OverLimitAction>
