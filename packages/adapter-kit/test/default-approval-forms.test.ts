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
})
