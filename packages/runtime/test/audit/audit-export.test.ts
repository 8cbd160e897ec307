import { describe, expect, it } from "vitest"
import type { AuditEntry } from "../../src/audit/audit-entry.ts"
import { auditColumns, auditCsv, auditJsonLines } from "../../src/audit/audit-export.ts"
import { formatAuditSummary, summarizeAudit } from "../../src/audit/audit-summary.ts"

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  sequence: 1,
  at: Date.UTC(2026, 11, 7, 8, 0, 0),
  kind: "command",
  outcome: "accepted",
  personId: "officer-wu",
  post: "complaintOfficer",
  process: "complaint",
  instanceId: "C-1",
  commandType: "Register",
  field: undefined,
  level: undefined,
  refusal: undefined,
  reason: undefined,
  ...overrides,
})

const refusal = entry({
  sequence: 2,
  outcome: "refused",
  refusal: "PolicyRefusal",
  reason: '承诺日期超出服务标准, 需 "主管" 批准\r\n第二行',
})

describe("audit exports", () => {
  it("CSV quotes fields with commas, quotes and line breaks as RFC 4180 says, with CRLF rows", () => {
    const csv = auditCsv([entry({}), refusal])
    const rows = csv.split("\r\n")
    expect(rows[0]).toBe(auditColumns.join(","))
    expect(rows[1]).toBe(
      "1,1796630400000,2026-12-07T08:00:00.000Z,command,accepted,officer-wu,complaintOfficer,complaint,C-1,Register,,,,",
    )
    expect(csv).toContain(`,PolicyRefusal,"承诺日期超出服务标准, 需 ""主管"" 批准\r\n第二行"\r\n`)
    expect(csv.endsWith("\r\n")).toBe(true)
  })

  it("CSV pages after the first carry no header", () => {
    expect(auditCsv([refusal], { header: false }).startsWith("2,")).toBe(true)
    expect(auditCsv([], { header: true })).toBe(`${auditColumns.join(",")}\r\n`)
  })

  it("JSON Lines keep the Chinese as written, one entry a line, absent fields left out", () => {
    const lines = auditJsonLines([entry({}), refusal]).split("\n")
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe("")
    expect(lines[1]).toContain("承诺日期超出服务标准")
    const parsed = JSON.parse(lines[1]!)
    expect(parsed).toMatchObject({ sequence: 2, outcome: "refused", reason: refusal.reason })
    expect("field" in JSON.parse(lines[0]!)).toBe(false)
  })

  it("the summary counts entries by outcome and by post, page by page", () => {
    const first = summarizeAudit([entry({}), refusal])
    const both = summarizeAudit([entry({ sequence: 3, post: undefined, kind: "approval" })], first)
    expect(both.byOutcome).toEqual({ accepted: 2, refused: 1, failed: 0 })
    expect(both.byPost).toEqual([
      { post: "complaintOfficer", entries: 2 },
      { post: "(none)", entries: 1 },
    ])
    expect(formatAuditSummary(both)).toBe(
      "3 entries: 2 accepted, 1 refused, 0 failed; by post: complaintOfficer 2, (none) 1",
    )
  })
})
