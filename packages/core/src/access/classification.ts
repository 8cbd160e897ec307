import type { AccessModule } from "./access-module.ts"
import type { ConfidentialityLevel } from "./confidentiality-level.ts"

/** How one field is classified: its level (密级) and the module whose need-to-know rule governs it. */
export interface FieldClassification {
  readonly level: ConfidentialityLevel
  readonly module: AccessModule
}

/**
 * The fields of a kind of record by name, each classified: a form's fields, the customer
 * attributes, a status view's columns. The projection and `writableTo` work on this alone, so
 * every read path classifies its record once and shares the one rule.
 */
export type Classification = { readonly [field: string]: FieldClassification }

/**
 * How a field nobody classified is treated: as 机密 customer information. Failing closed means a
 * new attribute a host adds, or a column a caller forgot, is withheld until someone classifies it.
 */
export const unclassifiedField: FieldClassification = { level: "confidential", module: "information" }
