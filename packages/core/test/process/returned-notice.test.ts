import { hostEffects, idempotencyKey, label, personId, returnedNotice } from "@tixi/core"
import { describe, expect, it } from "vitest"

const host = hostEffects("kit.request", { instanceId: "R-1", sequence: 3 }, "R-1")
const notice = {
  to: { person: personId("officer-wu") },
  title: label("报告退回修改", "Report returned"),
  subject: "华东五金",
  otherwise: label("请补充后重新提交", "complete it and submit again"),
} as const

describe("returnedNotice", () => {
  it("warns whoever revises the record with the approver's comment, keyed by the event", () => {
    expect(returnedNotice(host, { ...notice, comment: "补充质量数据" })).toEqual({
      kind: "notify",
      key: idempotencyKey("kit.request", "R-1", 3, "notify"),
      draft: {
        recipients: [{ person: "officer-wu" }],
        severity: "warning",
        title: notice.title,
        body: label("华东五金：补充质量数据", "华东五金: 补充质量数据"),
        caseKey: "R-1",
      },
    })
  })

  it("says what to do when the approver left no comment", () => {
    const sent = returnedNotice(host, { ...notice, comment: undefined })
    expect(sent.draft.body).toEqual(
      label("华东五金：请补充后重新提交", "华东五金: complete it and submit again"),
    )
  })
})
