import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { escapeUnstorable, maxNestingDepth, unstorableReason } from "../../src/intake/unstorable-content.ts"

const event = (payload: unknown, id = "evt-1", type = "contact.propertyChange") => ({ id, type, payload })

describe("unstorable content", () => {
  it("names the field holding a NUL or a lone surrogate, wherever it sits", () => {
    expect(unstorableReason(event({ propertyName: "firstname", propertyValue: "Li\u0000" }))).toBe(
      "payload.propertyValue: a NUL character (U+0000) at character 2",
    )
    expect(unstorableReason(event([{ propertyValue: "ok" }, { propertyValue: "\ud83d" }]))).toBe(
      "payload[1].propertyValue: a lone surrogate (U+D83D) at character 0",
    )
    expect(unstorableReason(event({ "first name": "x\udc00" }))).toBe(
      'payload["first name"]: a lone surrogate (U+DC00) at character 1',
    )
    expect(unstorableReason(event({ "key\u0000": 1 }))).toBe(
      'payload["key\\u0000"]: a NUL character (U+0000) in the field\'s name',
    )
    expect(unstorableReason(event({}, "evt\u0000"))).toBe("id: a NUL character (U+0000) at character 3")
    expect(unstorableReason(event({}, "evt", "t\ud800"))).toBe(
      "type: a lone surrogate (U+D800) at character 1",
    )
  })

  it("accepts what PostgreSQL stores: surrogate pairs, other control characters, numbers, null", () => {
    expect(
      unstorableReason(event({ emoji: "投诉 😀", tab: "a\tb\u0001", n: 1.5, none: null, yes: true })),
    ).toBe(undefined)
  })

  it("refuses nesting deeper than serializing can go, without overflowing its own stack", () => {
    let deep: unknown = "leaf"
    for (let level = 0; level < maxNestingDepth * 50; level += 1) deep = [deep]
    expect(unstorableReason(event(deep))).toMatch(/nested deeper than 1000 levels$/)
    let shallow: unknown = "leaf"
    for (let level = 0; level < maxNestingDepth - 1; level += 1) shallow = { inner: shallow }
    expect(unstorableReason(event(shallow))).toBe(undefined)
  })

  it("escapes exactly the unstorable characters, leaving text that can be stored", () => {
    expect(escapeUnstorable("a\u0000b\ud800c😀")).toBe("a\\u0000b\\ud800c😀")
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeUnstorable(text)
        expect(unstorableReason(event({}, escaped))).toBe(undefined)
        if (unstorableReason(event({}, text)) === undefined) expect(escaped).toBe(text)
      }),
    )
  })
})
