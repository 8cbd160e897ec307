import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  AccessModule,
  type AccessPolicy,
  type Classification,
  ConfidentialityLevel,
  classifyForm,
  compileProjection,
  defaultAccessPolicy as defaultPolicy,
  isMasked,
  type MaskReason,
  projectForm,
  type Reader,
  unclassifiedField,
} from "../../src/access/index.ts"
import { coreForms } from "../support/core-forms.ts"

// The oracle, written out independently of the projection: levels by their place in the scale.
const rank = (level: ConfidentialityLevel) => ConfidentialityLevel.values.indexOf(level)
const expectedReason = (
  field: { readonly level: ConfidentialityLevel; readonly module: AccessModule },
  reader: Reader,
  policy: AccessPolicy,
): MaskReason | undefined => {
  if (rank(field.level) > rank(reader.clearance)) return "clearance"
  const from = policy.needToKnow[field.module]
  if (from !== undefined && rank(field.level) >= rank(from) && !reader.modules.has(field.module)) {
    return "needToKnow"
  }
  return undefined
}

const level = fc.constantFrom(...ConfidentialityLevel.values)
const accessModule = fc.constantFrom(...AccessModule.values)
const fieldName = fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,10}$/)
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object(),
)
const reader: fc.Arbitrary<Reader> = fc.record({
  clearance: level,
  modules: fc.subarray([...AccessModule.values]).map((modules) => new Set(modules)),
})
const policy: fc.Arbitrary<AccessPolicy> = fc.record({
  version: fc.constant("test"),
  formFields: fc.constant({}),
  attributes: fc.constant({}),
  needToKnow: fc.dictionary(accessModule, level),
})
const classification: fc.Arbitrary<Classification> = fc.dictionary(
  fieldName,
  fc.record({ level, module: accessModule }),
)
/** A classification and a record over some of its fields and some it does not classify. */
const classifiedRecord = classification.chain((classes) =>
  fc.record({
    classification: fc.constant(classes),
    values: fc
      .tuple(
        fc
          .subarray(Object.keys(classes))
          .chain((keys) => fc.tuple(...keys.map(() => value)).map((values) => [keys, values] as const)),
        fc.dictionary(fieldName, value),
      )
      .map(([[keys, values], extra]) => ({
        ...extra,
        ...Object.fromEntries(keys.map((key, index) => [key, values[index]])),
      })),
  }),
)

describe("the access projection, over random records, levels, readers and policies", () => {
  it("masks a value exactly when it is above the reader's clearance or outside their need-to-know, and changes nothing else", () => {
    fc.assert(
      fc.property(classifiedRecord, reader, policy, ({ classification: classes, values }, who, rules) => {
        const projected = compileProjection(classes, who, rules).project(values)
        expect(Object.keys(projected.values).sort()).toEqual(Object.keys(values).sort())
        const maskedKeys: Array<string> = []
        for (const [key, original] of Object.entries(values)) {
          const field = Object.hasOwn(classes, key) ? classes[key]! : unclassifiedField
          const reason = expectedReason(field, who, rules)
          const seen = projected.values[key]
          if (reason === undefined) expect(seen).toBe(original)
          else {
            expect(seen).toEqual({ _tag: "Masked", level: field.level, reason })
            maskedKeys.push(key)
          }
        }
        expect(projected.masked.map((entry) => entry.field).sort()).toEqual(maskedKeys.sort())
        for (const entry of projected.masked) {
          const field = Object.hasOwn(classes, entry.field) ? classes[entry.field]! : unclassifiedField
          expect(entry).toEqual({ field: entry.field, ...field, reason: expectedReason(field, who, rules) })
        }
      }),
    )
  })

  it("shows everything to a reader cleared 机密 who works in every module", () => {
    const everyone: Reader = { clearance: "confidential", modules: new Set(AccessModule.values) }
    fc.assert(
      fc.property(classifiedRecord, policy, ({ classification: classes, values }, rules) => {
        const projected = compileProjection(classes, everyone, rules).project(values)
        expect(projected.values).toEqual(values)
        expect(Object.values(projected.values).some(isMasked)).toBe(false)
        expect(projected.masked).toEqual([])
      }),
    )
  })

  it("projects every core form's fields by their resolved level, with the policy's overrides", () => {
    const forms = coreForms()
    const formWithOverrides = fc.constantFrom(...forms).chain((form) =>
      fc.record({
        form: fc.constant(form),
        overrides: fc.dictionary(fc.constantFrom(...Object.keys(form.fields)), level),
        present: fc.subarray(Object.keys(form.fields)),
      }),
    )
    fc.assert(
      fc.property(formWithOverrides, reader, policy, ({ form, overrides, present }, who, base) => {
        const rules: AccessPolicy = { ...base, formFields: { [form.id]: overrides } }
        const values = Object.fromEntries(present.map((key) => [key, `value of ${key}`]))
        const projected = projectForm(form, values as never, who, rules)
        expect(Object.keys(projected.values).sort()).toEqual([...present].sort())
        const classes = classifyForm(form, rules)
        for (const key of present) {
          const field = { level: overrides[key] ?? form.fields[key]!.confidentiality!, module: form.module }
          expect(classes[key]).toEqual(field)
          const reason = expectedReason(field, who, rules)
          const seen = (projected.values as Record<string, unknown>)[key]
          expect(seen).toEqual(
            reason === undefined ? values[key] : { _tag: "Masked", level: field.level, reason },
          )
        }
      }),
    )
  })
})

describe("the access projection, at the edges of a record", () => {
  const classes: Classification = {
    constructor: { level: "public" as const, module: "grading" as const },
    toString: { level: "secret" as const, module: "credit" as const },
    note: { level: "internal", module: "complaints" },
  }
  const reader: Reader = { clearance: "internal", modules: new Set() }

  it("keeps a field named like an object method only when the record has it, never from the prototype", () => {
    const projected = compileProjection(classes, reader, defaultPolicy).project({ note: "n" })
    expect(projected.values).toEqual({ note: "n" })
    expect(Object.keys(projected.values)).toEqual(["note"])
    expect(projected.masked).toEqual([])
  })

  it("keeps a key whose value is undefined, masked if the reader may not see it", () => {
    const projected = compileProjection(classes, reader, defaultPolicy).project({
      toString: undefined,
      note: undefined,
    })
    expect(Object.keys(projected.values).sort()).toEqual(["note", "toString"])
    expect(projected.values.toString).toEqual({ _tag: "Masked", level: "secret", reason: "clearance" })
  })
})
