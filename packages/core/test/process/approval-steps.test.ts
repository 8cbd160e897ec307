import { approvalStepsOf } from "@tixi/core"
import { describe, expect, it } from "vitest"

describe("approvalStepsOf", () => {
  it("makes one step per post, in the policy's order, any one holder of the post deciding", () => {
    expect(approvalStepsOf(["manager", "generalManager"])).toEqual([
      { mode: "any", approvers: [{ role: "manager" }] },
      { mode: "any", approvers: [{ role: "generalManager" }] },
    ])
  })

  it("lets a flow ask every holder of each post to approve, and submits no step for no post", () => {
    expect(approvalStepsOf(["director"], "all")).toEqual([{ mode: "all", approvers: [{ role: "director" }] }])
    expect(approvalStepsOf([])).toEqual([])
  })
})
