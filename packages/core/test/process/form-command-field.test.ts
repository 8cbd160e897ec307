import { commandShape, defineForm, field, formCommandField, label, parseProcessCommand } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const periodForm = defineForm({
  id: "kit.period",
  title: label("期间", "Period"),
  fields: {
    from: field.date({ label: label("自", "From") }),
    to: field.date({ label: label("至", "To") }),
  },
  rules: (value) =>
    value.to < value.from ? [{ path: ["to"], message: "must not be before the start" }] : [],
})
const submit = commandShape("SubmitPeriod", { period: formCommandField(periodForm) })
const at = Date.UTC(2026, 2, 2)

describe("formCommandField", () => {
  it("accepts a form its own parse accepts", () => {
    const parsed = parseProcessCommand("kit", submit, {
      type: "SubmitPeriod",
      at,
      period: { from: "2026-03-01", to: "2026-03-31" },
    })
    expect(Result.isSuccess(parsed)).toBe(true)
  })

  it("names a field check and a cross-field rule by their path inside the command", () => {
    const badField = parseProcessCommand("kit", submit, {
      type: "SubmitPeriod",
      at,
      period: { from: "x", to: "2026-03-31" },
    })
    const badRule = parseProcessCommand("kit", submit, {
      type: "SubmitPeriod",
      at,
      period: { from: "2026-03-31", to: "2026-03-01" },
    })
    expect(Result.isFailure(badField) && badField.failure.issues.map((issue) => issue.path)).toEqual([
      ["period", "from"],
    ])
    expect(
      Result.isFailure(badRule) && badRule.failure.issues.map((issue) => [issue.path, issue.message]),
    ).toEqual([[["period", "to"], "must not be before the start"]])
  })
})
