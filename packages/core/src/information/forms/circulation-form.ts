import { ConfidentialityLevel } from "../../access/confidentiality-level.ts"
import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { Post } from "../../organisation/post.ts"

/**
 * 传阅范围 of 信息保密管理流程 (004 ch.7 §17): who may receive the classified items — a post, or a
 * named person (with a contact, for someone outside the department) — and up to which level.
 */
export const circulationForm = defineForm({
  id: "information.circulation",
  title: label("传阅范围", "Circulation list"),
  source: "004 ch.7 §17 信息保密管理流程 传阅范围",
  /** The list is internal; a named person's contact is personal data (see `informationPersonalFields`), so secret. */
  confidentiality: "internal",
  fields: {
    matterId: field.text({ label: label("编号", "Number"), maxLength: 200 }),
    recipients: field.table({
      label: label("传阅对象", "Recipients"),
      maxRows: 200,
      columns: {
        recipientId: field.text({ label: label("对象编号", "Recipient number"), maxLength: 200 }),
        post: field.choice(Post, { label: label("岗位", "Post"), required: false }),
        person: field.person({ label: label("人员", "Person"), required: false, confidentiality: "secret" }),
        name: field.text({
          label: label("姓名", "Name"),
          maxLength: 100,
          required: false,
          confidentiality: "secret",
        }),
        phone: field.phone({
          label: label("联系电话", "Telephone"),
          required: false,
          confidentiality: "secret",
        }),
        department: field.department({ label: label("部门", "Department"), required: false }),
        clearance: field.choice(ConfidentialityLevel, { label: label("可阅密级", "Cleared up to") }),
        itemIds: field.text({ label: label("可阅项目", "Items cleared for"), maxLength: 2000 }),
      },
    }),
  },
})
