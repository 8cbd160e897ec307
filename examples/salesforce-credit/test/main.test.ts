import { describe, expect, it } from "vitest"
import { main } from "../src/main.ts"

describe("example: salesforce-credit", () => {
  it("grades customers, runs the override on a Salesforce approval and takes a Case in as a complaint (fake org)", async () => {
    const lines: Array<string> = []
    const result = await main((line) => lines.push(line), {})
    expect(result.installed).toEqual(
      expect.arrayContaining(["credit_grade", "credit_limit", "credit_exposure"]),
    )
    expect(result.graded).toBe(4)
    expect(result.failed).toBe(0)
    expect(lines.some((line) => line.startsWith("graded C-1001 华东机电贸易有限公司 → B"))).toBe(true)

    // Within the tolerance: released at once; past it: the Salesforce approval, then released.
    expect(lines).toContain("order SO-2026-0041 (C-1002, ¥150,000): released, warning")
    expect(result.override.status).toBe("approved")
    expect(result.override.approval.state).toBe("approved")
    expect(result.override.approval.decisions.map((decision) => [decision.step, decision.approver])).toEqual([
      [0, "manager-qian"],
      [1, "finance-zhou"],
    ])
    expect(
      lines.some((line) =>
        /approval \w+ approved by finance-zhou \(同意，限本单\) → request OV-2026-0042 approved$/.test(line),
      ),
    ).toBe(true)
    expect(result.recordedOnRedelivery).toBe(0)
    expect(lines.some((line) => line.endsWith("(already recorded: nothing changes)"))).toBe(true)
    expect(lines).toContain("notice to officer-wu: 超额发货已批准")

    // The complaint: registered on the Case staff opened, escalated, closed, no echo as a command.
    expect(result.complaint).toMatchObject({ stage: "closed", commands: 0, case: { status: "closed" } })
    expect(result.complaint!.echoes).toBeGreaterThan(0)
    expect(result.complaint!.case.externalKey).toBe(result.complaint!.complaintId)
    expect(result.complaint!.case.fields.complaint_escalation_level).toBeGreaterThanOrEqual(1)
    expect(lines).toContain("  IsEscalated: true")
  })
})
