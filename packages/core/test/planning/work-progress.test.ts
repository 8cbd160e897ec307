import { chinaMainlandCalendar, Planning } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const calendar = chinaMainlandCalendar()
/** Tuesday 2026-06-02 10:00 in Shanghai. */
const at = Date.UTC(2026, 5, 2, 2, 0)
const hour = 3_600_000

const items = [
  {
    process: "complaint",
    instanceId: "C-1",
    department: "complaints",
    ownerPerson: "officer-li",
    stage: "handling",
    nextDeadline: { key: "resolution", dueAt: at + 2 * hour },
    escalationLevel: 0,
  },
  {
    process: "complaint",
    instanceId: "C-2",
    department: "complaints",
    ownerPerson: "officer-li",
    stage: "handling",
    nextDeadline: { key: "resolution", dueAt: at - hour },
    escalationLevel: 1,
  },
  {
    process: "planning.coaching",
    instanceId: "CO-1",
    department: "call-centre",
    ownerPost: "callCenterTeamLeader",
    stage: "improving",
    nextDeadline: { key: "follow-up", dueAt: at + 72 * hour },
    escalationLevel: 0,
  },
  { process: "planning.project", instanceId: "SP-1", stage: "piloting", escalationLevel: 0 },
]

describe("客户服务工作进度控制 (open items per department and owner in working time)", () => {
  it("places each item against its deadline in working minutes and lists the most urgent first", () => {
    const progress = Planning.workProgress(items, at, calendar)
    if (Result.isFailure(progress)) throw progress.failure
    const complaints = progress.success.departments.find((group) => group.key === "complaints")
    expect(complaints).toMatchObject({ open: 2, overdue: 1, dueSoon: 1, escalated: 1 })
    expect(complaints?.items.map((item) => [item.instanceId, item.band, item.workingMinutesLeft])).toEqual([
      ["C-2", "overdue", -60],
      ["C-1", "dueSoon", 120],
    ])
    expect(progress.success.departments.map((group) => group.key)).toEqual([
      "complaints",
      "call-centre",
      "unassigned",
    ])
    const coaching = progress.success.departments[1]?.items[0]
    expect(coaching).toMatchObject({ band: "onTrack" })
    expect(coaching?.workingMinutesLeft).toBeGreaterThan(240)
    expect(progress.success.owners.map((group) => [group.key, group.open])).toEqual([
      ["officer-li", 2],
      ["callCenterTeamLeader", 1],
      ["unassigned", 1],
    ])
    expect(progress.success.owners[2]?.items[0]).toMatchObject({
      band: "noDeadline",
      workingMinutesLeft: undefined,
    })
    expect(Planning.ProgressBand.label("dueSoon", "en")).toBe("Due soon")
  })

  it("counts a deadline over a weekend in working time: Friday 17:00 to Monday 10:00 is two working hours", () => {
    const friday = Date.UTC(2026, 5, 5, 9, 0)
    const monday = Date.UTC(2026, 5, 8, 2, 0)
    const progress = Planning.workProgress(
      [{ ...items[0], nextDeadline: { key: "k", dueAt: monday } }],
      friday,
      calendar,
    )
    if (Result.isFailure(progress)) throw progress.failure
    expect(progress.success.departments[0]?.items[0]).toMatchObject({
      band: "dueSoon",
      workingMinutesLeft: 120,
    })
  })

  it("refuses an item that does not validate, naming the item and its field", () => {
    const bad = Planning.workProgress([items[0], { ...items[1], escalationLevel: -1 }], at, calendar)
    expect(Result.isFailure(bad) && bad.failure).toMatchObject({
      _tag: "ValidationError",
      issues: [expect.objectContaining({ path: ["items", 1, "escalationLevel"] })],
    })
  })
})
