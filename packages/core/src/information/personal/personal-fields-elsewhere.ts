import { keyAccountSupportForm } from "../../accounts/schema/key-account-support-form.ts"
import { complaintRemedyRequestForm } from "../../approvals/forms/complaint-remedy-request.ts"
import { hospitalityMealRequestForm } from "../../approvals/forms/hospitality-meal-request.ts"
import { inboundCallForm } from "../../callcenter/schema/inbound-call-form.ts"
import { interviewPlanForm } from "../../callcenter/schema/interview-plan-form.ts"
import { outboundCallForm } from "../../callcenter/schema/outbound-call-form.ts"
import { phoneLogForm } from "../../callcenter/schema/phone-log-form.ts"
import { analysisForm } from "../../complaints/schema/analysis-form.ts"
import { caseTrackingForm } from "../../complaints/schema/case-tracking-form.ts"
import { grievanceForm } from "../../complaints/schema/grievance-form.ts"
import { grievanceHandlingForm } from "../../complaints/schema/grievance-handling-form.ts"
import { handlingForm } from "../../complaints/schema/handling-form.ts"
import { handlingNoticeForm } from "../../complaints/schema/handling-notice-form.ts"
import { handlingRecordForm } from "../../complaints/schema/handling-record-form.ts"
import { registrationForm } from "../../complaints/schema/registration-form.ts"
import { statisticsForm } from "../../complaints/schema/statistics-form.ts"
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
const customer = label(
  "投诉或接受服务的客户可以是自然人，此时客户名称即其姓名",
  "a customer who complains or is served may be a natural person, whose customer name is then their name",
)
const called = label("电话访问或拨打的对象本人", "the person interviewed or called")
const staff = label(
  "被处分员工本人的姓名（员工个人信息）",
  "the sanctioned employee's own name (employee data)",
)
const contactPerson = label(
  "企业客户的联系人是自然人，其姓名与邮箱是个人信息",
  "a company customer's contact is a natural person; their name and email are personal information",
)
const respondent = label(
  "填表人是以个人身份作答的自然人",
  "whoever fills in the survey answers as a natural person",
)

const entry = personalFormField

/**
 * The personal fields (自然人 data under the PIPL) of forms outside customer information, in one
 * place with why each is personal, so an export or erasure request has one list to start from.
 * A test holds every field whose name or label marks a person (name, phone, address, ID number,
 * email, contact) to this list, to the information forms' `personal` marks, or to a written reason
 * why it is not a natural person's data (`notPersonalFields`).
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
  entry(interviewPlanForm as unknown as AnyForm, "customerName", "name", called),
  entry(interviewPlanForm as unknown as AnyForm, "address", "address", called),
  entry(interviewPlanForm as unknown as AnyForm, "phone", "phone", called),
  entry(outboundCallForm as unknown as AnyForm, "customerName", "name", called),
  entry(outboundCallForm as unknown as AnyForm, "phone", "phone", called),
  entry(phoneLogForm as unknown as AnyForm, "calls.callee", "name", called),
  entry(phoneLogForm as unknown as AnyForm, "calls.phone", "phone", called),
  entry(caseTrackingForm as unknown as AnyForm, "sanctions.name", "name", staff),
  entry(analysisForm as unknown as AnyForm, "customerName", "name", customer),
  entry(grievanceForm as unknown as AnyForm, "customerName", "name", customer),
  entry(grievanceHandlingForm as unknown as AnyForm, "customerName", "name", customer),
  entry(handlingForm as unknown as AnyForm, "customerName", "name", customer),
  entry(handlingNoticeForm as unknown as AnyForm, "customerName", "name", customer),
  entry(statisticsForm as unknown as AnyForm, "rows.customerName", "name", customer),
  entry(complaintRemedyRequestForm as unknown as AnyForm, "customerName", "name", customer),
  entry(hospitalityMealRequestForm as unknown as AnyForm, "customerName", "name", customer),
  entry(keyAccountSupportForm as unknown as AnyForm, "contact", "name", contactPerson),
  entry(keyAccountSupportForm as unknown as AnyForm, "email", "email", contactPerson),
]
