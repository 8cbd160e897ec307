import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The outcome of checking an order against the credit controls, mildest first. */
export const ExposureStatus = enumeration("credit.exposureStatus", {
  within: label("额度内", "Within the limit"),
  warning: label("超额提醒", "Allowed with a warning"),
  approval: label("需审批", "Needs approval"),
  blocked: label("禁止", "Blocked"),
})

/** The outcome of a credit check. */
export type ExposureStatus = ValueOf<typeof ExposureStatus>
