import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * 客户服务质量标准编制审批表 (002 10.5 客户服务质量标准编制; 000 10.3.1 客户服务质量标准规范): a new
 * version of the quality standard with what it changes, its basis and its review, for approval.
 */
export const standardForm = defineForm({
  id: "quality.standard",
  title: label("客户服务质量标准编制审批表", "Service quality standard approval"),
  source: "002 ch.10 10.5 客户服务质量标准编制流程; 000 ch.10 10.3.1 客户服务质量标准规范",
  fields: {
    standardNumber: field.text({ label: label("标准编号", "Standard no."), maxLength: 200 }),
    title: field.text({ label: label("标准名称", "Standard title"), maxLength: 200 }),
    version: field.text({ label: label("版本号", "Version"), maxLength: 100 }),
    previousVersion: field.text({ label: label("替代版本", "Replaces version"), maxLength: 100 }),
    basis: field.longText({ label: label("编制依据", "Basis"), maxLength: 2000 }),
    changes: field.longText({ label: label("主要变更内容", "What it changes"), maxLength: 5000 }),
    author: field.person({ label: label("编制人", "Drafted by") }),
    draftedOn: field.date({ label: label("编制日期", "Drafted on") }),
    reviewer: field.person({ label: label("审核人", "Reviewed by"), required: false }),
    reviewComments: field.longText({ label: label("审核/征求意见", "Review comments"), required: false }),
    approver: field.person({ label: label("批准人", "Approved by"), required: false }),
    approvedOn: field.date({ label: label("批准日期", "Approved on"), required: false }),
    effectiveOn: field.date({ label: label("实施日期", "Effective from"), required: false }),
  },
  rules: (value) =>
    value.version === value.previousVersion
      ? [{ path: ["version"], message: "a new standard has a new version" }]
      : [],
})
