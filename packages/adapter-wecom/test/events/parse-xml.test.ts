import { describe, expect, it } from "vitest"
import { listOf, parseXml, XmlSyntaxError } from "../../src/events/parse-xml.ts"

describe("parseXml", () => {
  it("reads thousands of repeated siblings into one array, in document order", () => {
    const count = 5_000
    const body = Array.from({ length: count }, (_, index) => `<Item>${index}</Item>`).join("")
    const items = listOf(parseXml(`<xml>${body}<Last>end</Last></xml>`).Item)
    expect(items).toHaveLength(count)
    expect(items[0]).toBe("0")
    expect(items[count - 1]).toBe(String(count - 1))
  })

  it("keeps nested elements, CDATA, entities and self-closing children", () => {
    const parsed = parseXml(
      `<?xml version="1.0"?><xml><A><B><![CDATA[x<y]]></B><B>&lt;&#x4E2D;&#25991;</B></A><Empty/><!-- note --></xml>`,
    )
    expect(parsed).toEqual({ A: { B: ["x<y", "<中文"] }, Empty: "" })
  })

  it("an element named __proto__ is a child, not the prototype of the object read", () => {
    const parsed = parseXml("<xml><__proto__><Encrypt>planted</Encrypt></__proto__></xml>")
    expect(parsed.Encrypt).toBeUndefined()
    expect(Object.entries(parsed)).toEqual([["__proto__", { Encrypt: "planted" }]])
    expect(Object.getPrototypeOf(parsed)).toBeNull()
  })

  it("refuses more elements than maxElements and nesting deeper than maxDepth, naming the limit", () => {
    const wide = `<xml>${"<a/>".repeat(20)}</xml>`
    expect(() => parseXml(wide, { maxElements: 10 })).toThrow(new XmlSyntaxError("more than 10 elements"))
    expect(Object.keys(parseXml(wide, { maxElements: 21 }))).toEqual(["a"])
    const deep = `${"<a>".repeat(5)}${"</a>".repeat(5)}`
    expect(() => parseXml(deep, { maxDepth: 4 })).toThrow(
      new XmlSyntaxError("elements nested more than 4 deep"),
    )
    expect(parseXml(deep, { maxDepth: 5 })).toEqual({ a: { a: { a: { a: "" } } } })
  })

  it("refuses a character reference outside Unicode as XmlSyntaxError, not a RangeError", () => {
    expect(() => parseXml("<xml><A>&#99999999;</A></xml>")).toThrow(XmlSyntaxError)
  })
})
