import { Information } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const { defaultInformationConfidentialityPolicy: defaults, parseInformationConfidentialityPolicy: parse } =
  Information

const issuesOf = (input: unknown) => {
  const parsed = parse(input)
  return Result.isFailure(parsed) ? parsed.failure.issues.map((issue) => [issue.path, issue.message]) : []
}

describe("the confidentiality policy a company writes", () => {
  it("accepts the chart's default", () => {
    expect(parse(defaults)).toEqual(Result.succeed(defaults))
  })

  it("refuses an officer approving the report, naming the field", () => {
    expect(issuesOf({ ...defaults, reportApprovers: ["officer", "manager"] })).toEqual([
      [["reportApprovers"], "approval is given above the officer"],
    ])
  })

  it("refuses a ladder that climbs down, naming the rung", () => {
    const rungs = [
      { role: "generalManager", afterDueWorkingMinutes: 0 },
      { role: "manager", afterDueWorkingMinutes: 60 },
    ]
    expect(issuesOf({ ...defaults, remedyFollowUp: { ...defaults.remedyFollowUp, rungs } })).toEqual([
      [["remedyFollowUp", "rungs", 1, "role"], "each rung must be higher than the one below"],
    ])
  })
})
