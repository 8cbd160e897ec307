import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 电话记录表 (004 ch.8 §6): an agent's log of the calls they made, one row a call. */
export const phoneLogForm = defineForm({
  id: "callcenter.phoneLog",
  title: label("电话记录表", "Phone log"),
  source: "004 ch.8 §6 电话记录表",
  fields: {
    agent: field.person({ label: label("姓名", "Name") }),
    filledOn: field.date({ label: label("填写日期", "Date filled in") }),
    calls: field.table({
      label: label("通话记录", "Calls"),
      maxRows: 500,
      columns: {
        callee: field.text({ label: label("被呼叫人的姓名/公司名称", "Person or company called") }),
        // A caller's number is personal information (PIPL), so the log is shown or withheld whole at 秘密.
        phone: field.phone({ label: label("电话号码", "Telephone number"), confidentiality: "secret" }),
        calledAt: field.dateTime({ label: label("日期/通话时间", "Date and time") }),
        durationMinutes: field.decimal({
          label: label("通话长度（分钟）", "Duration (minutes)"),
          min: 0,
          decimals: 1,
        }),
        purpose: field.text({ label: label("目的", "Purpose") }),
        callAgainNeeded: field.boolean({ label: label("重复呼叫的必要性", "Needs another call") }),
        callAgainReason: field.text({ label: label("再次呼叫原因", "Why call again"), required: false }),
      },
    }),
  },
  rules: (value) =>
    value.calls.flatMap((call, index) =>
      call.callAgainNeeded && call.callAgainReason === undefined
        ? [{ path: ["calls", index, "callAgainReason"], message: "say why another call is needed" }]
        : [],
    ),
})
