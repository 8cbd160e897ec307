import { describe, expect, it } from "vitest"
import { main } from "../src/main.ts"

describe("example: salesforce-credit", () => {
  it("grades customers and runs the override approval against the fake org", async () => {
    const lines: Array<string> = []
    const result = await main((line) => lines.push(line), {})
    expect(result.installed).toEqual(["credit_grade", "credit_limit", "credit_exposure"])
    expect(result.graded).toBe(4)
    expect(result.failed).toBe(0)
    expect(result.override.state).toBe("approved")
    expect(result.override.decisions.map((decision) => [decision.step, decision.approver])).toEqual([
      [0, "manager-qian"],
      [1, "finance-zhou"],
      [1, "director-li"],
    ])
    expect(lines.some((line) => line.startsWith("graded C-1001 华东机电贸易有限公司 → AA"))).toBe(true)
    expect(lines.some((line) => /approval \w+ approved by director-li: 同意，限本单/.test(line))).toBe(true)
  })
})
