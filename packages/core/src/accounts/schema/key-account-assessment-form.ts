import { CreditGrade } from "../../credit/labels/credit-grade.ts"
import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * 大客户评定表 (004 ch.4 §3): for each candidate its ranking (排名), credit (信用程度), the
 * conditions set for it (设定条件) and what is to be achieved (达成目标的事项), with the manager's
 * instruction (经理批示). `screenKeyAccounts` fills the first three.
 */
export const keyAccountAssessmentForm = defineForm({
  id: "accounts.key-account-assessment",
  title: label("大客户评定表", "Key account assessment"),
  source: "004 ch.4 §3 大客户评定表",
  fields: {
    rows: field.table({
      label: label("评定客户", "Candidates"),
      maxRows: 10_000,
      columns: {
        customer: field.customer({ label: label("客户名称", "Customer") }),
        rank: field.integer({ label: label("排名", "Ranking"), min: 1 }),
        creditGrade: field.choice(CreditGrade, { label: label("信用程度", "Credit") }),
        conditions: field.text({ label: label("设定条件", "Conditions set"), maxLength: 500 }),
        goals: field.text({
          label: label("达成目标的事项", "Goals to achieve"),
          required: false,
          maxLength: 500,
        }),
      },
    }),
    managerInstruction: field.longText({
      label: label("经理批示", "Manager's note"),
      required: false,
    }),
  },
})
