import type { VerifiedEvent } from "./intake-source.ts"

/** Where in a text PostgreSQL would refuse it (or, for a lone surrogate in a text column, alter it). */
const firstUnstorable = (text: string): { readonly index: number; readonly what: string } | undefined => {
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index)
    if (unit === 0) return { index, what: "a NUL character (U+0000)" }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = index + 1 < text.length ? text.charCodeAt(index + 1) : 0
      if (next >= 0xdc00 && next <= 0xdfff) index += 1
      else return { index, what: `a lone surrogate (U+${unit.toString(16).toUpperCase()})` }
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return { index, what: `a lone surrogate (U+${unit.toString(16).toUpperCase()})` }
    }
  }
  return undefined
}

const fieldPath = (parent: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`

/**
 * Deeper nesting is refused: serializing it for the database overflows the stack (JSON.stringify
 * fails between 1,000 and 5,000 levels), which would fail every retry. No vendor nests this deep.
 */
export const maxNestingDepth = 1_000

/** Walks the value with its own stack (a deep value must not overflow the walker either). */
const inValue = (root: unknown, rootPath: string): string | undefined => {
  const stack: Array<{ readonly value: unknown; readonly path: string; readonly depth: number }> = [
    { value: root, path: rootPath, depth: 0 },
  ]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path, depth } = next
    if (typeof value === "string") {
      const found = firstUnstorable(value)
      if (found) return `${path}: ${found.what} at character ${found.index}`
    } else if (typeof value === "object" && value !== null) {
      if (depth >= maxNestingDepth) return `${path}: nested deeper than ${maxNestingDepth} levels`
      const entries = Array.isArray(value)
        ? value.map((item, index) => ({ value: item, path: `${path}[${index}]`, depth: depth + 1 }))
        : Object.entries(value).map(([key, item]) => ({
            value: item,
            path: fieldPath(path, key),
            depth: depth + 1,
          }))
      if (!Array.isArray(value)) {
        for (const key of Object.keys(value)) {
          const inKey = firstUnstorable(key)
          if (inKey) return `${fieldPath(path, key)}: ${inKey.what} in the field's name`
        }
      }
      // Reversed, so the first field is looked at first.
      for (let index = entries.length - 1; index >= 0; index -= 1) stack.push(entries[index]!)
    }
  }
  return undefined
}

/**
 * Why PostgreSQL can never store this event, naming the field, or undefined when it can. A NUL
 * is refused by both `text` and `jsonb`; a lone surrogate is refused by `jsonb` and silently
 * turned into U+FFFD by `text` (so two event ids could collide). Such content fails the same way
 * on every retry, so it is refused once, with this reason, instead of failing a whole batch.
 */
export const unstorableReason = (event: VerifiedEvent): string | undefined =>
  inValue(event.id, "id") ?? inValue(event.type, "type") ?? inValue(event.payload, "payload")

/**
 * The text with every NUL and lone surrogate written as a `\uXXXX` escape, so an event the
 * database refused can still be recorded (and shown) by its id.
 */
export const escapeUnstorable = (text: string): string => {
  let escaped = ""
  let rest = text
  for (let found = firstUnstorable(rest); found; found = firstUnstorable(rest)) {
    const unit = rest.charCodeAt(found.index)
    escaped += `${rest.slice(0, found.index)}\\u${unit.toString(16).padStart(4, "0")}`
    rest = rest.slice(found.index + 1)
  }
  return escaped + rest
}
