/** An XML element as tixi reads WeCom's messages: its text or its children by name (repeated names become arrays). */
export type XmlValue = string | XmlObject | ReadonlyArray<XmlValue>
/** An element's children by name. */
export interface XmlObject {
  readonly [name: string]: XmlValue
}

/** The XML was not well formed (a truncated or hostile body); nothing was read from it. */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "XmlSyntaxError"
  }
}

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10))
    return entities[name] ?? whole
  })

/**
 * Parses the small XML documents WeCom sends (`<xml><ToUserName><![CDATA[…]]></ToUserName>…`):
 * elements, text, CDATA and the five entities. No DTDs, no external entities, no attributes
 * kept: there is nothing in it to expand or fetch. Returns the root element's children.
 */
export function parseXml(source: string): XmlObject {
  let index = 0
  const skip = () => {
    for (;;) {
      while (index < source.length && /\s/.test(source[index]!)) index++
      if (source.startsWith("<?", index)) {
        const end = source.indexOf("?>", index)
        if (end < 0) throw new XmlSyntaxError("unterminated declaration")
        index = end + 2
      } else if (source.startsWith("<!--", index)) {
        const end = source.indexOf("-->", index)
        if (end < 0) throw new XmlSyntaxError("unterminated comment")
        index = end + 3
      } else if (source.startsWith("<!", index) && !source.startsWith("<![CDATA[", index)) {
        throw new XmlSyntaxError("DTDs are not accepted")
      } else return
    }
  }
  const element = (): { name: string; value: XmlValue } => {
    const open = /^<([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/.exec(source.slice(index))
    if (open === null) throw new XmlSyntaxError(`expected an element at ${index}`)
    const name = open[1]!
    index += open[0].length
    if (open[3] === "/") return { name, value: "" }
    const children: Record<string, XmlValue> = {}
    let text = ""
    let hasChildren = false
    for (;;) {
      if (index >= source.length) throw new XmlSyntaxError(`unterminated <${name}>`)
      if (source.startsWith("<![CDATA[", index)) {
        const end = source.indexOf("]]>", index)
        if (end < 0) throw new XmlSyntaxError("unterminated CDATA")
        text += source.slice(index + 9, end)
        index = end + 3
      } else if (source.startsWith("</", index)) {
        const close = `</${name}>`
        if (!source.startsWith(close, index)) throw new XmlSyntaxError(`expected ${close} at ${index}`)
        index += close.length
        return { name, value: hasChildren ? children : text }
      } else if (source.startsWith("<!--", index)) {
        skip()
      } else if (source[index] === "<") {
        const child = element()
        hasChildren = true
        const existing = children[child.name]
        children[child.name] =
          existing === undefined
            ? child.value
            : Array.isArray(existing)
              ? [...existing, child.value]
              : [existing as XmlValue, child.value]
      } else {
        const next = source.indexOf("<", index)
        if (next < 0) throw new XmlSyntaxError(`unterminated <${name}>`)
        text += decode(source.slice(index, next))
        index = next
      }
    }
  }
  skip()
  const root = element()
  skip()
  if (index !== source.length) throw new XmlSyntaxError("content after the root element")
  return typeof root.value === "string" ? {} : (root.value as XmlObject)
}

/** A child's text, or undefined. */
export const textOf = (value: XmlValue | undefined): string | undefined =>
  typeof value === "string" ? value : undefined

/** A child as a list, whether it occurred once or several times. */
export const listOf = (value: XmlValue | undefined): ReadonlyArray<XmlValue> =>
  value === undefined ? [] : Array.isArray(value) ? (value as ReadonlyArray<XmlValue>) : [value]
