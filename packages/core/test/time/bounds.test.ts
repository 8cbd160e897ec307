import {
  civilDateSchema,
  dayMillis,
  dayNumberOfParts,
  earliestCivilYear,
  earliestInstant,
  instantSchema,
  latestCivilYear,
  latestInstant,
} from "@tixi/core"
import { describe, expect, it } from "vitest"

describe("the range of instants and dates tixi accepts from outside", () => {
  it("runs from 1800-01-01T00:00Z to before 2200-01-01T00:00Z, the same years as dates", () => {
    expect(earliestInstant).toBe(dayNumberOfParts(earliestCivilYear, 1, 1) * dayMillis)
    expect(latestInstant).toBe(dayNumberOfParts(latestCivilYear + 1, 1, 1) * dayMillis)
  })

  it.each([earliestInstant, 0, 1_767_574_800_000, latestInstant - 1])("accepts the instant %d", (instant) => {
    expect(instantSchema.safeParse(instant).success).toBe(true)
  })

  it.each([
    earliestInstant - 1,
    latestInstant,
    8.64e15 + 1,
    -9e15,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])("refuses the instant %d", (instant) => {
    expect(instantSchema.safeParse(instant).success).toBe(false)
  })

  it.each(["1800-01-01", "2026-02-28", "2199-12-31"])("accepts the date %s", (date) => {
    expect(civilDateSchema.safeParse(date).success).toBe(true)
  })

  it.each([
    ["1799-12-31", "from 1800 to 2199"],
    ["2200-01-01", "from 1800 to 2199"],
    ["9999-12-31", "from 1800 to 2199"],
    ["0000-01-01", "from 1800 to 2199"],
    ["2026-02-30", "real date"],
  ])("refuses the date %s with one issue", (date, message) => {
    const parsed = civilDateSchema.safeParse(date)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues).toHaveLength(1)
    expect(parsed.error?.issues[0]?.message).toContain(message)
  })
})
