import { complaintProcessName } from "../../complaints/process/refusal.ts"
import { registrationForm } from "../../complaints/schema/registration-form.ts"
import type { PersonalField, PersonalRecordLocation } from "./personal-locations.ts"

const registrationPersonalFields: Readonly<Record<string, PersonalField>> = {
  customerName: { kind: "name", label: registrationForm.fields.customerName.label },
  address: { kind: "address", label: registrationForm.fields.address.label },
  phone: { kind: "phone", label: registrationForm.fields.phone.label },
  email: { kind: "email", label: registrationForm.fields.email.label },
}

/**
 * Where 客户投诉处理流程 stores a complainant's (自然人) contact details: the registration in the
 * `ComplaintRegistered` event and in the `Register` command the runtime keeps in its inbox, both
 * naming the person by `customerId`. The form's own labels caption the export.
 */
export const complaintPersonalLocations: ReadonlyArray<PersonalRecordLocation> = [
  "ComplaintRegistered",
  "Register",
].map((eventType) => ({
  process: complaintProcessName,
  eventType,
  records: ["registration"],
  subjectField: "customerId",
  fields: registrationPersonalFields,
}))
