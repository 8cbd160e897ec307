import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 客户服务质量检查表 (000 10.6.2): the checklist of a quality inspection, one line per standard. */
export const inspectionChecklistForm = defineForm({
  id: "quality.inspectionChecklist",
  title: label("客户服务质量检查表", "Service quality inspection checklist"),
  source: "000 ch.10 10.6.2 客户服务质量检查表; 10.4.1 客户服务质量检查流程",
  fields: {
    department: field.department({ label: label("受检部门", "Department inspected") }),
    inspectedOn: field.date({ label: label("检查日期", "Inspection date") }),
    inspector: field.person({ label: label("检查人", "Inspector") }),
    lines: field.table({
      label: label("检查项目", "Checks"),
      maxRows: 200,
      columns: {
        item: field.text({ label: label("检查项目", "Item") }),
        standard: field.text({ label: label("质量标准", "Standard"), maxLength: 500 }),
        conforming: field.boolean({ label: label("是否符合", "Conforms") }),
        finding: field.text({ label: label("检查记录", "Finding"), maxLength: 1000, required: false }),
      },
    }),
    summary: field.longText({ label: label("检查结论", "Conclusion") }),
  },
  rules: (value) =>
    value.lines.flatMap((line, index) =>
      !line.conforming && line.finding === undefined
        ? [{ path: ["lines", index, "finding"], message: "record what does not conform" }]
        : [],
    ),
})
