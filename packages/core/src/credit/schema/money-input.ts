import { z } from "zod"
import { isKnownCurrency } from "../../money/currency.ts"
import type { Money } from "../../money/money.ts"

/** The zod validator of an amount in commands and facts: whole minor units of a known currency. */
export const moneyInputSchema = z.strictObject({
  minor: z
    .number()
    .int("minor units must be a whole number")
    .refine(Number.isSafeInteger, "amount too large"),
  currency: z.string().refine(isKnownCurrency, "unknown currency"),
}) as unknown as z.ZodType<Money>

/** Like `moneyInputSchema`, not negative. */
export const nonNegativeMoneyInputSchema = moneyInputSchema.refine((money) => money.minor >= 0, {
  message: "must not be negative",
  path: ["minor"],
})
