import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 呼出记录表 (004 ch.8 §5): what an agent logs about a call the centre made. */
export const outboundCallForm = defineForm({
  id: "callcenter.outboundCall",
  title: label("呼出记录表", "Outbound call record"),
  source: "004 ch.8 §5 呼出记录表",
  fields: {
    calledOrganisation: field.text({ label: label("呼出单位", "Organisation called") }),
    startedAt: field.dateTime({ label: label("开始时间", "Start time") }),
    endedAt: field.dateTime({ label: label("结束时间", "End time") }),
    caller: field.person({ label: label("呼出者姓名", "Called by") }),
    callerNumber: field.text({ label: label("呼出者编号", "Agent number"), maxLength: 40 }),
    customerName: field.text({ label: label("客户姓名", "Customer's name") }),
    customerPosition: field.text({ label: label("客户职位", "Customer's position"), required: false }),
    customer: field.customer({ label: label("客户", "Customer"), required: false }),
    // A natural person's (自然人) contact details are personal information (PIPL): 秘密.
    phone: field.phone({
      label: label("电话号码", "Number called"),
      required: false,
      confidentiality: "secret",
    }),
    content: field.longText({ label: label("呼出内容", "What the call was about") }),
    handlingOpinion: field.longText({ label: label("处理意见", "Handling opinion"), required: false }),
  },
  rules: (value) =>
    value.endedAt < value.startedAt
      ? [{ path: ["endedAt"], message: "must not be before the start time" }]
      : [],
})
