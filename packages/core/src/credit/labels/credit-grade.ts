import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The credit grades of 004 ch.2 客户信用调查总表 (信用等级 A B C D) and of the 信用评定 box of
 * 客户信用调查表: a score falls in a grade, and the grade sets the limit (赊销限额), the payment
 * term (账期), the payment method and whether a guarantee is required.
 */
export const CreditGrade = enumeration("credit.grade", {
  A: label("A 级（信用优良）", "A (excellent)"),
  B: label("B 级（信用良好）", "B (good)"),
  C: label("C 级（信用一般）", "C (fair)"),
  D: label("D 级（信用较差）", "D (poor)"),
})

/** A credit grade, A best. */
export type CreditGrade = ValueOf<typeof CreditGrade>
