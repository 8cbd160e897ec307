import fc from "fast-check"
import type { z } from "zod"

/**
 * Structurally valid nonsense for a zod schema: values of the schema's shape (the right keys, a
 * literal `type`, members of enumerations) whose leaves are now plausible (ids, dates, instants
 * near today, small amounts) and now hostile (instants beyond JavaScript's date range, NaN,
 * fractions, dates of year 9999, NUL, bidi overrides, lone surrogates, huge strings, wrong
 * types). Plausible leaves let a sequence of commands reach deep states; hostile ones probe
 * every check on the way. Absent optional keys and unknown extra keys are generated too.
 */
export interface NonsenseOptions {
  /** Arbitraries for keys whose schema says nothing (`z.unknown()`), e.g. a form's values. */
  readonly overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>
  /** When false, only plausible leaves of the right type and no extra keys: values that reach deep states. */
  readonly hostile?: boolean
}

/** An instant near the start of 2026 (Shanghai working hours), where the processes' tests live. */
const start2026 = 1_767_574_800_000

const hostileNumber = fc.constantFrom(
  8.64e15 + 1,
  -8.64e15 - 1,
  9e15,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0.5,
  1e308,
  -1,
  946_684_800_000, // 2000-01-01
  253_402_300_799_999, // 9999-12-31T23:59:59.999Z
)

const plausibleNumber = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 100_000_00 }),
  fc.integer({ min: 0, max: 90 * 86_400_000 }).map((offset) => start2026 + offset),
)

const hostileString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u202Eevil",
    "x\u2066y",
    "\uD800",
    "a\uDC00",
    "\u0007bell",
    "9999-12-31",
    "0000-01-01",
    "2026-02-30",
    "10000-01-01",
    "__proto__",
    "constructor",
    "toString",
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.nat({ max: 30_000 }).map((length) => "长".repeat(length)),
)

const plausibleString = fc.constantFrom(
  "officer-wu",
  "officer-zheng",
  "supervisor-sun",
  "manager-qian",
  "director-li",
  "finance-zhou",
  "cust-0001",
  "quality",
  "logistics",
  "TS-1",
  "REQ-1",
  "CNY",
  "USD",
  "2026-01-05",
  "2026-01-20",
  "2026-03-31",
  "2025-12-20",
  "1800-01-01",
  "2199-12-31",
  "已核实",
  "客户不同意",
  "x",
  "handbook-2026.1",
  "021-6288 1234",
)

const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.integer(),
  fc.string({ maxLength: 4 }),
)

const numberLeaf = fc.oneof(
  { weight: 6, arbitrary: plausibleNumber },
  { weight: 2, arbitrary: hostileNumber },
  {
    weight: 1,
    arbitrary: wrongType,
  },
)
const stringLeaf = fc.oneof(
  { weight: 6, arbitrary: plausibleString },
  { weight: 2, arbitrary: hostileString },
  {
    weight: 1,
    arbitrary: wrongType,
  },
)

const plausibleDate = fc.constantFrom("2025-12-20", "2026-01-05", "2026-01-20", "2026-03-31", "2026-06-30")

/** Plausible values by the name of the key they sit under, so plausible records pass field formats. */
const plausibleByKey: ReadonlyArray<readonly [RegExp, fc.Arbitrary<unknown>]> = [
  [/^phone(Number)?$/, fc.constantFrom("021-6288 1234", "+86 138 0013 8000")],
  [/^email$/, fc.constant("service@example.com")],
  [/^currency$/, fc.constant("CNY")],
  [/(Date|On|^date|^period(From|To)|^from|^to)$/, plausibleDate],
]

interface Definition {
  readonly type: string
  readonly [key: string]: unknown
}

const definitionOf = (schema: unknown): Definition => (schema as { _zod: { def: Definition } })._zod.def

/** Structurally valid nonsense for `schema` (see `NonsenseOptions`). */
export function nonsense(schema: z.ZodType, options: NonsenseOptions = {}, depth = 0): fc.Arbitrary<unknown> {
  const definition = definitionOf(schema)
  const deeper = (inner: unknown) => nonsense(inner as z.ZodType, options, depth + 1)
  const hostile = options.hostile ?? true
  /** The value itself, or (when hostile) now and then something of the wrong type. */
  const orWrong = (arbitrary: fc.Arbitrary<unknown>, weight = 10) =>
    hostile ? fc.oneof({ weight, arbitrary }, { weight: 1, arbitrary: wrongType }) : arbitrary
  if (depth > 8) return wrongType
  switch (definition.type) {
    case "string":
      return hostile ? stringLeaf : plausibleString
    case "number":
    case "int":
    case "bigint":
      return hostile ? numberLeaf : plausibleNumber
    case "boolean":
      return orWrong(fc.boolean())
    case "literal":
      return orWrong(fc.constantFrom(...(definition.values as ReadonlyArray<unknown>)), 12)
    case "enum":
      return orWrong(fc.constantFrom(...Object.values(definition.entries as Record<string, unknown>)), 12)
    case "optional":
      return hostile
        ? fc.oneof(
            { weight: 1, arbitrary: fc.constant(undefined) },
            { weight: 3, arbitrary: deeper(definition.innerType) },
          )
        : fc.oneof(
            { weight: 2, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: deeper(definition.innerType) },
          )
    case "nullable":
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: deeper(definition.innerType) },
      )
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return deeper(definition.innerType)
    case "pipe":
      return deeper(definition.in)
    case "lazy":
      return deeper((definition.getter as () => unknown)())
    case "array":
      return orWrong(fc.array(deeper(definition.element), { maxLength: 4 }))
    case "tuple":
      return fc.tuple(...(definition.items as ReadonlyArray<unknown>).map(deeper))
    case "record":
      return orWrong(
        fc.dictionary(
          (hostile
            ? fc.oneof(plausibleString, fc.string({ maxLength: 8 }))
            : plausibleString) as fc.Arbitrary<string>,
          deeper(definition.valueType),
          { maxKeys: 4 },
        ),
      )
    case "union":
      return fc.oneof(...(definition.options as ReadonlyArray<unknown>).map(deeper))
    case "object": {
      const shape = definition.shape as Record<string, unknown>
      const keys = Object.keys(shape)
      const hinted = (key: string, inner: unknown): fc.Arbitrary<unknown> | undefined => {
        if (hostile) return undefined
        const hint = plausibleByKey.find(([pattern]) => pattern.test(key))?.[1]
        if (hint === undefined) return undefined
        return definitionOf(inner).type === "optional"
          ? fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hint })
          : hint
      }
      const fields = Object.fromEntries(
        keys.map((key) => [key, options.overrides?.[key] ?? hinted(key, shape[key]) ?? deeper(shape[key])]),
      )
      const record = fc.record(fields, { requiredKeys: keys }).map((value) => {
        // An optional key generated as undefined is mostly dropped, as JSON would.
        const out: Record<string, unknown> = {}
        for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry
        return out
      })
      if (!hostile) return record
      return fc.oneof(
        { weight: 12, arbitrary: record },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.constantFrom("extra", "__proto__", "constructor"), fc.anything())
            .map(([value, key, extra]) => ({ ...value, [key]: extra })),
        },
        { weight: 1, arbitrary: wrongType },
      )
    }
    default:
      // unknown, any, custom and whatever else: anything at all.
      return fc.anything({ maxDepth: 2 })
  }
}
