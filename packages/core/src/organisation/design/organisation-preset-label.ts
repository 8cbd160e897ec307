import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The handbook's two organisation charts (004 ch.1 §1–§2) as labelled choices, so the design
 * proposal (002 3.2 ①) names the one the analysis found fitting in the approvers' language.
 */
export const OrganisationPresetLabel = enumeration("organisation.preset", {
  smallEnterprise: label("中小型企业", "Small or medium enterprise"),
  largeEnterprise: label("大型企业", "Large enterprise"),
})

/** One of the handbook's organisation charts. */
export type OrganisationPresetLabel = ValueOf<typeof OrganisationPresetLabel>
