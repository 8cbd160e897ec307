import { type FieldSpec, label } from "@tixi/core"

/** Credit grades as the credit review assigns them (信用等级). */
export const creditGrades = [
  { value: "AAA", label: label("AAA 级（特优）", "AAA (outstanding)") },
  { value: "AA", label: label("AA 级（优）", "AA (very good)") },
  { value: "A", label: label("A 级（良）", "A (good)") },
  { value: "B", label: label("B 级（一般）", "B (fair)") },
  { value: "C", label: label("C 级（差）", "C (poor)") },
] as const

/** The Account fields the example installs: grade, limit and exposure. */
export const creditFields: ReadonlyArray<FieldSpec> = [
  {
    object: "customer",
    name: "credit_grade",
    label: label("信用等级", "Credit grade"),
    description: label("客户信用评定结果", "Result of the customer's credit review"),
    type: "choice",
    options: creditGrades,
  },
  { object: "customer", name: "credit_limit", label: label("信用额度", "Credit limit"), type: "money" },
  { object: "customer", name: "credit_exposure", label: label("信用占用", "Credit exposure"), type: "money" },
]
