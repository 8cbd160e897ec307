import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { BreachKind } from "../labels/information-labels.ts"

/**
 * ③ 监督检查 of 信息保密管理流程 (004 ch.7 §17): what a supervision round found when it checked
 * the circulation and the transfers against the records; each finding is a breach to remedy.
 */
export const auditFindingsForm = defineForm({
  id: "information.auditFindings",
  title: label("保密监督检查", "Confidentiality audit findings"),
  source: "004 ch.7 §17 信息保密管理流程 ③ 监督检查",
  /** What was audited is internal; what a breach was is secret. */
  confidentiality: "internal",
  fields: {
    matterId: field.text({ label: label("编号", "Number"), maxLength: 200 }),
    roundId: field.text({ label: label("检查轮次", "Audit round"), maxLength: 200 }),
    auditor: field.person({ label: label("检查人", "Auditor") }),
    findings: field.table({
      label: label("检查发现", "Findings"),
      required: false,
      maxRows: 1000,
      columns: {
        findingId: field.text({ label: label("发现编号", "Finding number"), maxLength: 200 }),
        kind: field.choice(BreachKind, { label: label("问题类别", "Kind of breach") }),
        copyNumber: field.integer({ label: label("副本编号", "Copy number"), min: 1, required: false }),
        recipientId: field.text({ label: label("传阅对象", "Recipient"), maxLength: 200, required: false }),
        description: field.longText({
          label: label("事实描述", "What was found"),
          maxLength: 2000,
          confidentiality: "secret",
        }),
      },
    }),
  },
})
