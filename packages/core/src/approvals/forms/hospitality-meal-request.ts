import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/** 客户招待申请表 (004 ch.3 §17): the meal, who attends, the budget per item and why. */
export const hospitalityMealRequestForm = defineForm({
  id: "approval.hospitalityMeal",
  module: "relationships",
  title: label("客户招待申请表", "Customer hospitality request"),
  source: "004 ch.3 §17 客户招待申请表",
  fields: {
    applicant: field.person({ label: label("申请人", "Applicant") }),
    department: field.department({ label: label("部门", "Department") }),
    customerName: field.text({ label: label("客户名称", "Customer") }),
    venue: field.text({ label: label("宴请场所", "Venue") }),
    mealDate: field.date({ label: label("宴请日期", "Date of the meal") }),
    customerAttendees: field.longText({
      label: label("客户方面同席人员", "Customer attendees"),
      maxLength: 1000,
    }),
    ownAttendees: field.longText({ label: label("本公司同席人员", "Our attendees"), maxLength: 1000 }),
    organiser: field.person({ label: label("招待事宜安排人员", "Organiser"), required: false }),
    budgetMeeting: field.money({ label: label("预算-会议", "Budget: meeting"), required: false }),
    budgetMeal: field.money({ label: label("预算-用餐", "Budget: meal") }),
    budgetTransport: field.money({ label: label("预算-交通", "Budget: transport"), required: false }),
    budgetGifts: field.money({ label: label("预算-礼品", "Budget: gifts"), required: false }),
    budgetOther: field.money({ label: label("预算-其他", "Budget: other"), required: false }),
    budgetTotal: field.money({ label: label("预算合计", "Budget total") }),
    purpose: field.longText({ label: label("招待目的", "Purpose"), maxLength: 1000 }),
    notes: field.longText({ label: label("注意事项", "Notes"), required: false, maxLength: 1000 }),
  },
  rules: (value) => {
    const items = [
      value.budgetMeeting,
      value.budgetMeal,
      value.budgetTransport,
      value.budgetGifts,
      value.budgetOther,
    ]
    let sum = 0
    for (const item of items) {
      if (item === undefined) continue
      if (item.currency !== value.budgetTotal.currency) {
        return [{ path: ["budgetTotal"], message: "all budget items in one currency" }]
      }
      sum += item.minor
    }
    return sum === value.budgetTotal.minor
      ? []
      : [{ path: ["budgetTotal"], message: "must equal the sum of the budget items" }]
  },
})
