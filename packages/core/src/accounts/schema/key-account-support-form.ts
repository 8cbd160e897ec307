import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { EnterpriseIndustry, EnterpriseOwnership, ManagementFocus } from "../labels/enterprise-profile.ts"
import {
  PresalesInformationRating,
  PresalesStaffLevel,
  PresalesSupportKind,
} from "../labels/presales-support.ts"

const rating = (zh: string, en: string) =>
  field.choice(PresalesInformationRating, { label: label(zh, en), required: false })

/**
 * 大客户支持表 (004 ch.4 §5): the account team's request for pre-sales support on a key account —
 * who the customer is (company, people, ownership, industry, size, systems, management focus),
 * the deal (value, signing and start dates, competitors, history), the support wanted, whom to
 * send and the agenda; pre-sales rates the request and the account team the result. "其他" boxes
 * have their name beside them, required when ticked.
 */
export const keyAccountSupportForm = defineForm({
  id: "accounts.key-account-support",
  title: label("大客户支持表", "Key account support request"),
  source: "004 ch.4 §5 大客户支持表",
  fields: {
    requestingDepartment: field.department({ label: label("申请部门", "Requesting department") }),
    requestedOn: field.date({ label: label("日期", "Date") }),
    number: field.text({ label: label("编号", "Number"), required: false, maxLength: 50 }),
    customer: field.customer({ label: label("客户单位名称", "Customer") }),
    generalManager: field.text({ label: label("总经理/厂长", "General manager / factory director") }),
    address: field.text({ label: label("地址", "Address"), maxLength: 300 }),
    postcode: field.text({
      label: label("邮编", "Postcode"),
      pattern: /^[0-9A-Za-z -]{3,10}$/,
      required: false,
    }),
    phoneOrFax: field.phone({ label: label("电话/传真", "Phone / fax") }),
    contact: field.text({ label: label("联系人及职务", "Contact and position") }),
    email: field.text({
      label: label("电子邮件", "E-mail"),
      pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
      required: false,
    }),
    projectLead: field.text({
      label: label("项目负责人及职务", "Project lead and position"),
      required: false,
    }),
    financeManager: field.text({ label: label("财务经理/处长", "Finance manager"), required: false }),
    informationLead: field.text({
      label: label("信息负责人", "Head of information systems"),
      required: false,
    }),
    ownership: field.choice(EnterpriseOwnership, { label: label("企业性质", "Ownership") }),
    industry: field.choice(EnterpriseIndustry, { label: label("所属行业", "Industry") }),
    industryOther: field.text({ label: label("其他行业（请指明）", "Other industry"), required: false }),
    annualRevenue: field.money({
      label: label("企业规模：年收入（万元）", "Size: annual revenue"),
      required: false,
    }),
    employees: field.integer({ label: label("企业规模：员工人数", "Size: employees"), required: false }),
    subsidiaries: field.integer({
      label: label("企业规模：下属单位数目", "Size: subsidiaries"),
      required: false,
      max: 100_000,
    }),
    mainProducts: field.text({ label: label("主要产品", "Main products"), required: false, maxLength: 500 }),
    informationSystems: field.longText({
      label: label("信息系统建设情况", "Information systems in place"),
      required: false,
    }),
    managementFocus: field.multiChoice(ManagementFocus, {
      label: label("企业管理重点", "Management focus"),
      required: false,
    }),
    managementFocusOther: field.text({
      label: label("其他管理重点（请指明）", "Other management focus"),
      required: false,
    }),
    expectedContractValue: field.money({ label: label("预计合同金额", "Expected contract value") }),
    expectedSigning: field.date({ label: label("预计签约时间", "Expected signing") }),
    expectedImplementation: field.date({
      label: label("预计实施时间", "Expected implementation"),
      required: false,
    }),
    competitors: field.longText({ label: label("竞争对手情况", "Competitors"), required: false }),
    background: field.longText({
      label: label("项目背景及联系过程综述", "Project background and contacts so far"),
    }),
    supportWanted: field.multiChoice(PresalesSupportKind, {
      label: label("希望得到何种售前支持", "Pre-sales support wanted"),
    }),
    supportWantedOther: field.text({
      label: label("其他售前支持（请指明）", "Other support"),
      required: false,
    }),
    staffLevels: field.multiChoice(PresalesStaffLevel, {
      label: label("申请人员级别", "Staff asked for"),
    }),
    staffCount: field.integer({ label: label("申请人数", "Number of staff"), min: 1, max: 100 }),
    agenda: field.table({
      label: label("售前支持议程", "Pre-sales agenda"),
      required: false,
      maxRows: 50,
      columns: {
        time: field.dateTime({ label: label("时间", "Time") }),
        content: field.text({ label: label("内容", "Content"), maxLength: 500 }),
        audience: field.text({ label: label("主要听众对象", "Main audience"), required: false }),
        remarks: field.text({ label: label("备注", "Remarks"), required: false, maxLength: 500 }),
      },
    }),
    presalesStaffing: field.text({
      label: label("售前人员安排", "Pre-sales staff assigned"),
      required: false,
      maxLength: 500,
    }),
    completeness: rating("售前信息评价：完整性", "Request information: completeness"),
    correctness: rating("售前信息评价：正确性", "Request information: correctness"),
    detail: rating("售前信息评价：详细程度", "Request information: detail"),
    overall: rating("售前信息评价：总体评价", "Request information: overall"),
    outcome: field.longText({
      label: label("售前效果评价", "Result of the pre-sales support"),
      required: false,
    }),
    applicant: field.person({ label: label("申请人", "Applicant") }),
    applicantContact: field.text({ label: label("联系方式", "Applicant's contact"), required: false }),
    departmentManager: field.person({
      label: label("部门经理（签字）", "Department manager (signature)"),
      required: false,
    }),
  },
  rules: (value) => [
    ...(value.industry === "other" && value.industryOther === undefined
      ? [{ path: ["industryOther"], message: "name the industry when 其他 is ticked" }]
      : []),
    ...(value.managementFocus?.includes("other") && value.managementFocusOther === undefined
      ? [{ path: ["managementFocusOther"], message: "name the focus when 其他 is ticked" }]
      : []),
    ...(value.supportWanted.includes("other") && value.supportWantedOther === undefined
      ? [{ path: ["supportWantedOther"], message: "name the support when 其他 is ticked" }]
      : []),
  ],
})
