import type { AnyForm } from "../../forms/form.ts"
import { auditFindingsForm, auditFindingsMarks } from "./audit-findings-form.ts"
import { circulationForm, circulationMarks } from "./circulation-form.ts"
import { classificationForm, classificationMarks } from "./classification-form.ts"
import type { MarkedForm } from "./field-marks.ts"
import { remedyForm, remedyMarks } from "./remedy-form.ts"
import { reportForm, reportMarks } from "./report-form.ts"
import { transferRegisterForm, transferRegisterMarks } from "./transfer-register-form.ts"

/** Every form of 信息保密管理流程 with its marks, for the personal-data model and level checks. */
export const informationMarkedForms: ReadonlyArray<MarkedForm> = [
  { form: classificationForm as unknown as AnyForm, marks: classificationMarks },
  { form: circulationForm as unknown as AnyForm, marks: circulationMarks },
  { form: transferRegisterForm as unknown as AnyForm, marks: transferRegisterMarks },
  { form: auditFindingsForm as unknown as AnyForm, marks: auditFindingsMarks },
  { form: remedyForm as unknown as AnyForm, marks: remedyMarks },
  { form: reportForm as unknown as AnyForm, marks: reportMarks },
]
