import { defaultApprovalForms } from "@tixi/adapter-kit"
import { Approval, Complaints } from "@tixi/core"
import { describe, expect, it } from "vitest"

describe("defaultApprovalForms", () => {
  it("holds every form a complaint's remedy approval may carry, and every request form, once", () => {
    const ids = defaultApprovalForms.map((form) => form.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const formId of Complaints.remedyApprovalFormIds) expect(ids).toContain(formId)
    for (const form of Approval.approvalRequestForms) expect(ids).toContain(form.id)
  })

  it("holds the forms the credit, grading, key-account and quality processes open approvals on", () => {
    const ids = defaultApprovalForms.map((form) => form.id)
    // The ids the deciders put in their approval.submit requests (credit-evaluation,
    // credit-grade-change, relationship-maintenance, key-account-revisit, key-account screening,
    // maintenance and service management, satisfaction-survey, quality-review, information-confidentiality, organisation-design).
    for (const formId of [
      "credit.rating",
      "credit.grade-change",
      "grading.service-plan",
      "accounts.revisit-report",
      "accounts.key-account-assessment",
      "accounts.maintenance-plan",
      "accounts.maintenance-summary",
      "accounts.service-strategy",
      "accounts.key-account-monthly-report",
      "quality.surveyPlan",
      "quality.improvementPlan",
      "quality.nonconformity",
      "information.classification",
      "information.remedy",
      "information.report",
      "organisation.appraisal",
      "organisation.trainingPlan",
      "planning.standard",
      "planning.project",
      "organisation.design",
    ]) {
      expect(ids).toContain(formId)
    }
  })
})
