import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Whether the complaining customer is an organisation (法人客户) or a natural person (自然人客户);
 * the values are the host's `CustomerKind`.
 */
export const CustomerKind = enumeration("customer.kind", {
  organization: label("法人客户", "Organisation"),
  person: label("自然人客户", "Natural person"),
})

/** Whether the customer is an organisation or a natural person. */
export type CustomerKind = ValueOf<typeof CustomerKind>
