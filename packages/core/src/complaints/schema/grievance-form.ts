import { field } from "../../forms/field.ts"
import { defineForm, type FormValue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * 客户抱怨表 (customer grievance form): a dissatisfaction short of a formal complaint, with what
 * has been done, what still needs doing, and the follow-up already made. Staff keep it so that
 * grievances are seen before they become complaints (避免投诉).
 */
export const grievanceForm = defineForm({
  id: "complaint.grievance",
  title: label("客户抱怨表", "Customer grievance form"),
  source: "004 ch.6 §14 客户抱怨表",
  fields: {
    customerName: field.text({ label: label("客户姓名", "Customer name"), maxLength: 100 }),
    number: field.text({ label: label("编号", "Number"), maxLength: 60 }),
    filledBy: field.person({ label: label("填表人", "Filled in by") }),
    filledOn: field.date({ label: label("填写日期", "Filled in on") }),
    summary: field.longText({
      label: label("抱怨摘要", "What the customer is unhappy about"),
      maxLength: 2000,
    }),
    actionsTaken: field.longText({
      label: label("已采取行动", "Actions taken"),
      maxLength: 2000,
      required: false,
    }),
    actionsNeeded: field.longText({
      label: label("所需行动", "Actions needed"),
      maxLength: 2000,
      required: false,
    }),
    followUpsMade: field.longText({
      label: label("已进行跟进行动", "Follow-up made"),
      maxLength: 2000,
      required: false,
    }),
    preparedBy: field.person({ label: label("制表", "Prepared by"), required: false }),
    reviewedBy: field.person({ label: label("审核", "Reviewed by"), required: false }),
  },
  rules: (value) =>
    value.actionsTaken === undefined && value.actionsNeeded === undefined
      ? [{ path: ["actionsNeeded"], message: "record what was done or what needs doing" }]
      : [],
})

/** The value of a grievance form. */
export type Grievance = FormValue<typeof grievanceForm.fields>
