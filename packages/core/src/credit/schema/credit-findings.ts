import { z } from "zod"
import type { ShapedCommand } from "../../process/command-shapes.ts"
import { AssessmentAnswer } from "../labels/assessment-answer.ts"
import { BankruptcySign } from "../labels/bankruptcy-sign.ts"
import { nonNegativeMoneyInputSchema } from "./money-input.ts"

/**
 * The validator of an investigation's findings (004 ch.2 ④ 实施调查) inside the credit
 * evaluation's commands: the facts `assessCredit` scores, without the customer, whom the
 * evaluation already names.
 */
export const creditFindingsSchema = z.strictObject({
  answers: z.record(z.string(), z.union([AssessmentAnswer.schema, z.number().int().min(0).max(100)])),
  annualRevenue: nonNegativeMoneyInputSchema,
  openReceivables: nonNegativeMoneyInputSchema,
  openOrders: nonNegativeMoneyInputSchema,
  oldestOverdueDays: z.number().int().min(0).max(36_500),
  bouncedPayments: z.number().int().min(0).max(100_000),
  bankruptcySigns: z.array(BankruptcySign.schema),
})

/** The investigation's findings: the facts `assessCredit` scores (without the customer id). */
export type CreditFindings = ShapedCommand<typeof creditFindingsSchema>
