import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** The acceptance decision on the registration form (投诉受理: □受理 □不予受理). */
export const AcceptanceDecision = enumeration("complaint.acceptance", {
  accepted: label("受理", "Accepted"),
  rejected: label("不予受理", "Not accepted"),
})

/** The acceptance decision on the registration form. */
export type AcceptanceDecision = ValueOf<typeof AcceptanceDecision>
