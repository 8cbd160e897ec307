import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ④ 补救处理 of 信息保密管理流程 (004 ch.7 §17): the actions that answer the findings, each with
 * its owner and working days, for the manager's approval; ⑤ then chases each one.
 */
export const remedyForm = defineForm({
  id: "information.remedy",
  title: label("补救处理", "Remedy"),
  source: "004 ch.7 §17 信息保密管理流程 ④ 补救处理 ⑤ 组织执行",
  /** Who does what by when is internal; what the remedy does about a breach is secret. */
  confidentiality: "internal",
  fields: {
    matterId: field.text({ label: label("编号", "Number"), maxLength: 200 }),
    actions: field.table({
      label: label("补救措施", "Actions"),
      maxRows: 200,
      columns: {
        actionId: field.text({ label: label("措施编号", "Action number"), maxLength: 200 }),
        findingIds: field.text({ label: label("针对的发现", "Findings answered"), maxLength: 2000 }),
        action: field.longText({
          label: label("措施", "Action"),
          maxLength: 2000,
          confidentiality: "secret",
        }),
        owner: field.person({ label: label("负责人", "Owner") }),
        workingDays: field.integer({ label: label("完成时限", "Working days"), min: 1, max: 250 }),
      },
    }),
  },
})
