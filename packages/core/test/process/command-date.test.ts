import { commandDateSchema, commandShape, commandUnion, parseProcessCommand } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const commands = commandUnion(commandShape("Visit", { visitedOn: commandDateSchema }))
const at = Date.UTC(2026, 4, 19, 1, 0)

describe("commandDateSchema", () => {
  it("accepts a real date written YYYY-MM-DD, as the plain string sent", () => {
    const parsed = parseProcessCommand("kit.visit", commands, { type: "Visit", at, visitedOn: "2028-02-29" })
    expect(parsed).toEqual(Result.succeed({ type: "Visit", at, visitedOn: "2028-02-29" }))
  })

  it("refuses a date that does not exist or is written otherwise, naming the field", () => {
    for (const visitedOn of ["2026-02-30", "19.05.2026", "2026-5-19"]) {
      const parsed = parseProcessCommand("kit.visit", commands, { type: "Visit", at, visitedOn })
      expect(Result.isFailure(parsed) && parsed.failure.issues.map((issue) => issue.path)).toEqual([
        ["visitedOn"],
      ])
    }
  })
})
