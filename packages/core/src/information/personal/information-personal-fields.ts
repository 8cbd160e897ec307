import type { AnyForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { circulationForm } from "../forms/circulation-form.ts"
import { transferRegisterForm } from "../forms/transfer-register-form.ts"
import { type PersonalFormField, personalFormField } from "./personal-locations.ts"

const namedRecipient = label(
  "传阅对象中以个人身份列名者的联系信息",
  "the contact details of a recipient listed by name rather than by post",
)
const signature = label("签收副本者本人", "the person who signed for a copy")

const entry = personalFormField

/**
 * The personal fields (自然人 data under the PIPL) of 信息保密管理流程's own forms, with why each
 * is personal; their levels are on the fields, this list says only which kind of personal data
 * each holds, so the event locations and an export caption them without restating the forms.
 */
export const informationPersonalFields: ReadonlyArray<PersonalFormField> = [
  entry(circulationForm as unknown as AnyForm, "recipients.person", "personId", namedRecipient),
  entry(circulationForm as unknown as AnyForm, "recipients.name", "name", namedRecipient),
  entry(circulationForm as unknown as AnyForm, "recipients.phone", "phone", namedRecipient),
  entry(transferRegisterForm as unknown as AnyForm, "copies.signedBy", "personId", signature),
]
