import { chinaMainlandCalendar, workingDayLadders } from "@tixi/core"
import { describe, expect, it } from "vitest"

// Approved on Friday 6 March 2026 at 10:00 in Shanghai: one action due in one working day, one in three.
const calendar = chinaMainlandCalendar()
const approvedAt = Date.UTC(2026, 2, 6, 2, 0)
const policy = {
  remindBeforeWorkingMinutes: 120,
  rungs: [
    { role: "supervisor" as const, afterDueWorkingMinutes: 0 },
    { role: "manager" as const, afterDueWorkingMinutes: 480 },
  ],
}

describe("workingDayLadders: the ladders of the actions an approval sets going", () => {
  it("one ladder per action, in order, each due after its working days (skipping the weekend)", () => {
    const [oneDay, threeDays] = workingDayLadders(
      calendar,
      approvedAt,
      [{ workingDays: 1 }, { workingDays: 3 }],
      policy,
    )
    // Monday 9 March and Wednesday 11 March, 10:00 in Shanghai.
    expect(oneDay!.dueAt).toBe(Date.UTC(2026, 2, 9, 2, 0))
    expect(threeDays!.dueAt).toBe(Date.UTC(2026, 2, 11, 2, 0))
  })

  it("reminds and escalates each as the policy says", () => {
    const [ladder] = workingDayLadders(calendar, approvedAt, [{ workingDays: 2 }], policy)
    expect(ladder!.remindAt).toBe(
      calendar.addWorkingMinutes(approvedAt, 2 * calendar.standardDayMinutes - 120),
    )
    expect(ladder!.remindAt!).toBeLessThan(ladder!.dueAt)
    expect(ladder!.rungs.map((rung) => [rung.level, rung.role])).toEqual([
      [1, "supervisor"],
      [2, "manager"],
    ])
    expect(ladder!.rungs[0]!.at).toBe(ladder!.dueAt)
  })

  it("no actions, no ladders", () => {
    expect(workingDayLadders(calendar, approvedAt, [], policy)).toEqual([])
  })
})
