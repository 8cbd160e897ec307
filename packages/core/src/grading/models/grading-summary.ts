import { z } from "zod"
import type { ShapedCommand } from "../../process/command-shapes.ts"
import { AbcClass } from "../labels/abc-class.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { ServiceTier } from "../labels/service-tier.ts"
import type { GradingResult } from "./grade-customers.ts"
import type { RegradeReport } from "./regrade.ts"

/** A number of customers in a grading summary (a whole number, never negative). */
export const customerCountSchema = z.number().int().min(0)
const countsOf = <Value extends string>(values: ReadonlyArray<Value>) =>
  z.strictObject(
    Object.fromEntries(values.map((value) => [value, customerCountSchema])),
  ) as unknown as z.ZodType<{
    [Key in Value]: number
  }>

/** The validator of a grading summary inside a command (`RecordGrading`): every grade, class and tier counted. */
export const gradingSummarySchema = z.strictObject({
  policyVersion: z.string().min(1),
  customers: customerCountSchema,
  grades: countsOf(CustomerGrade.values),
  abc: countsOf(AbcClass.values),
  serviceTiers: countsOf(ServiceTier.values),
  upgrades: customerCountSchema,
  downgrades: customerCountSchema,
})

/** What a cycle keeps of its grading (②③): counts, not the customers (they live in the grading run). */
export type GradingSummary = ShapedCommand<typeof gradingSummarySchema>

/** The summary of a grading run (and of its re-grading against the last cycle's), for `RecordGrading`. */
export function gradingSummary(result: GradingResult, moves?: RegradeReport): GradingSummary {
  const gradeMoves = moves?.moves.filter((move) => move.dimension === "grade") ?? []
  return {
    policyVersion: result.policyVersion,
    customers: result.customers.length,
    grades: result.summary.grades,
    abc: {
      A: result.summary.abc.A.customers,
      B: result.summary.abc.B.customers,
      C: result.summary.abc.C.customers,
    },
    serviceTiers: result.summary.serviceTiers,
    upgrades: gradeMoves.filter((move) => move.direction === "up").length,
    downgrades: gradeMoves.filter((move) => move.direction === "down").length,
  }
}
