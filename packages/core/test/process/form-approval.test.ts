import { hostEffects, idempotencyKey, label, submitFormForApproval } from "@tixi/core"
import { describe, expect, it } from "vitest"

describe("submitFormForApproval", () => {
  it("opens a one-step approval of the form by any holder of the post, under the flow's key", () => {
    const host = hostEffects("kit.form", { instanceId: "F-1", sequence: 3 }, "F-1")
    const key = idempotencyKey("kit.form", "F-1", 3, "approval.submit")
    const request = submitFormForApproval(host, key, {
      requestType: "kit.form",
      businessKey: "F-1",
      title: label("方案审批", "Plan approval"),
      originator: { role: "supervisor" },
      form: { id: "accounts.maintenance-plan" },
      values: { objectives: "保持" },
      approver: "manager",
    })
    expect(request).toEqual({
      kind: "approval.submit",
      key,
      submission: {
        requestType: "kit.form",
        businessKey: "F-1",
        title: label("方案审批", "Plan approval"),
        originator: { role: "supervisor" },
        formId: "accounts.maintenance-plan",
        values: { objectives: "保持" },
        steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
      },
    })
  })
})
