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

/**
 * How much XML the parser reads before it gives up. It runs on unsigned bodies (the signature
 * covers the `Encrypt` inside them), so the caps keep a hostile body from costing more than a
 * genuine one: WeCom's envelope has 3–4 elements, an approval change a few hundred at most.
 */
export interface XmlLimits {
  /** Elements in the whole document (default 10,000). */
  readonly maxElements?: number
  /** Elements open inside each other, the root included (default 32; WeCom nests 5 deep). */
  readonly maxDepth?: number
}

const defaultMaxElements = 10_000
const defaultMaxDepth = 32

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }
const codePoint = (digits: string, radix: number) => {
  const value = Number.parseInt(digits, radix)
  if (!(value >= 0 && value <= 0x10ffff)) throw new XmlSyntaxError(`no such character: &#${digits};`)
  return String.fromCodePoint(value)
}
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return codePoint(name.slice(2), 16)
    if (name.startsWith("#")) return codePoint(name.slice(1), 10)
    return entities[name] ?? whole
  })

/** An element being read: its name, the children so far (repeats collected in arrays) and its text. */
interface OpenElement {
  readonly name: string
  readonly children: Record<string, XmlValue | Array<XmlValue>>
  text: string
  hasChildren: boolean
}

/**
 * Parses the small XML documents WeCom sends (`<xml><ToUserName><![CDATA[…]]></ToUserName>…`):
 * elements, text, CDATA and the five entities. No DTDs, no external entities, no attributes
 * kept: there is nothing in it to expand or fetch. One pass without recursion, so the time is
 * linear in the body's length and a deep or wide hostile body fails fast on `limits`.
 * Returns the root element's children.
 */
export function parseXml(source: string, limits: XmlLimits = {}): XmlObject {
  const maxElements = limits.maxElements ?? defaultMaxElements
  const maxDepth = limits.maxDepth ?? defaultMaxDepth
  const openTag = /<([A-Za-z_][\w.-]*)[^>]*?(\/?)>/y
  let index = 0
  let elements = 0
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
  /** Reads an opening tag at `index`: its name, and whether it closes itself (`<a/>`). */
  const open = (depth: number): { readonly name: string; readonly empty: boolean } => {
    openTag.lastIndex = index
    const tag = openTag.exec(source)
    if (tag === null) throw new XmlSyntaxError(`expected an element at ${index}`)
    elements++
    if (elements > maxElements) throw new XmlSyntaxError(`more than ${maxElements} elements`)
    if (depth > maxDepth) throw new XmlSyntaxError(`elements nested more than ${maxDepth} deep`)
    index = openTag.lastIndex
    return { name: tag[1]!, empty: tag[2] === "/" }
  }
  const readValue = (element: OpenElement): XmlValue =>
    element.hasChildren ? (element.children as XmlObject) : element.text
  const add = (parent: OpenElement, name: string, value: XmlValue) => {
    parent.hasChildren = true
    const existing = parent.children[name]
    if (existing === undefined) parent.children[name] = value
    // Only repeats make arrays (a value is never one), so the array is ours to grow in place.
    else if (Array.isArray(existing)) existing.push(value)
    else parent.children[name] = [existing, value]
  }
  const element = (name: string): OpenElement => ({
    name,
    // No prototype: an element named `__proto__` or `constructor` is a child like any other.
    children: Object.create(null) as OpenElement["children"],
    text: "",
    hasChildren: false,
  })

  skip()
  const first = open(1)
  let root: XmlValue = ""
  if (!first.empty) {
    const stack: Array<OpenElement> = [element(first.name)]
    while (stack.length > 0) {
      const current = stack[stack.length - 1]!
      if (index >= source.length) throw new XmlSyntaxError(`unterminated <${current.name}>`)
      if (source.startsWith("<![CDATA[", index)) {
        const end = source.indexOf("]]>", index)
        if (end < 0) throw new XmlSyntaxError("unterminated CDATA")
        current.text += source.slice(index + 9, end)
        index = end + 3
      } else if (source.startsWith("</", index)) {
        const close = `</${current.name}>`
        if (!source.startsWith(close, index)) throw new XmlSyntaxError(`expected ${close} at ${index}`)
        index += close.length
        stack.pop()
        const parent = stack[stack.length - 1]
        if (parent === undefined) root = readValue(current)
        else add(parent, current.name, readValue(current))
      } else if (source.startsWith("<!--", index)) {
        skip()
      } else if (source[index] === "<") {
        const child = open(stack.length + 1)
        if (child.empty) add(current, child.name, "")
        else stack.push(element(child.name))
      } else {
        const next = source.indexOf("<", index)
        if (next < 0) throw new XmlSyntaxError(`unterminated <${current.name}>`)
        current.text += decode(source.slice(index, next))
        index = next
      }
    }
  }
  skip()
  if (index !== source.length) throw new XmlSyntaxError("content after the root element")
  return typeof root === "string" ? {} : (root as XmlObject)
}

/** A child's text, or undefined. */
export const textOf = (value: XmlValue | undefined): string | undefined =>
  typeof value === "string" ? value : undefined

/** A child as a list, whether it occurred once or several times. */
export const listOf = (value: XmlValue | undefined): ReadonlyArray<XmlValue> =>
  value === undefined ? [] : Array.isArray(value) ? (value as ReadonlyArray<XmlValue>) : [value]
