import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The customer grades of 004 ch.7 客户等级分类表 (AAA 级, AA 级, A 级, B 级), given from the
 * weighted composite of 客户开发评定表 (业务增长率, 信用度, 利润率 → 综合评价). Key accounts are the
 * AA grade and above (004 ch.4 大客户专员考核表: "AA（包含）以上客户").
 */
export const CustomerGrade = enumeration("grading.customerGrade", {
  AAA: label("AAA 级", "AAA"),
  AA: label("AA 级", "AA"),
  A: label("A 级", "A"),
  B: label("B 级", "B"),
})

/** A customer grade of 客户等级分类表. */
export type CustomerGrade = ValueOf<typeof CustomerGrade>

/** The grades from best to worst; a grade's index is its rank (0 is best). */
export const customerGradeOrder: ReadonlyArray<CustomerGrade> = CustomerGrade.values

/** Whether `grade` is at least as good as `other`. */
export const isGradeAtLeast = (grade: CustomerGrade, other: CustomerGrade): boolean =>
  customerGradeOrder.indexOf(grade) <= customerGradeOrder.indexOf(other)
