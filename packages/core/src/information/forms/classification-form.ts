import { ConfidentialityLevel } from "../../access/confidentiality-level.ts"
import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * ① 划分密级 of 信息保密管理流程 (004 ch.7 §17): each item of customer information with its
 * level, as the customer service department proposes it and the manager approves it.
 */
export const classificationForm = defineForm({
  id: "information.classification",
  title: label("信息密级划分", "Information classification"),
  source: "004 ch.7 §17 信息保密管理流程 ① 划分密级",
  /** What is classified is itself internal; what an item contains is secret. */
  confidentiality: "internal",
  fields: {
    matterId: field.text({ label: label("编号", "Number"), maxLength: 200 }),
    title: field.text({ label: label("信息名称", "Information"), maxLength: 200 }),
    classifiedBy: field.person({ label: label("划分人", "Classified by") }),
    items: field.table({
      label: label("信息项目", "Items"),
      maxRows: 500,
      columns: {
        itemId: field.text({ label: label("项目编号", "Item number"), maxLength: 200 }),
        description: field.longText({
          label: label("内容摘要", "What it is"),
          maxLength: 500,
          confidentiality: "secret",
        }),
        level: field.choice(ConfidentialityLevel, { label: label("密级", "Classification") }),
      },
    }),
  },
})
