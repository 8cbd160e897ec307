import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 改进方案 (③提出改进方案 of 满意度调查流程; 000 10.7.1 服务改进建议实施方案): actions with owners and dates. */
export const improvementPlanForm = defineForm({
  id: "quality.improvementPlan",
  title: label("客户满意度改进方案", "Satisfaction improvement plan"),
  source: "004 ch.4 §11 大客户满意度调查流程 ③; 000 ch.10 10.7.1 服务改进建议实施方案",
  fields: {
    findings: field.longText({ label: label("调查结果与问题", "Findings") }),
    actions: field.table({
      label: label("改进措施", "Actions"),
      maxRows: 100,
      columns: {
        id: field.text({
          label: label("编号", "Number"),
          maxLength: 40,
          pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
        }),
        action: field.longText({ label: label("措施", "Action"), maxLength: 2000 }),
        owner: field.person({ label: label("责任人", "Owner") }),
        dueOn: field.date({ label: label("完成期限", "Due date") }),
        target: field.text({ label: label("目标", "Target"), maxLength: 300, required: false }),
      },
    }),
    expectedEffect: field.longText({ label: label("预期效果", "Expected effect"), required: false }),
  },
  rules: (value) => {
    const seen = new Set<string>()
    return value.actions.flatMap((action, index) => {
      const duplicate = seen.has(action.id)
      seen.add(action.id)
      return duplicate ? [{ path: ["actions", index, "id"], message: "must be unique" }] : []
    })
  },
})
