import { type AnyField, type AnyForm, Approval, Complaints } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const cny = (minor: number) => ({ minor, currency: "CNY" })

describe("approval request forms", () => {
  it("every default chain's form exists, with both languages on every field", () => {
    const ids = new Set(Approval.approvalRequestForms.map((form) => form.id))
    for (const type of Approval.RequestType.values)
      expect(ids).toContain(Approval.defaultApprovalPolicy.chains[type].formId)
    for (const form of Approval.approvalRequestForms) {
      for (const field of Object.values(form.fields)) {
        expect(field.label["zh-CN"].length).toBeGreaterThan(0)
        expect(field.label.en.length).toBeGreaterThan(0)
        // DingTalk caps control labels at 20 characters.
        expect(field.label["zh-CN"].length).toBeLessThanOrEqual(20)
      }
    }
  })

  it("the forms approval hosts render label every control once, table columns included", () => {
    // DingTalk and WeCom match submitted values to controls by label, table columns included.
    const forms = [...Approval.approvalRequestForms, Complaints.handlingForm as unknown as AnyForm]
    for (const form of forms) {
      for (const locale of ["zh-CN", "en"] as const) {
        const labels = Object.values(form.fields).flatMap((field) => [
          field.label[locale],
          ...Object.values((field as { columns?: Record<string, AnyField> }).columns ?? {}).map(
            (column) => column.label[locale],
          ),
        ])
        expect(new Set(labels).size, `${form.id} in ${locale}`).toBe(labels.length)
      }
    }
  })

  it("客户招待申请表: the budget total must add up", () => {
    const value = {
      applicant: "officer-wu",
      department: "complaints-desk",
      customerName: "华东贸易",
      venue: "金陵饭店",
      mealDate: "2026-03-02",
      customerAttendees: "王总、李经理",
      ownAttendees: "钱经理",
      budgetMeal: cny(300_000),
      budgetGifts: cny(50_000),
      budgetTotal: cny(350_000),
      purpose: "年度合作洽谈",
    }
    expect(Result.isSuccess(Approval.hospitalityMealRequestForm.parse(value))).toBe(true)
    const wrong = Approval.hospitalityMealRequestForm.parse({ ...value, budgetTotal: cny(300_000) })
    expect(Result.isFailure(wrong) && wrong.failure.issues[0]!.path).toEqual(["budgetTotal"])
  })

  it("客户信用度变更表: the new grade must differ", () => {
    const parsed = Approval.creditGradeChangeRequestForm.parse({
      customer: "cust-1",
      currentGrade: "B",
      newGrade: "B",
      reason: "连续三个月逾期",
    })
    expect(Result.isFailure(parsed) && parsed.failure.issues[0]!.path).toEqual(["newGrade"])
  })
})
