import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 呼叫业务质量校准表 (000 9.6.5): several evaluators score one call to align their standards. */
export const calibrationSheetForm = defineForm({
  id: "callcenter.qualityCalibration",
  title: label("呼叫业务质量校准表", "Call quality calibration sheet"),
  source: "000 ch.9 9.6.5 呼叫业务质量校准表",
  fields: {
    callId: field.text({ label: label("呼叫编号", "Call id") }),
    sessionAt: field.dateTime({ label: label("校准时间", "Session at") }),
    lead: field.person({ label: label("校准主持人", "Calibration lead") }),
    evaluators: field.table({
      label: label("评分人得分", "Evaluators' scores"),
      minRows: 2,
      columns: {
        evaluator: field.person({ label: label("评分人", "Evaluator") }),
        percent: field.decimal({ label: label("得分", "Score"), min: 0, max: 100, decimals: 1 }),
        deviation: field.decimal({ label: label("偏差", "Deviation"), min: -100, max: 100, decimals: 1 }),
        withinTolerance: field.boolean({ label: label("在允许偏差内", "Within tolerance") }),
      },
    }),
    tolerancePoints: field.decimal({
      label: label("允许偏差（分）", "Tolerance (points)"),
      min: 0,
      max: 100,
      decimals: 1,
    }),
    agreedStandard: field.longText({ label: label("统一的评分标准", "Standard agreed"), required: false }),
    calibrated: field.boolean({ label: label("校准通过", "Calibrated") }),
  },
})
