import { field } from "../../../forms/field.ts"
import { defineForm } from "../../../forms/form.ts"
import { label } from "../../../labels/label.ts"
import { AttendanceMark } from "../labels/training-labels.ts"
import { repeatedRows } from "./unique-rows.ts"

/** 培训签到表: one course's session, each trainee marked present, late, excused or absent. */
export const trainingAttendanceForm = defineForm({
  id: "organisation.trainingAttendance",
  title: label("培训签到表", "Training attendance sheet"),
  source: "002 ch.3 3.5 客户服务人员培训管理流程",
  fields: {
    courseId: field.text({ label: label("课程编号", "Course number"), maxLength: 40 }),
    date: field.date({ label: label("培训日期", "Date") }),
    trainer: field.person({ label: label("培训讲师", "Trainer") }),
    attendance: field.table({
      label: label("签到", "Attendance"),
      maxRows: 200,
      columns: {
        trainee: field.person({ label: label("学员", "Trainee") }),
        mark: field.choice(AttendanceMark, { label: label("出勤", "Mark") }),
        note: field.text({ label: label("备注", "Note"), maxLength: 200, required: false }),
      },
    }),
  },
  rules: (value) => repeatedRows(value.attendance, "attendance", "trainee", (row) => row.trainee),
})
