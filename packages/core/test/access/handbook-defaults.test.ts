import { describe, expect, it } from "vitest"
import {
  type AccessPolicy,
  classifyAttributes,
  confidentialityRank,
  customerAttributes,
  defaultAccessPolicy,
  isMasked,
  keepWritable,
  moduleDefaultLevel,
  projectForm,
  projectRecord,
  type Reader,
  writableTo,
} from "../../src/access/index.ts"
import { complaintRemedyRequestForm, creditGradeChangeRequestForm } from "../../src/approvals/index.ts"
import { phoneLogForm } from "../../src/callcenter/index.ts"
import { registrationForm } from "../../src/complaints/index.ts"
import { analysisFieldKey, creditAnalysisForm } from "../../src/credit/index.ts"
import type { AnyField, TableField } from "../../src/forms/field.ts"
import * as Organisation from "../../src/organisation/index.ts"
import { coreForms } from "../support/core-forms.ts"

const complaintOfficer: Reader = { clearance: "internal", modules: new Set(["complaints"]) }
const complaintSupervisor: Reader = { clearance: "secret", modules: new Set(["complaints"]) }
const creditOfficer: Reader = { clearance: "secret", modules: new Set(["credit"]) }

const financeAnswer = analysisFieldKey("company.finance.1")

describe("the handbooks' confidentiality levels on forms and customer attributes", () => {
  it("gives every field and every table column of every form a level, and no customer form is public by default", () => {
    const forms = coreForms()
    expect(forms.length).toBeGreaterThanOrEqual(71)
    let columns = 0
    for (const form of forms) {
      expect(form.confidentiality, form.id).not.toBe("public")
      for (const [key, field] of Object.entries(form.fields)) {
        expect(field.confidentiality, `${form.id}.${key}`).toBeDefined()
        if (field.kind !== "table") continue
        for (const [name, column] of Object.entries(
          (field as TableField<Record<string, AnyField>>).columns,
        )) {
          columns++
          expect(column.confidentiality, `${form.id}.${key}.${name}`).toBeDefined()
          // A table is shown or masked whole, so it is never less strict than one of its columns.
          expect(confidentialityRank(field.confidentiality!), `${form.id}.${key}`).toBeGreaterThanOrEqual(
            confidentialityRank(column.confidentiality!),
          )
        }
      }
    }
    expect(columns).toBeGreaterThan(50)
  })

  it("puts every core form in the module its id names, none left to the fallback", () => {
    for (const form of coreForms()) {
      const prefix = form.id.split(".")[0]
      // The service organisation's own forms (appraisal, training) name it; no other form falls back to it.
      if (prefix !== "organisation" && prefix !== "planning")
        expect(form.module, form.id).not.toBe("organisation")
      else expect(form.module, form.id).toBe("organisation")
      if (prefix === "credit") expect(form.module, form.id).toBe("credit")
      if (prefix === "complaint") expect(form.module, form.id).toBe("complaints")
    }
  })

  it("keeps a person's appraisal and training test scores at 秘密", () => {
    expect(Organisation.appraisalForm.confidentiality).toBe("secret")
    expect(Organisation.trainingEvaluationForm.confidentiality).toBe("secret")
    expect(Organisation.trainingPlanForm.confidentiality).toBe("internal")
  })

  it("keeps credit analysis (客户信用分析表) at 秘密 under the credit module", () => {
    expect(creditAnalysisForm.module).toBe("credit")
    expect(creditAnalysisForm.confidentiality).toBe("secret")
    expect(
      creditAnalysisForm.fields[financeAnswer as keyof typeof creditAnalysisForm.fields]?.confidentiality,
    ).toBe("secret")
  })

  it("masks a credit analysis answer for a complaint officer cleared 内部, for clearance", () => {
    const values = { customer: "c-1", analyst: "p-7", date: "2026-03-02", [financeAnswer]: "good" }
    const seen = projectForm(creditAnalysisForm, values as never, complaintOfficer, defaultAccessPolicy)
    const shown = seen.values as Record<string, unknown>
    expect(shown[financeAnswer]).toEqual({ _tag: "Masked", level: "secret", reason: "clearance" })
    expect(Object.keys(shown).sort()).toEqual(Object.keys(values).sort())
    expect(seen.masked).toContainEqual({
      field: financeAnswer,
      module: "credit",
      level: "secret",
      reason: "clearance",
    })
  })

  it("masks it for a complaint supervisor cleared 秘密 too: only credit posts need to know it", () => {
    const values = { customer: "c-1", [financeAnswer]: "good" }
    const bySupervisor = projectForm(
      creditAnalysisForm,
      values as never,
      complaintSupervisor,
      defaultAccessPolicy,
    )
    expect((bySupervisor.values as Record<string, unknown>)[financeAnswer]).toEqual({
      _tag: "Masked",
      level: "secret",
      reason: "needToKnow",
    })
    const byCreditOfficer = projectForm(
      creditAnalysisForm,
      values as never,
      creditOfficer,
      defaultAccessPolicy,
    )
    expect(byCreditOfficer.values).toEqual(values)
    expect(byCreditOfficer.masked).toEqual([])
  })

  it("shows a complaint officer the complaint (内部) but not a natural person's telephone (秘密)", () => {
    expect(registrationForm.confidentiality).toBe(moduleDefaultLevel.complaints)
    const values = { customerName: "王芳", phone: "+86 138 0000 0000", description: "洗衣机漏水" }
    const seen = projectForm(registrationForm, values as never, complaintOfficer, defaultAccessPolicy)
    expect(seen.values).toEqual({
      customerName: "王芳",
      phone: { _tag: "Masked", level: "secret", reason: "clearance" },
      description: "洗衣机漏水",
    })
    expect(
      projectForm(registrationForm, values as never, complaintSupervisor, defaultAccessPolicy).values,
    ).toEqual(values)
  })

  it("gives a table the strictest level of its columns, so the phone log is 秘密 whole", () => {
    expect(phoneLogForm.confidentiality).toBe("internal")
    expect(Object.values(phoneLogForm.fields).some((field) => field.confidentiality === "secret")).toBe(true)
    expect(Object.values(phoneLogForm.fields).some((field) => field.confidentiality === "internal")).toBe(
      true,
    )
  })

  it("puts approval forms under the module they serve: a grade change shows the grades, not the customer's contacts", () => {
    expect(complaintRemedyRequestForm.module).toBe("complaints")
    expect(creditGradeChangeRequestForm.module).toBe("credit")
    const values = { customer: "c-1", contact: "+86 10 1234 5678", currentGrade: "A", newGrade: "B" }
    const seen = projectForm(
      creditGradeChangeRequestForm,
      values as never,
      complaintSupervisor,
      defaultAccessPolicy,
    )
    expect(seen.values).toMatchObject({ currentGrade: "A", newGrade: "B" })
    expect(isMasked((seen.values as Record<string, unknown>).contact)).toBe(true)
  })

  it("keeps the credit limit and score 秘密 and the credit grade and grading 内部 on the host", () => {
    const levels = Object.fromEntries(
      customerAttributes.map((attribute) => [attribute.name, attribute.level]),
    )
    expect(levels).toMatchObject({
      credit_limit: "secret",
      credit_score: "secret",
      credit_grade: "internal",
      customer_grade: "internal",
      key_account: "internal",
      complaint_urgency: "internal",
      callcenter_outbound_interest: "internal",
    })
    expect(new Set(customerAttributes.map((attribute) => attribute.name)).size).toBe(
      customerAttributes.length,
    )
  })

  it("writes to a host cleared 内部 the grading and credit grade, never the credit limit", () => {
    const plan = writableTo(
      "internal",
      classifyAttributes(customerAttributes, defaultAccessPolicy),
      defaultAccessPolicy,
    )
    expect(plan.fields.has("customer_grade")).toBe(true)
    expect(plan.fields.has("credit_grade")).toBe(true)
    expect(plan.fields.has("credit_limit")).toBe(false)
    expect(plan.withheld).toContainEqual({
      field: "credit_limit",
      module: "credit",
      level: "secret",
      reason: "clearance",
    })
    expect(plan.fields.size + plan.withheld.length).toBe(customerAttributes.length)
  })

  it("leaves out of a host write what the host may not hold, and a field nobody classified", () => {
    const plan = writableTo(
      "internal",
      classifyAttributes(customerAttributes, defaultAccessPolicy),
      defaultAccessPolicy,
    )
    const write = keepWritable({ credit_grade: "A", credit_limit: "50000.00", shoe_size: 42 }, plan)
    expect(write.values).toEqual({ credit_grade: "A" })
    expect(write.heldBack).toEqual(["credit_limit", "shoe_size"])
  })

  it("holds secret credit fields back from a host cleared 秘密 whose users do not work in credit, unless the company says they do", () => {
    const classes = classifyAttributes(customerAttributes, defaultAccessPolicy)
    const finance = writableTo("secret", classes, defaultAccessPolicy)
    expect(finance.withheld.find((entry) => entry.field === "credit_limit")?.reason).toBe("needToKnow")
    expect(
      writableTo("secret", classes, defaultAccessPolicy, new Set(["credit"])).fields.has("credit_limit"),
    ).toBe(true)
  })

  it("applies a company's overrides: grades raised to 秘密, the limit lowered to 内部", () => {
    const policy: AccessPolicy = {
      ...defaultAccessPolicy,
      version: "acme-1",
      attributes: { customer_grade: "secret", credit_limit: "internal" },
    }
    const values = { customer_grade: "A", credit_limit: "50000.00", credit_score: 81 }
    const seen = projectRecord(customerAttributes, values, complaintOfficer, policy)
    expect(seen.values).toEqual({
      customer_grade: { _tag: "Masked", level: "secret", reason: "clearance" },
      credit_limit: "50000.00",
      credit_score: { _tag: "Masked", level: "secret", reason: "clearance" },
    })
  })

  it("withholds an attribute nobody classified as 机密 customer information rather than dropping or showing it", () => {
    const seen = projectRecord(
      customerAttributes,
      { customer_grade: "B", shoe_size: 42 },
      complaintSupervisor,
      defaultAccessPolicy,
    )
    expect(seen.values).toEqual({
      customer_grade: "B",
      shoe_size: { _tag: "Masked", level: "confidential", reason: "clearance" },
    })
    expect(seen.masked).toEqual([
      { field: "shoe_size", module: "information", level: "confidential", reason: "clearance" },
    ])
  })
})
