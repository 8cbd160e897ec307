import { describe, expect, it } from "vitest"
import { ConfidentialityLevel, isClearedFor, stricterLevel } from "../../src/access/index.ts"

describe("confidentiality levels (密级)", () => {
  it("orders public < internal < secret < confidential, with zh-CN and en labels", () => {
    expect(ConfidentialityLevel.values).toEqual(["public", "internal", "secret", "confidential"])
    expect(ConfidentialityLevel.label("secret", "zh-CN")).toBe("秘密")
    expect(ConfidentialityLevel.label("confidential", "en")).toBe("Confidential")
  })

  it("clears a reader for their level and every level below, never above", () => {
    expect(isClearedFor("secret", "internal")).toBe(true)
    expect(isClearedFor("secret", "secret")).toBe(true)
    expect(isClearedFor("secret", "confidential")).toBe(false)
    expect(isClearedFor("public", "internal")).toBe(false)
  })

  it("takes the stricter of two levels whichever comes first", () => {
    expect(stricterLevel("internal", "secret")).toBe("secret")
    expect(stricterLevel("confidential", "public")).toBe("confidential")
  })
})
