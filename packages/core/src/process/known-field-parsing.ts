import { z } from "zod"

/** One command type's fields, and its validator without the unknown-field check. */
interface KnownFields {
  readonly names: ReadonlySet<string>
  readonly validator: z.ZodType
}

// Per command union (by `type`): filled by `commandUnion`, read on every command a flow decides.
const knownFieldsByUnion = new WeakMap<z.ZodType, ReadonlyMap<unknown, KnownFields>>()

/**
 * Remembers, for each strict command shape of `union`, its field names and the same shape without
 * the unknown-field check, so `parseKnownFields` can validate the commands that carry only those
 * fields without zod walking every field a second time to look for strangers.
 */
export function rememberKnownFields(union: z.ZodType, shapes: ReadonlyArray<z.ZodType>): void {
  const byType = new Map<unknown, KnownFields>()
  for (const shape of shapes) {
    if (!(shape instanceof z.ZodObject) || shape._zod.def.catchall?._zod.def.type !== "never") continue
    const type = shape.shape.type
    if (!(type instanceof z.ZodLiteral) || type.values.size !== 1) continue
    const [value] = type.values
    byType.set(value, { names: new Set(Object.keys(shape.shape)), validator: shape.strip() })
  }
  knownFieldsByUnion.set(union, byType)
}

/**
 * `schema.safeParse(input)`, with the same result, quicker for a command of a `commandUnion`
 * whose fields are all its shape's own: every command of every instance passes here, and a
 * command with an unknown field (or not a plain object) still goes through the strict validator,
 * which names the field.
 */
export function parseKnownFields<Output>(
  schema: z.ZodType<Output>,
  input: unknown,
): z.ZodSafeParseResult<Output> {
  const known =
    typeof input === "object" && input !== null && Object.getPrototypeOf(input) === Object.prototype
      ? knownFieldsByUnion.get(schema)?.get((input as { readonly type?: unknown }).type)
      : undefined
  if (known === undefined) return schema.safeParse(input)
  for (const name in input as object) if (!known.names.has(name)) return schema.safeParse(input)
  return known.validator.safeParse(input) as z.ZodSafeParseResult<Output>
}
