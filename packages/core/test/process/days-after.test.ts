import { daysAfter } from "@tixi/core"
import { describe, expect, it } from "vitest"

const contactedAt = Date.UTC(2026, 2, 2, 1, 0)

describe("daysAfter: a timer's due instant in calendar days from a recorded instant", () => {
  it("counts whole days forward, and back for a reminder before a due instant", () => {
    expect(daysAfter(contactedAt, 30)).toBe(Date.UTC(2026, 3, 1, 1, 0))
    expect(daysAfter(contactedAt, -3)).toBe(Date.UTC(2026, 1, 27, 1, 0))
  })

  it("sets no due instant while the instant is not yet recorded", () => {
    expect(daysAfter(undefined, 30)).toBeUndefined()
  })
})
