import { inboundCallForm } from "../../callcenter/schema/inbound-call-form.ts"
import { handlingRecordForm } from "../../complaints/schema/handling-record-form.ts"
import { registrationForm } from "../../complaints/schema/registration-form.ts"
import type { AnyForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { keyAccountOpinionForm } from "../../quality/schema/key-account-opinion-form.ts"
import { serviceQualitySurveyForm } from "../../quality/schema/service-quality-survey-form.ts"
import { type PersonalFormField, personalFormField } from "./personal-locations.ts"

const complainant = label(
  "自然人客户（投诉者）本人的联系信息",
  "a natural-person customer's (the complainant's) own contact details",
)
const caller = label("来电者本人的姓名与号码", "the caller's own name and number")
const respondent = label(
  "填表人是以个人身份作答的自然人",
  "whoever fills in the survey answers as a natural person",
)

const entry = personalFormField

/**
 * The personal fields (自然人 data under the PIPL) of forms outside customer information, in one
 * place with why each is personal, so an export or erasure request has one list to start from.
 * Their processes' event locations are mapped when those flows join the erasure runtime.
 */
export const personalFieldsElsewhere: ReadonlyArray<PersonalFormField> = [
  entry(registrationForm as unknown as AnyForm, "customerName", "name", complainant),
  entry(registrationForm as unknown as AnyForm, "address", "address", complainant),
  entry(registrationForm as unknown as AnyForm, "phone", "phone", complainant),
  entry(registrationForm as unknown as AnyForm, "email", "email", complainant),
  entry(handlingRecordForm as unknown as AnyForm, "complainantName", "name", complainant),
  entry(handlingRecordForm as unknown as AnyForm, "complainantPhone", "phone", complainant),
  entry(handlingRecordForm as unknown as AnyForm, "complainantAddress", "address", complainant),
  entry(inboundCallForm as unknown as AnyForm, "callerName", "name", caller),
  entry(inboundCallForm as unknown as AnyForm, "callerPhone", "phone", caller),
  entry(serviceQualitySurveyForm as unknown as AnyForm, "respondentName", "name", respondent),
  entry(serviceQualitySurveyForm as unknown as AnyForm, "phone", "phone", respondent),
  entry(keyAccountOpinionForm as unknown as AnyForm, "filledBy", "name", respondent),
  entry(keyAccountOpinionForm as unknown as AnyForm, "email", "email", respondent),
  entry(keyAccountOpinionForm as unknown as AnyForm, "address", "address", respondent),
  entry(keyAccountOpinionForm as unknown as AnyForm, "phone", "phone", respondent),
]
