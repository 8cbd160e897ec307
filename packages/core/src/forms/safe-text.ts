import { z } from "zod"

/**
 * Characters no text of a form or command may hold: NUL and the other C0 controls except tab, line
 * feed and carriage return, DEL and the C1 controls, the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069, which make a name read differently from what it says: the
 * "Trojan Source" trick), and UTF-16 surrogates that are not part of a pair (which PostgreSQL, the
 * hosts' JSON parsers and XML refuse, so a turn holding one could never be stored or sent).
 */
const unsafeCharacter = new RegExp(
  [
    "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]",
    "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])",
    "(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
  ].join("|"),
)

/**
 * The first character of a text that tixi refuses, written `U+XXXX`, or undefined when the text
 * is clean. Lets a caller name the character in its own error.
 */
export function unsafeCharacterIn(text: string): string | undefined {
  const match = unsafeCharacter.exec(text)
  if (match === null) return undefined
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`
}

/**
 * Refines a string schema to refuse control characters, bidi overrides and lone surrogates with a
 * message naming the character, so the `ValidationError` names the field and what is wrong.
 */
export function refuseUnsafeCharacters<Schema extends z.ZodString>(schema: Schema): Schema {
  return schema.superRefine((value, context) => {
    const found = unsafeCharacterIn(value)
    if (found !== undefined)
      context.addIssue({ code: "custom", message: `must not contain the control or bidi character ${found}` })
  }) as Schema
}

/**
 * Free text of a command or a record: trimmed, not empty, at most `maxLength` characters, no
 * control or bidi characters. The one validator of untrusted text outside forms.
 */
export const safeTextSchema = (maxLength: number) =>
  refuseUnsafeCharacters(
    z.string().trim().min(1, "must not be empty").max(maxLength, `at most ${maxLength} characters`),
  )
