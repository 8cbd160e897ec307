import { CallCenter, ValidationError } from "@tixi/core"
import { describe, expect, it } from "vitest"

const { staffDay, agentsFor, teamLeadsFor, totalShrinkage, defaultCallCentrePolicy, scheduledAgentsFor } =
  CallCenter

const calls = Array.from({ length: 96 }, (_, interval) => {
  const hour = interval / 4
  return 2 + 300 * Math.exp(-((hour - 10.5) ** 2) / 5) + 200 * Math.exp(-((hour - 15) ** 2) / 4)
})
const target = { targetServiceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85 }

describe("daily staffing", () => {
  it("staffs each of the 96 intervals with the minimal Erlang C agents, shrinkage and team leads", () => {
    const day = staffDay({
      intervalMinutes: 15,
      calls,
      averageHandleSeconds: 240,
      target,
      shrinkage: 0.3,
      minimumAgents: 2,
    })
    expect(day.intervals).toHaveLength(96)
    for (const row of day.intervals) {
      const required = agentsFor({
        callsPerInterval: row.calls,
        intervalSeconds: 900,
        averageHandleSeconds: 240,
        ...target,
      })
      expect(row.agents).toBe(Math.max(required, 2))
      expect(row.scheduledAgents).toBe(scheduledAgentsFor(row.agents, 0.3))
      expect(row.teamLeads).toBe(Math.ceil(row.scheduledAgents / 14))
      expect(row.serviceLevel).toBeGreaterThanOrEqual(0.8)
    }
    expect(day.totals.peakAgents).toBe(Math.max(...day.intervals.map((row) => row.agents)))
    expect(day.totals.productiveAgentHours).toBe(day.intervals.reduce((sum, row) => sum + row.agents, 0) / 4)
    expect(day.totals.serviceLevel).toBeGreaterThan(0.8)
  })

  it("staffs with Erlang A when callers hang up, needing no more agents than Erlang C here", () => {
    const classic = staffDay({
      intervalMinutes: 15,
      calls,
      averageHandleSeconds: 240,
      target,
      shrinkage: 0.3,
    })
    const abandoning = staffDay({
      intervalMinutes: 15,
      calls,
      averageHandleSeconds: 240,
      target,
      shrinkage: 0.3,
      model: { kind: "erlangA", averagePatienceSeconds: 180, maxAbandonment: 0.05 },
    })
    expect(abandoning.totals.productiveAgentHours).toBeLessThanOrEqual(classic.totals.productiveAgentHours)
    for (const row of abandoning.intervals) {
      expect(row.serviceLevel).toBeGreaterThanOrEqual(0.8)
      expect(row.probabilityOfAbandonment ?? 0).toBeLessThanOrEqual(0.05)
    }
  })

  it("leaves closed intervals empty", () => {
    const open = calls.map((_, interval) => interval >= 32 && interval < 80)
    const day = staffDay({
      intervalMinutes: 15,
      calls,
      averageHandleSeconds: 240,
      target,
      shrinkage: 0.3,
      minimumAgents: 2,
      open,
    })
    expect(day.intervals[0]!.agents).toBe(0)
    expect(day.intervals[40]!.agents).toBeGreaterThan(2)
  })

  it("refuses a day that is not 96 intervals of 15 minutes", () => {
    expect(() =>
      staffDay({
        intervalMinutes: 15,
        calls: calls.slice(1),
        averageHandleSeconds: 240,
        target,
        shrinkage: 0.3,
      }),
    ).toThrow(ValidationError)
  })
})

describe("team leads and shrinkage", () => {
  it("gives one team lead per 12–14 agents, as the handbook says (004 ch.8 组长职责 9)", () => {
    expect(teamLeadsFor(14)).toEqual({ leads: 1, agentsPerLead: 14, withinSpan: true })
    expect(teamLeadsFor(15).leads).toBe(2)
    expect(teamLeadsFor(26)).toEqual({ leads: 2, agentsPerLead: 13, withinSpan: true })
    expect(teamLeadsFor(8).withinSpan).toBe(false)
    expect(teamLeadsFor(0).leads).toBe(0)
  })

  it("adds shrinkage components as shares of paid time; the default policy's come to 30 %", () => {
    expect(totalShrinkage(defaultCallCentrePolicy.shrinkage)).toBeCloseTo(0.3, 12)
    expect(() =>
      totalShrinkage([
        { id: "all", name: { "zh-CN": "全部", en: "All" }, share: 0.6 },
        { id: "more", name: { "zh-CN": "更多", en: "More" }, share: 0.5 },
      ]),
    ).toThrow(RangeError)
  })
})
