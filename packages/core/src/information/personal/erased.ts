import { erasedPattern } from "../../forms/erasable.ts"
import type { PersonalDataKind } from "../labels/information-labels.ts"

declare const erasedBrand: unique symbol

/**
 * What an erased personal value is replaced with in a stored event. A string, so every fold that
 * copies, trims or joins the value keeps working on replay; branded with its kind, so code and
 * readers can tell an erased value from data.
 */
export type Erased = string & { readonly [erasedBrand]: PersonalDataKind }

/** The marker that replaces a value of `kind`: it carries the kind, never the value. */
export const erasedValue = (kind: PersonalDataKind): Erased => `⟦erased:${kind}⟧` as Erased

/** Whether a stored value is an erasure marker, so it is neither exported nor erased again. */
export const isErased = (value: unknown): value is Erased =>
  typeof value === "string" && erasedPattern.test(value)
