import { commandDateSchema, commandShape } from "@tixi/core"
import { describe, expect, it } from "vitest"

describe("commandDateSchema", () => {
  const shape = commandShape("Plan", { on: commandDateSchema })

  it("takes a real date written YYYY-MM-DD as the string it was given", () => {
    const parsed = shape.safeParse({ type: "Plan", at: 0, on: "2024-02-29" })
    expect(parsed.success && parsed.data.on).toBe("2024-02-29")
  })

  it.each([
    ["2025-02-29", "must be a real date written YYYY-MM-DD"],
    ["2025-1-5", "must be a real date written YYYY-MM-DD"],
    ["1799-12-31", "must be a date from 1800 to 2199"],
  ])("refuses %s, naming the field", (on, message) => {
    const parsed = shape.safeParse({ type: "Plan", at: 0, on })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[["on"], message]])
  })
})
