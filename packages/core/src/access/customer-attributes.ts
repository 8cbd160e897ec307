import { keyAccountFieldSpecs } from "../accounts/schema/host-fields.ts"
import { callCentreFieldSpecs } from "../callcenter/schema/host-fields.ts"
import { complaintCaseFields } from "../complaints/schema/host-fields.ts"
import { creditFieldSpecs } from "../credit/schema/host-fields.ts"
import { gradingFieldSpecs } from "../grading/schema/host-fields.ts"
import { attributesOf, type CustomerAttribute } from "./customer-attribute.ts"

/**
 * Every attribute tixi writes to a host record, with its module and level: the complaint case's
 * fields, and the customer's grading, credit, key-account and call-centre fields. Adapters filter
 * writes with `writableTo` over this list; read paths project records with it.
 */
export const customerAttributes: ReadonlyArray<CustomerAttribute> = [
  ...attributesOf("complaints", complaintCaseFields),
  ...attributesOf("grading", gradingFieldSpecs),
  ...attributesOf("credit", creditFieldSpecs),
  ...attributesOf("keyAccounts", keyAccountFieldSpecs),
  ...attributesOf("callCentre", callCentreFieldSpecs),
]
