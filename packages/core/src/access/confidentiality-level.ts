import { enumeration, type ValueOf } from "../labels/enumeration.ts"
import { label } from "../labels/label.ts"

/**
 * The confidentiality levels (密级) the handbooks put on customer information and archives
 * (004 ch.7 §17 信息保密管理流程, 002 4.7), lowest first. A reader with clearance at one level reads
 * everything at that level and below, so the order is part of the meaning.
 */
export const ConfidentialityLevel = enumeration("access.confidentialityLevel", {
  public: label("公开", "Public"),
  internal: label("内部", "Internal"),
  secret: label("秘密", "Secret"),
  confidential: label("机密", "Confidential"),
})

/** A confidentiality level (密级). */
export type ConfidentialityLevel = ValueOf<typeof ConfidentialityLevel>

/** The rank of a level: 0 for public, rising with secrecy. */
export const confidentialityRank = (level: ConfidentialityLevel): number =>
  ConfidentialityLevel.values.indexOf(level)

/** Whether a reader cleared to `clearance` may read what is marked `level`. */
export const isClearedFor = (clearance: ConfidentialityLevel, level: ConfidentialityLevel): boolean =>
  confidentialityRank(clearance) >= confidentialityRank(level)

/** The stricter of two levels, for a value derived from several marked ones. */
export const stricterLevel = (a: ConfidentialityLevel, b: ConfidentialityLevel): ConfidentialityLevel =>
  confidentialityRank(a) >= confidentialityRank(b) ? a : b
