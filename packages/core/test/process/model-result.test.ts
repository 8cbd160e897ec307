import { CallCenter, modelResult } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const sheet = (points: number) => ({
  callId: "SW-1",
  agentId: "agent-07",
  evaluatorId: "qa-1",
  criticalErrors: [],
  lines: CallCenter.defaultScorecard.sections.flatMap((section) =>
    section.items.map((item) => ({ itemId: item.id, points: Math.min(points, item.points) })),
  ),
})

describe("modelResult", () => {
  it("gives the model's value", () => {
    const scored = modelResult(() => CallCenter.scoreMonitoringSheet(CallCenter.defaultScorecard, sheet(100)))
    expect(Result.isSuccess(scored) && scored.success.percent).toBe(100)
  })

  it("turns the model's ValidationError into a failure whose paths sit under the command field", () => {
    const scored = modelResult(
      () => CallCenter.scoreMonitoringSheet(CallCenter.defaultScorecard, sheet(-1)),
      ["sheets", 3],
    )
    expect(Result.isFailure(scored) && scored.failure.issues[0]!.path).toEqual([
      "sheets",
      3,
      "lines",
      0,
      "points",
    ])
  })

  it("lets any other throw through: that is a bug, not a refusal", () => {
    expect(() =>
      modelResult(() => {
        throw new TypeError("bug")
      }),
    ).toThrow("bug")
  })
})
