import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The classes of an ABC (Pareto) analysis on revenue or gross margin: the few customers that
 * bring most of the value (A), the middle (B) and the many that bring little (C).
 */
export const AbcClass = enumeration("grading.abcClass", {
  A: label("A 类（重点客户）", "A (vital few)"),
  B: label("B 类（一般客户）", "B (middle)"),
  C: label("C 类（小客户）", "C (trivial many)"),
})

/** A class of the ABC analysis. */
export type AbcClass = ValueOf<typeof AbcClass>
