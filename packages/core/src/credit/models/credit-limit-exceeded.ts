import { Schema } from "effect"

/**
 * An order refused by the credit controls (资信控制: 禁止): the customer's exposure with the
 * order would pass its limit under a grade that blocks, or the customer is overdue or in danger
 * under a policy that blocks. Carries the figures so the caller can show them to sales.
 */
export class CreditLimitExceeded extends Schema.TaggedError<CreditLimitExceeded>()("CreditLimitExceeded", {
  customerId: Schema.String,
  /** Exposure with the order, minor units of `currency`. */
  exposureMinor: Schema.Number,
  limitMinor: Schema.Number,
  currency: Schema.String,
  /** The controls that blocked: `limit`, `overdue`, `danger`. */
  controls: Schema.Array(Schema.String),
}) {
  override get message(): string {
    return `customer ${this.customerId}: order blocked by ${this.controls.join(", ")} (exposure ${this.exposureMinor} / limit ${this.limitMinor} ${this.currency})`
  }
}
