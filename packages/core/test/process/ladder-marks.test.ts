import { chinaMainlandCalendar, ladderMarkEvents, scheduleLadder } from "@tixi/core"
import { describe, expect, it } from "vitest"

// Monday 2 March 2026, 09:00 in Shanghai: due after 8 working hours (Tuesday 09:00), reminded
// 2 working hours before (Monday 16:00), the supervisor at the due instant, the manager a working
// day later.
const start = Date.UTC(2026, 2, 2, 1, 0)
const ladder = scheduleLadder(chinaMainlandCalendar(), start, 480, {
  remindBeforeWorkingMinutes: 120,
  rungs: [
    { role: "supervisor", afterDueWorkingMinutes: 0 },
    { role: "manager", afterDueWorkingMinutes: 480 },
  ],
})
const types = { reminded: "Reminded", escalated: "Escalated" } as const

describe("ladderMarkEvents", () => {
  it("decides nothing before the reminder", () => {
    expect(ladderMarkEvents(ladder, { reminded: false, level: 0 }, ladder.remindAt! - 1, types)).toEqual([])
  })

  it("reminds once, then escalates rung by rung", () => {
    expect(ladderMarkEvents(ladder, { reminded: false, level: 0 }, ladder.remindAt!, types)).toEqual([
      { type: "Reminded", at: ladder.remindAt },
    ])
    expect(ladderMarkEvents(ladder, { reminded: true, level: 0 }, ladder.dueAt, types)).toEqual([
      { type: "Escalated", at: ladder.dueAt, rung: ladder.rungs[0] },
    ])
  })

  it("after an outage decides every mark due at once, and none already passed", () => {
    const late = ladder.rungs[1]!.at
    expect(
      ladderMarkEvents(ladder, { reminded: false, level: 0 }, late, types).map((event) => event.type),
    ).toEqual(["Reminded", "Escalated", "Escalated"])
    expect(ladderMarkEvents(ladder, { reminded: true, level: 2 }, late, types)).toEqual([])
  })
})
