import type { AccessModule } from "./access-module.ts"
import { ConfidentialityLevel } from "./confidentiality-level.ts"

/**
 * Why a value was withheld: the reader is not cleared for its level (`clearance`), or is cleared
 * but does not work in the module that rules it need-to-know (`needToKnow`).
 */
export type MaskReason = "clearance" | "needToKnow"

/**
 * What a reader sees in place of a value they may not read. The key stays, so a screen shows
 * "秘密 — withheld" where the value would be instead of silently leaving the field out.
 */
export interface Masked {
  readonly _tag: "Masked"
  readonly level: ConfidentialityLevel
  readonly reason: MaskReason
}

/** A value as a reader sees it: the value, or the marker in its place. */
export type MaybeMasked<Value> = Value | Masked

/** One field a projection withheld, as the audit trail records a refused read. */
export interface MaskedField {
  readonly field: string
  readonly module: AccessModule
  readonly level: ConfidentialityLevel
  readonly reason: MaskReason
}

const markers = new Map<string, Masked>()
for (const level of ConfidentialityLevel.values) {
  for (const reason of ["clearance", "needToKnow"] as const) {
    markers.set(`${level}:${reason}`, Object.freeze({ _tag: "Masked", level, reason }))
  }
}

/** The marker of a level and reason; one frozen object per pair, so masking allocates nothing. */
export function masked(level: ConfidentialityLevel, reason: MaskReason): Masked {
  return markers.get(`${level}:${reason}`)!
}

/** Whether a projected value is the marker rather than a value. */
export function isMasked(value: unknown): value is Masked {
  return typeof value === "object" && value !== null && (value as { _tag?: unknown })._tag === "Masked"
}
