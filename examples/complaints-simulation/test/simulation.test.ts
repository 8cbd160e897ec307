import type { CivilDate } from "@tixi/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { renderReport } from "../src/render.ts"
import { buildReport, type ReportRow } from "../src/report.ts"
import { type SimulationOptions, simulate } from "../src/simulation.ts"
import { displayWidth, table } from "../src/text-table.ts"

// Three weeks around 春节 with fewer customers, so the test runs in seconds.
const small: SimulationOptions = {
  seed: 7,
  start: "2026-02-09" as CivilDate,
  days: 21,
  customers: 60,
  complaintsPerDay: 12,
}

const run = async (options: SimulationOptions) => buildReport(await Effect.runPromise(simulate(options)))
const sum = (rows: ReadonlyArray<ReportRow>) => rows.reduce((total, row) => total + row.count, 0)

describe("the complaints simulation", () => {
  it("is deterministic: the same seed writes the same JSON, another seed another", async () => {
    const first = JSON.stringify(await run(small))
    const second = JSON.stringify(await run(small))
    expect(second).toBe(first)
    const other = JSON.stringify(await run({ ...small, seed: 8 }))
    expect(other).not.toBe(first)
  }, 120_000)

  it("adds up: every complaint is counted once in every breakdown, and nothing went wrong", async () => {
    const report = await run(small)
    const { summary, breakdowns } = report
    expect(summary.complaints).toBeGreaterThan(100)
    for (const rows of [
      breakdowns.byCategory,
      breakdowns.byChannel,
      breakdowns.byType,
      breakdowns.byUrgency,
      breakdowns.byOutcome,
      breakdowns.byCause,
    ])
      expect(sum(rows)).toBe(summary.complaints)
    expect(summary.resolved + summary.rejected + summary.withdrawn + summary.open).toBe(summary.complaints)
    expect(sum(breakdowns.byRejectionReason)).toBe(summary.rejected)
    expect(report.weekly.reduce((total, week) => total + week.complaints, 0)).toBe(summary.complaints)
    expect(report.escalations.byRung.reduce((total, rung) => total + rung.count, 0)).toBe(
      report.escalations.total,
    )
    expect(report.escalations.log).toHaveLength(report.escalations.total)
    expect(report.escalations.byHighestLevel.reduce((total, row) => total + row.cases, 0)).toBe(
      summary.complaints,
    )
    const approvals = report.approvals
    expect(approvals.approved + approvals.rejected + approvals.withdrawn + approvals.pending).toBe(
      approvals.submitted,
    )
    expect(report.system.host.cases).toBe(summary.complaints)
    expect(report.system.unexpectedRefusals).toEqual([])
    expect(report.system.deadLetters).toEqual([])
    // The host outages the simulation injects are all retried away.
    expect(report.system.runner.effectRetries).toBe(report.system.host.injectedOutages)
    // The week of 春节 is quiet: nobody works, so no deadline passes and nothing escalates.
    const festival = report.weekly.find((week) => week.weekOf === "2026-02-16")
    expect(festival?.escalations).toEqual({ supervisor: 0, manager: 0, director: 0 })
    expect(report.pareto.at(-1)?.cumulativeShare).toBeCloseTo(1, 10)
    // The figures of 客户投诉总结表 agree with the summary.
    expect(report.summaryForm.complaintCount).toBe(summary.complaints)
    expect(report.summaryForm.resolvedCount).toBe(summary.resolved)
  }, 120_000)

  it("renders the tables in Chinese and in English", async () => {
    const report = await run(small)
    const chinese = renderReport(report, "zh-CN", 1.5, ".tixi/x.json")
    expect(chinese).toContain("一、客户投诉总结表")
    expect(chinese).toContain("原因柏拉图")
    expect(chinese).toContain("JSON 已写入 .tixi/x.json")
    const english = renderReport(report, "en", 1.5, ".tixi/x.json")
    expect(english).toContain("1. Complaint summary")
    expect(english).toContain("Escalation log")
    expect(english).not.toMatch(/[（），]/)
  }, 120_000)
})

describe("terminal tables", () => {
  it("counts CJK characters as two columns", () => {
    expect(displayWidth("投诉 ab")).toBe(7)
    expect(displayWidth("（90 天）")).toBe(9)
  })

  it("lines up Chinese and English cells", () => {
    const lines = table(
      [{ heading: "内容" }, { heading: "Count", align: "right" }],
      [
        ["品质", "1,234"],
        ["Delivery date", "5"],
      ],
    ).split("\n")
    const widths = lines.map(displayWidth)
    expect(new Set(widths.slice(1)).size).toBe(1)
    expect(lines[2]).toBe("  品质           1,234")
  })
})
