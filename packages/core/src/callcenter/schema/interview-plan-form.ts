import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { CompanyTopic, WorkTopic } from "../labels/call-labels.ts"

/** 电话访谈计划表 (004 ch.8 §7): the plan of a telephone interview with a customer contact. */
export const interviewPlanForm = defineForm({
  id: "callcenter.interviewPlan",
  // A contact's personal profile (birth date, education, hobbies) is personal information (PIPL).
  confidentiality: "secret",
  title: label("电话访谈计划表", "Telephone interview plan"),
  source: "004 ch.8 §7 电话访谈计划表",
  fields: {
    customerName: field.text({ label: label("客户姓名", "Customer's name") }),
    customer: field.customer({ label: label("客户", "Customer"), required: false }),
    address: field.text({ label: label("地址", "Address"), maxLength: 300, required: false }),
    phone: field.phone({ label: label("电话号码", "Telephone number") }),
    birthDate: field.date({ label: label("出生日期", "Date of birth"), required: false }),
    plannedAt: field.dateTime({ label: label("计划访谈时间", "Planned for"), required: false }),
    companyTopics: field.multiChoice(CompanyTopic, { label: label("公司情况", "About the company") }),
    workTopics: field.multiChoice(WorkTopic, { label: label("工作情况", "About the contact's work") }),
    education: field.longText({ label: label("教育经历", "Education"), required: false }),
    employment: field.longText({ label: label("就业经历", "Employment history"), required: false }),
    hobbies: field.longText({ label: label("业余爱好", "Hobbies"), required: false }),
    otherInformation: field.longText({ label: label("其他信息", "Other information"), required: false }),
    notes: field.longText({ label: label("补充说明", "Additional notes"), required: false }),
  },
})
