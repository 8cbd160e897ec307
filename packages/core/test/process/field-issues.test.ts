import { issuesUnderField, ValidationError } from "@tixi/core"
import { describe, expect, it } from "vitest"

describe("issuesUnderField", () => {
  it("names a model's issues under the command field it came from, under the command's subject", () => {
    const model = new ValidationError({
      subject: "accounts.screening",
      issues: [{ path: [0, "rank"], message: "at least 1", code: "too_small" }],
    })
    const named = issuesUnderField("accounts.screening.command", "candidates", model)
    expect(named.subject).toBe("accounts.screening.command")
    expect(named.issues).toEqual([
      { path: ["candidates", 0, "rank"], message: "at least 1", code: "too_small" },
    ])
  })
})
