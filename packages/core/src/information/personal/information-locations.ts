import { circulationForm, circulationMarks } from "../forms/circulation-form.ts"
import { transferRegisterForm, transferRegisterMarks } from "../forms/transfer-register-form.ts"
import { informationConfidentialityName } from "../process/information-confidentiality.ts"
import { type PersonalRecordLocation, personalColumnsOf } from "./personal-locations.ts"

/**
 * Where 信息保密管理流程's events hold a person's data, from the forms' `personal` marks: a named
 * recipient's id, name and telephone on the circulation list, and who signed for a copy.
 */
export const informationPersonalLocations: ReadonlyArray<PersonalRecordLocation> = [
  {
    process: informationConfidentialityName,
    eventType: "CirculationSet",
    records: ["recipients", "*"],
    subjectField: "person",
    fields: personalColumnsOf(circulationForm.fields.recipients, circulationMarks.recipients.columns),
  },
  {
    process: informationConfidentialityName,
    eventType: "CopySigned",
    records: [],
    subjectField: "signedBy",
    fields: personalColumnsOf(transferRegisterForm.fields.copies, transferRegisterMarks.copies.columns),
  },
]
