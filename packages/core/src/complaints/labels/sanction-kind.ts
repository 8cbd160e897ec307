import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** An individual sanction (个人惩处 类别, 客户投诉案件追踪表). */
export const SanctionKind = enumeration("complaint.sanction", {
  reminder: label("提醒", "Reminder"),
  warning: label("警告", "Warning"),
  fine: label("罚款", "Fine"),
  demerit: label("记过", "Demerit"),
  training: label("再培训", "Retraining"),
})

/** An individual sanction. */
export type SanctionKind = ValueOf<typeof SanctionKind>
