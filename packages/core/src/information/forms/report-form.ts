import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ⑥ 处理报告 of 信息保密管理流程 (004 ch.7 §17): what was found and done, for the manager's review
 * and the general manager's approval before the matter is archived (存档).
 */
export const reportForm = defineForm({
  id: "information.report",
  title: label("保密处理报告", "Confidentiality report"),
  source: "004 ch.7 §17 信息保密管理流程 ⑥ 处理报告",
  /** The counts are internal; what was done about the breaches is secret. */
  confidentiality: "internal",
  fields: {
    matterId: field.text({ label: label("编号", "Number"), maxLength: 200 }),
    title: field.text({ label: label("信息名称", "Information"), maxLength: 200 }),
    author: field.person({ label: label("报告人", "Reported by") }),
    copies: field.integer({ label: label("传递副本数", "Copies handed over"), min: 0 }),
    findings: field.integer({ label: label("检查发现数", "Findings"), min: 0 }),
    actions: field.integer({ label: label("补救措施数", "Remedy actions"), min: 0 }),
    summary: field.longText({
      label: label("处理情况", "What was done"),
      maxLength: 5000,
      confidentiality: "secret",
    }),
  },
})
