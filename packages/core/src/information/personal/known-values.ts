import type { PersonalDataKind } from "../labels/information-labels.ts"
import { erasedValue, isErased } from "./erased.ts"
import type { PersonalValue } from "./personal-data.ts"

/**
 * A value of a person that tixi's structured records already gave away (a name, a phone), to be
 * masked wherever else tixi keeps a copy it cannot map field by field: a vendor's raw webhook
 * body, a dead letter's error text, the cluster engine's stored messages.
 */
export interface KnownPersonalValue {
  readonly value: string
  readonly kind: PersonalDataKind
}

/** Shorter values would mask unrelated text (a one-character surname inside any word). */
const shortestMaskedValue = 2
/** A phone written without separators, as vendors send it, still counts as the phone. */
const shortestPhoneDigits = 7

/**
 * The values to look for, from what `findPersonalData` found: each distinct value once, a phone
 * also as its bare digits, the person's id left out (it is masked only where a whole value equals
 * it, so ids that merely contain it, such as idempotency keys, stay intact), longest first so a
 * value containing another is masked whole.
 */
export function knownPersonalValues(values: ReadonlyArray<PersonalValue>): ReadonlyArray<KnownPersonalValue> {
  const known = new Map<string, KnownPersonalValue>()
  const add = (value: string, kind: PersonalDataKind) => {
    if (value.length >= shortestMaskedValue && !isErased(value) && !known.has(value))
      known.set(value, { value, kind })
  }
  for (const { value, kind } of values) {
    if (kind === "personId") continue
    add(value, kind)
    const digits = value.replace(/\D/g, "")
    if (kind === "phone" && digits.length >= shortestPhoneDigits) add(digits, kind)
  }
  return [...known.values()].sort((left, right) => right.value.length - left.value.length)
}

/** A masked copy and how many values were masked in it. */
export interface Masked<Value> {
  readonly masked: Value
  readonly count: number
}

/** `text` with every occurrence of a known value replaced by the `Erased` marker of its kind. */
export function maskKnownValuesInText(
  text: string,
  known: ReadonlyArray<KnownPersonalValue>,
): Masked<string> {
  let masked = text
  let count = 0
  for (const { value, kind } of known) {
    const parts = masked.split(value)
    if (parts.length === 1) continue
    count += parts.length - 1
    masked = parts.join(erasedValue(kind))
  }
  return { masked, count }
}

const embeddedJson = (text: string): unknown => {
  const first = text.trimStart()[0]
  if (first !== "{" && first !== "[") return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * `node` (parsed JSON) with the person masked in every string: a string equal to `subject` (the
 * person's id) becomes the id's marker, known values inside any string become their markers, and
 * a string that is itself JSON text (a command the cluster engine stores as text inside its
 * message) is masked inside and written back as JSON, so it still parses. The input is untouched;
 * an unchanged node is returned as the same object.
 */
export function maskKnownValues(
  node: unknown,
  subject: string,
  known: ReadonlyArray<KnownPersonalValue>,
): Masked<unknown> {
  if (typeof node === "string") {
    if (node === subject) return { masked: erasedValue("personId"), count: 1 }
    const nested = embeddedJson(node)
    if (nested !== undefined) {
      const inner = maskKnownValues(nested, subject, known)
      return inner.count === 0
        ? { masked: node, count: 0 }
        : { masked: JSON.stringify(inner.masked), count: inner.count }
    }
    return maskKnownValuesInText(node, known)
  }
  if (node === null || typeof node !== "object") return { masked: node, count: 0 }
  let count = 0
  const entries = Object.entries(node).map(([key, child]) => {
    const inner = maskKnownValues(child, subject, known)
    count += inner.count
    return [key, inner.masked] as const
  })
  if (count === 0) return { masked: node, count: 0 }
  return {
    masked: Array.isArray(node) ? entries.map(([, child]) => child) : Object.fromEntries(entries),
    count,
  }
}
