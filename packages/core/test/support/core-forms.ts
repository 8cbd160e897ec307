import * as Core from "@tixi/core"
import type { AnyForm } from "../../src/forms/form.ts"

/** Every form the core exports (at its root or in a module namespace), found by shape, so tests need no hand-kept list. */
export function coreForms(): ReadonlyArray<AnyForm> {
  const forms = new Map<string, AnyForm>()
  const candidates = Object.values(Core).flatMap((value) =>
    typeof value === "object" && value !== null ? [value, ...Object.values(value)] : [],
  )
  for (const value of candidates) {
    if (
      typeof value === "object" &&
      value !== null &&
      "id" in value &&
      "fields" in value &&
      "parse" in value
    ) {
      forms.set(String(value.id), value as AnyForm)
    }
  }
  return [...forms.values()]
}
