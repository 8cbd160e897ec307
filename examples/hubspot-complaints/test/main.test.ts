import { describe, expect, it } from "vitest"
import { run } from "../src/main.ts"

describe("examples/hubspot-complaints against the fake portal", () => {
  it("installs, then takes a staff ticket through registration, escalation and closing", async () => {
    const previous = process.env.HUBSPOT_ACCESS_TOKEN
    delete process.env.HUBSPOT_ACCESS_TOKEN
    try {
      const result = await run({ print: () => {} })
      expect(result.lines.join("\n")).toContain("Install plan (dry run, nothing written)")
      expect(result.lines).toContain("Escalated to level 1")
      expect(result.ticket).toMatchObject({ tixi_escalation_level: "1", tixi_complaint_urgency: "urgent" })
      expect(result.ticket?.tixi_sla_due_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(result.ticket?.closed_date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(result.lines.some((line) => line.includes("is closed (closed)"))).toBe(true)
    } finally {
      if (previous !== undefined) process.env.HUBSPOT_ACCESS_TOKEN = previous
    }
  }, 60_000)
})
