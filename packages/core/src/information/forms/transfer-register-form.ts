import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ② 编号传递 of 信息保密管理流程 (004 ch.7 §17): every copy numbered, handed over, signed for
 * (接收文件) and returned, so a supervision round can account for each one.
 */
export const transferRegisterForm = defineForm({
  id: "information.transferRegister",
  title: label("编号传递登记", "Numbered transfer register"),
  source: "004 ch.7 §17 信息保密管理流程 ② 编号传递",
  /** The register is internal; who signed for a copy is personal data, so secret. */
  confidentiality: "internal",
  fields: {
    matterId: field.text({ label: label("编号", "Number"), maxLength: 200 }),
    copies: field.table({
      label: label("副本", "Copies"),
      required: false,
      maxRows: 1000,
      columns: {
        copyNumber: field.integer({ label: label("副本编号", "Copy number"), min: 1 }),
        itemId: field.text({ label: label("项目编号", "Item number"), maxLength: 200 }),
        recipientId: field.text({ label: label("传阅对象", "Recipient"), maxLength: 200 }),
        handedOverBy: field.person({ label: label("传递人", "Handed over by") }),
        handedOverAt: field.dateTime({ label: label("传递时间", "Handed over at") }),
        signedBy: field.person({
          label: label("签收人", "Signed for by"),
          required: false,
          confidentiality: "secret",
        }),
        signedAt: field.dateTime({ label: label("签收时间", "Signed for at"), required: false }),
        returnedAt: field.dateTime({ label: label("归还时间", "Returned at"), required: false }),
      },
    }),
  },
})
