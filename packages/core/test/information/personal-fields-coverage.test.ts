import { type AnyField, Information, type TableField } from "@tixi/core"
import { describe, expect, it } from "vitest"
import { exportedForms } from "../support/core-exports.ts"

/** Labels and names that mark a person's data: name, telephone, mobile, address, ID number, email, contact. */
const personLabel = /姓名|电话|手机|联系方式|地址|身份证|邮箱|电子邮件|联系人|填表人/
const personName = /customerName|callee|phone|mobile|address|email|idNumber|(^|\.)name$/i
/** Ids, pickers and ratings hold no free-text value of a person (a person's id is erased wherever found). */
const valueless = new Set(["person", "department", "customer", "choice", "multiChoice", "boolean"])

/** Every field and table column whose name or label reads like a person's data, as `formId field`. */
function lookAlikes(): ReadonlyArray<string> {
  const found: Array<string> = []
  const check = (formId: string, path: string, field: AnyField) => {
    if (valueless.has(field.kind)) return
    if (personLabel.test(field.label["zh-CN"]) || personName.test(path)) found.push(`${formId} ${path}`)
  }
  for (const form of exportedForms.values())
    for (const [key, field] of Object.entries(form.fields)) {
      check(form.id, key, field)
      if (field.kind === "table")
        for (const [column, inner] of Object.entries((field as TableField<Record<string, AnyField>>).columns))
          check(form.id, `${key}.${column}`, inner)
    }
  return found
}

/** What the personal-data model marks personal: the information forms' list and every other form's. */
const personal = new Set(
  [...Information.personalFieldsElsewhere, ...Information.informationPersonalFields].map(
    (entry) => `${entry.form.id} ${entry.field}`,
  ),
)

describe("personal fields of every form (PIPL)", () => {
  it("marks every field whose name or label marks a person personal, or says why it is not", () => {
    // The scan reaches top-level fields and table columns, in every module.
    expect(lookAlikes()).toEqual(
      expect.arrayContaining([
        "complaint.registration phone",
        "callcenter.phoneLog calls.callee",
        "accounts.key-account-support contact",
        "quality.serviceQualitySurvey respondentName",
        "information.circulation recipients.phone",
      ]),
    )
    const uncovered = lookAlikes().filter(
      (field) =>
        !personal.has(field) &&
        !Information.notPersonalFields.some(({ covers }) => field === covers || field.startsWith(covers)),
    )
    expect(uncovered).toEqual([])
  })

  it("lists each personal field once, and every reason for a look-alike still covers a field", () => {
    const listed = Information.personalFieldsElsewhere.map((entry) => `${entry.form.id} ${entry.field}`)
    expect(new Set(listed).size).toBe(listed.length)
    // Every reason for a look-alike that is not personal still covers some field.
    const all = lookAlikes()
    for (const { covers } of Information.notPersonalFields)
      expect(
        all.some((field) => field === covers || field.startsWith(covers)),
        covers,
      ).toBe(true)
  })
})
