import { describe, expect, it } from "vitest"
import { moduleOfFormId, moduleOfIdPrefix } from "../../src/access/index.ts"

describe("the module an id names by its first part", () => {
  it("places form ids and process names by their prefix, aliases included", () => {
    expect(moduleOfIdPrefix("credit.standard")).toBe("credit")
    expect(moduleOfIdPrefix("complaint.analysis")).toBe("complaints")
    expect(moduleOfIdPrefix("callcenter.inboundCall")).toBe("callCentre")
    expect(moduleOfIdPrefix("planning.standard")).toBe("organisation")
  })

  it("answers undefined for no dot, an unknown prefix or a prototype key, where forms fall back to the organisation", () => {
    for (const id of ["complaint", "ticket.flow", "constructor.x", "__proto__.x", ".credit"]) {
      expect(moduleOfIdPrefix(id)).toBeUndefined()
      expect(moduleOfFormId(id)).toBe("organisation")
    }
  })
})
