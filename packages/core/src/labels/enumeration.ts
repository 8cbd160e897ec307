import { z } from "zod"
import type { Label, Locale } from "./label.ts"

/**
 * A closed set of values with a label in each language, e.g. complaint urgency 特急/急/普通.
 * One definition gives the type, the validator, and the option lists that adapters render as
 * DingTalk select options, HubSpot enumeration options and Salesforce picklist values.
 */
export interface Enumeration<Value extends string> {
  /** A stable machine name, e.g. `complaint.urgency`; adapters derive host names from it. */
  readonly name: string
  /** The values in display order. */
  readonly values: ReadonlyArray<Value>
  /** The label of each value. */
  readonly labels: { readonly [K in Value]: Label }
  /** The text of one value in one locale. */
  label(value: Value, locale: Locale): string
  /** Whether an unknown input is one of the values. */
  is(input: unknown): input is Value
  /** The zod validator of a value. */
  readonly schema: z.ZodType<Value>
}

/** The value type of an enumeration. */
export type ValueOf<E> = E extends Enumeration<infer V> ? V : never

/** Defines an enumeration from its labelled values, in display order. */
export function enumeration<const Labels extends Record<string, Label>>(
  name: string,
  labels: Labels,
): Enumeration<Extract<keyof Labels, string>> {
  type Value = Extract<keyof Labels, string>
  const values = Object.keys(labels) as Array<Value>
  if (values.length === 0) throw new TypeError(`enumeration ${name} needs at least one value`)
  const members = new Set<string>(values)
  return {
    name,
    values,
    labels: labels as unknown as { readonly [K in Value]: Label },
    label: (value, locale) => (labels as Record<string, Label>)[value]![locale],
    is: (input): input is Value => typeof input === "string" && members.has(input),
    schema: z.enum(values as [Value, ...Array<Value>]) as unknown as z.ZodType<Value>,
  }
}
