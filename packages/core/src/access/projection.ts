import type { AccessPolicy } from "./access-policy.ts"
import { type Classification, type FieldClassification, unclassifiedField } from "./classification.ts"
import { confidentialityRank, isClearedFor } from "./confidentiality-level.ts"
import { type Masked, type MaskedField, type MaskReason, masked } from "./masked.ts"
import type { Reader } from "./reader.ts"

/** A record as a reader sees it: every key kept, each value either itself or the marker. */
export type ProjectedValues<Values> = { readonly [K in keyof Values]: Values[K] | Masked }

/** What a projection returns: the record as the reader sees it, and what it withheld, for the audit trail. */
export interface Projected<Values> {
  readonly values: ProjectedValues<Values>
  readonly masked: ReadonlyArray<MaskedField>
}

/**
 * One reader's view of one kind of record under one policy, decided once: reuse it over many
 * records (a list, a bulk export) so each record costs a copy and no decisions.
 */
export interface Projection {
  /** Every classified field the reader may not see. */
  readonly withheld: ReadonlyArray<MaskedField>
  /** The record as the reader sees it; keys nobody classified are withheld as 机密 customer information. */
  project<Values extends { readonly [field: string]: unknown }>(values: Values): Projected<Values>
}

/**
 * Why a reader may not see a field, or `undefined` when they may: first clearance (the level is
 * above theirs), then need-to-know (the policy keeps the field's module to its own posts at this
 * level and the reader does not work in it).
 */
export function maskReason(
  field: FieldClassification,
  reader: Reader,
  policy: AccessPolicy,
): MaskReason | undefined {
  if (!isClearedFor(reader.clearance, field.level)) return "clearance"
  const from = policy.needToKnow[field.module]
  if (
    from !== undefined &&
    confidentialityRank(field.level) >= confidentialityRank(from) &&
    !reader.modules.has(field.module)
  ) {
    return "needToKnow"
  }
  return undefined
}

/** Decides, for one reader under one policy, which fields of a kind of record they see. */
export function compileProjection(
  classification: Classification,
  reader: Reader,
  policy: AccessPolicy,
): Projection {
  const keys: Array<string> = []
  const markers: Array<Masked | undefined> = []
  const withheld: Array<MaskedField> = []
  for (const [field, classified] of Object.entries(classification)) {
    const reason = maskReason(classified, reader, policy)
    keys.push(field)
    markers.push(reason === undefined ? undefined : masked(classified.level, reason))
    if (reason !== undefined) withheld.push({ field, ...classified, reason })
  }
  const count = keys.length
  const inherited = keys.map((field) => field in Object.prototype)
  const unclassifiedReason = maskReason(unclassifiedField, reader, policy)
  return {
    withheld,
    project(values) {
      const record = values as { readonly [field: string]: unknown }
      const out: Record<string, unknown> = {}
      let present = 0
      let maskedPresent = 0
      for (let index = 0; index < count; index++) {
        const field = keys[index]!
        const value = record[field]
        // A value read through the prototype (a field named `constructor`) is not the record's.
        if ((value === undefined || inherited[index]) && !Object.hasOwn(record, field)) continue
        present++
        const marker = markers[index]
        if (marker === undefined) out[field] = value
        else {
          out[field] = marker
          maskedPresent++
        }
      }
      let maskedFields: ReadonlyArray<MaskedField> =
        maskedPresent === withheld.length
          ? withheld
          : withheld.filter((entry) => Object.hasOwn(record, entry.field))
      // Counting keys with for…in allocates nothing; a record with keys nobody classified takes the slow path.
      let keyCount = 0
      for (const _ in record) keyCount++
      if (present !== keyCount) {
        const extra: Array<MaskedField> = []
        for (const field of Object.keys(record)) {
          if (Object.hasOwn(classification, field)) continue
          if (unclassifiedReason === undefined) out[field] = record[field]
          else {
            out[field] = masked(unclassifiedField.level, unclassifiedReason)
            extra.push({ field, ...unclassifiedField, reason: unclassifiedReason })
          }
        }
        if (extra.length > 0) maskedFields = [...maskedFields, ...extra]
      }
      return { values: out as ProjectedValues<typeof values>, masked: maskedFields }
    },
  }
}
