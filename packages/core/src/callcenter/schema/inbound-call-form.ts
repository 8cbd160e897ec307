import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 呼入记录表 (004 ch.8 §4): what an agent logs about an incoming call. */
export const inboundCallForm = defineForm({
  id: "callcenter.inboundCall",
  title: label("呼入记录表", "Inbound call record"),
  source: "004 ch.8 §4 呼入记录表",
  fields: {
    callerOrganisation: field.text({ label: label("呼入单位", "Calling organisation") }),
    startedAt: field.dateTime({ label: label("开始时间", "Start time") }),
    endedAt: field.dateTime({ label: label("结束时间", "End time") }),
    callerName: field.text({ label: label("呼入者姓名", "Caller's name") }),
    callerPosition: field.text({ label: label("呼入者职位", "Caller's position"), required: false }),
    // A natural person's (自然人) contact details are personal information (PIPL): 秘密.
    callerPhone: field.phone({
      label: label("来电号码", "Caller's number"),
      required: false,
      confidentiality: "secret",
    }),
    customer: field.customer({ label: label("客户", "Customer"), required: false }),
    receiver: field.person({ label: label("接听者姓名", "Answered by") }),
    receiverNumber: field.text({ label: label("接听者编号", "Agent number"), maxLength: 40 }),
    content: field.longText({ label: label("呼入内容", "What the caller wanted") }),
    remarks: field.longText({ label: label("备注", "Remarks"), required: false }),
  },
  rules: (value) =>
    value.endedAt < value.startedAt
      ? [{ path: ["endedAt"], message: "must not be before the start time" }]
      : [],
})
