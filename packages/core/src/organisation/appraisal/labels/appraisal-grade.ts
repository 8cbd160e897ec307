import { enumeration, type ValueOf } from "../../../labels/enumeration.ts"
import { label } from "../../../labels/label.ts"

/** The grade an appraisal ends with (考核等级), from the score by the policy's bands. */
export const AppraisalGrade = enumeration("organisation.appraisalGrade", {
  excellent: label("优秀", "Excellent"),
  good: label("良好", "Good"),
  satisfactory: label("合格", "Satisfactory"),
  unsatisfactory: label("不合格", "Unsatisfactory"),
})

/** A grade of 业绩考核. */
export type AppraisalGrade = ValueOf<typeof AppraisalGrade>
