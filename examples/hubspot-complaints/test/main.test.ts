import { describe, expect, it } from "vitest"
import { run } from "../src/main.ts"

describe("examples/hubspot-complaints against the fake portal", () => {
  it("installs the complaint case, takes in the ticket staff open, escalates it and closes it in tixi", async () => {
    const previous = process.env.HUBSPOT_ACCESS_TOKEN
    delete process.env.HUBSPOT_ACCESS_TOKEN
    try {
      const plan = await run({ dryRun: true, print: () => {} })
      expect(plan.lines.join("\n")).toContain("Install plan (dry run, nothing written)")
      expect(plan.lines.join("\n")).toContain("tickets.tixi_complaint_escalation_level")

      const result = await run({ print: () => {} })
      const text = result.lines.join("\n")
      expect(result.complaintId).toMatch(/^TS-HS-\d+$/)
      expect(text).toContain(`complaint ${result.complaintId} registered on that ticket`)
      expect(text).toMatch(/duplicated events dropped/)
      expect(text).toContain("escalation level 1")
      // The ticket staff opened is the complaint's case, closed in 已结案 with its figures on it.
      expect(result.ticket).toMatchObject({
        externalKey: result.complaintId,
        stage: "closed",
        status: "closed",
        fields: { complaint_urgency: "urgent", complaint_cause: "occasional" },
      })
      expect(result.ticket?.fields.complaint_escalation_level).toBeGreaterThanOrEqual(1)
      expect(result.properties?.tixi_complaint_first_response_due_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(result.properties?.closed_date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      // Every delivery was answered 200, and none of tixi's own writes came back as a command.
      expect(result.deliveries.every((delivery) => delivery.status === 200)).toBe(true)
      expect(
        result.deliveries.reduce((sum, delivery) => sum + (delivery.status === 200 ? delivery.echoes : 0), 0),
      ).toBeGreaterThan(0)
      expect(text).toContain("0 came back as commands")
    } finally {
      if (previous !== undefined) process.env.HUBSPOT_ACCESS_TOKEN = previous
    }
  }, 60_000)
})
