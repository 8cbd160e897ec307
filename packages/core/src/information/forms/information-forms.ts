import type { AnyForm } from "../../forms/form.ts"
import { auditFindingsForm } from "./audit-findings-form.ts"
import { circulationForm } from "./circulation-form.ts"
import { classificationForm } from "./classification-form.ts"
import { remedyForm } from "./remedy-form.ts"
import { reportForm } from "./report-form.ts"
import { transferRegisterForm } from "./transfer-register-form.ts"

/** Every form of 信息保密管理流程 in the chart's order, for code that renders or checks them all. */
export const informationForms: ReadonlyArray<AnyForm> = [
  classificationForm as unknown as AnyForm,
  circulationForm as unknown as AnyForm,
  transferRegisterForm as unknown as AnyForm,
  auditFindingsForm as unknown as AnyForm,
  remedyForm as unknown as AnyForm,
  reportForm as unknown as AnyForm,
]
