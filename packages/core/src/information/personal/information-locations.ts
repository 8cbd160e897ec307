import type { AnyForm } from "../../forms/form.ts"
import { circulationForm } from "../forms/circulation-form.ts"
import { transferRegisterForm } from "../forms/transfer-register-form.ts"
import { informationConfidentialityName } from "../process/information-confidentiality.ts"
import { informationPersonalFields } from "./information-personal-fields.ts"
import { type PersonalRecordLocation, personalColumnsOf } from "./personal-locations.ts"

/**
 * Where 信息保密管理流程's events hold a person's data, from `informationPersonalFields`: a named
 * recipient's id, name and telephone on the circulation list, and who signed for a copy.
 */
export const informationPersonalLocations: ReadonlyArray<PersonalRecordLocation> = [
  {
    process: informationConfidentialityName,
    eventType: "CirculationSet",
    records: ["recipients", "*"],
    subjectField: "person",
    fields: personalColumnsOf(circulationForm as unknown as AnyForm, "recipients", informationPersonalFields),
  },
  {
    process: informationConfidentialityName,
    eventType: "CopySigned",
    records: [],
    subjectField: "signedBy",
    fields: personalColumnsOf(
      transferRegisterForm as unknown as AnyForm,
      "copies",
      informationPersonalFields,
    ),
  },
]
