import { field } from "../../forms/field.ts"
import { defineForm, type FormValue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { RootCause } from "../labels/root-cause.ts"
import { Severity } from "../labels/severity.ts"

/**
 * 投诉处理记录表 (handling record): who handles the complaint (承办人, 承办主管, 查证人), the
 * complainant, what the complaint is about (投诉标的), both sides' opinions, the investigation and
 * its finding, the final measure, the cause and how grave the matter is.
 */
export const handlingRecordForm = defineForm({
  id: "complaint.handlingRecord",
  title: label("投诉处理记录表", "Complaint handling record"),
  source: "004 ch.6 §8 投诉处理记录表",
  fields: {
    complaintNumber: field.text({ label: label("投诉编号", "Complaint number"), maxLength: 60 }),
    type: field.choice(ComplaintType, { label: label("投诉类型", "Type of complaint") }),
    date: field.date({ label: label("日期", "Date") }),
    handler: field.person({ label: label("承办人", "Handler") }),
    handlingSupervisor: field.person({ label: label("承办主管", "Supervisor in charge"), required: false }),
    verifier: field.person({ label: label("查证人", "Verified by"), required: false }),
    complainantName: field.text({ label: label("投诉者姓名", "Complainant"), maxLength: 100 }),
    // A natural person's (自然人) contact details are personal information (PIPL): 秘密.
    complainantPhone: field.phone({
      label: label("电话", "Telephone"),
      required: false,
      confidentiality: "secret",
    }),
    complainantCompany: field.text({ label: label("公司名称", "Company"), required: false }),
    complainantAddress: field.text({
      label: label("地址", "Address"),
      required: false,
      maxLength: 300,
      confidentiality: "secret",
    }),
    subjectProduct: field.text({ label: label("投诉标的 品名", "Product concerned"), required: false }),
    subjectAmount: field.money({ label: label("投诉标的 金额", "Amount concerned"), required: false }),
    subjectItem: field.text({ label: label("投诉标的 项目", "Item concerned"), required: false }),
    customerOpinion: field.longText({ label: label("对方意见", "Customer's opinion"), maxLength: 2000 }),
    ourOpinion: field.longText({ label: label("本方意见", "Our opinion"), maxLength: 2000, required: false }),
    investigationResults: field.longText({
      label: label("调查项目及结果", "What was investigated and found"),
      required: false,
    }),
    investigationFinding: field.longText({
      label: label("调查判定", "Finding"),
      maxLength: 2000,
      required: false,
    }),
    finalMeasure: field.longText({
      label: label("最后对策", "Final measure"),
      maxLength: 2000,
      required: false,
    }),
    cause: field.choice(RootCause, { label: label("产生原因", "Cause"), required: false }),
    severity: field.choice(Severity, { label: label("情节程度", "Severity"), required: false }),
    remarks: field.longText({ label: label("备注", "Remarks"), maxLength: 2000, required: false }),
    preparedBy: field.person({ label: label("制表", "Prepared by"), required: false }),
    reviewedBy: field.person({ label: label("审核", "Reviewed by"), required: false }),
  },
  rules: (value) =>
    value.investigationFinding !== undefined && value.cause === undefined
      ? [{ path: ["cause"], message: "a finding names the cause (产生原因)" }]
      : [],
})

/** The value of a handling record. */
export type HandlingRecord = FormValue<typeof handlingRecordForm.fields>
