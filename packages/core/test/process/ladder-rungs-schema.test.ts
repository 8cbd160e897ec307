import { chinaMainlandCalendar, ladderRungsSchema, scheduleLadder } from "@tixi/core"
import { describe, expect, it } from "vitest"

const issuesOf = (rungs: unknown) => {
  const parsed = ladderRungsSchema.safeParse(rungs)
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path, issue.message])
}

describe("ladderRungsSchema", () => {
  it("accepts a ladder that climbs, and one with no rungs, as scheduleLadder takes them", () => {
    const rungs = [
      { role: "supervisor", afterDueWorkingMinutes: 0 },
      { role: "manager", afterDueWorkingMinutes: 480 },
      { role: "director", afterDueWorkingMinutes: 480 },
    ]
    const parsed = ladderRungsSchema.parse(rungs)
    const calendar = chinaMainlandCalendar()
    const start = calendar.instantAt("2026-04-13" as never, "09:00")
    expect(scheduleLadder(calendar, start, 480, { rungs: parsed }).rungs.map((rung) => rung.role)).toEqual([
      "supervisor",
      "manager",
      "director",
    ])
    expect(issuesOf([])).toEqual([])
  })

  it("names the rung that goes to the officer, or off the ladder to finance", () => {
    expect(issuesOf([{ role: "officer", afterDueWorkingMinutes: 0 }])).toEqual([
      [[0, "role"], "escalation goes to a post on the management ladder above the officer"],
    ])
    expect(issuesOf([{ role: "finance", afterDueWorkingMinutes: 0 }])).toEqual([
      [[0, "role"], "escalation goes to a post on the management ladder above the officer"],
    ])
  })

  it("names a rung no higher than the one below, and one due before it", () => {
    expect(
      issuesOf([
        { role: "manager", afterDueWorkingMinutes: 480 },
        { role: "supervisor", afterDueWorkingMinutes: 960 },
        { role: "director", afterDueWorkingMinutes: 0 },
      ]),
    ).toEqual([
      [[1, "role"], "each rung must be higher than the one below"],
      [[2, "afterDueWorkingMinutes"], "must not come before the rung below"],
    ])
  })

  it("refuses fractional minutes and more rungs than the ladder has posts", () => {
    expect(issuesOf([{ role: "manager", afterDueWorkingMinutes: 1.5 }])).toEqual([
      [[0, "afterDueWorkingMinutes"], "must be whole working minutes"],
    ])
    const five = ["supervisor", "manager", "director", "generalManager", "generalManager"].map((role) => ({
      role,
      afterDueWorkingMinutes: 0,
    }))
    expect(issuesOf(five)).toContainEqual([[], "Too big: expected array to have <=4 items"])
  })
})
