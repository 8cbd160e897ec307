import { auditFindingsForm, auditFindingsMarks } from "./audit-findings-form.ts"
import { circulationForm, circulationMarks } from "./circulation-form.ts"
import { classificationForm, classificationMarks } from "./classification-form.ts"
import type { MarkedForm } from "./field-marks.ts"
import { remedyForm, remedyMarks } from "./remedy-form.ts"
import { reportForm, reportMarks } from "./report-form.ts"
import { transferRegisterForm, transferRegisterMarks } from "./transfer-register-form.ts"

/** Every form of 信息保密管理流程 with its marks, for the personal-data model and level checks. */
export const informationMarkedForms: ReadonlyArray<MarkedForm> = [
  { formId: classificationForm.id, marks: classificationMarks },
  { formId: circulationForm.id, marks: circulationMarks },
  { formId: transferRegisterForm.id, marks: transferRegisterMarks },
  { formId: auditFindingsForm.id, marks: auditFindingsMarks },
  { formId: remedyForm.id, marks: remedyMarks },
  { formId: reportForm.id, marks: reportMarks },
]
