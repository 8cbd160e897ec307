import { invalid } from "../../errors/validation-error.ts"
import type { Money } from "../../money/money.ts"
import type { LoyaltySegment } from "../labels/quality-labels.ts"
import type { RatingScale } from "./answer-checks.ts"
import { type IntervalOptions, meanInterval, proportionInterval } from "./confidence-intervals.ts"
import type { Estimate } from "./estimate.ts"
import { type NpsResult, nps } from "./nps.ts"

/** What is known of one customer over a period, for the loyalty indicators. */
export interface CustomerLoyaltyRecord {
  readonly customerId: string
  /** A customer when the period began (the base of retention). */
  readonly customerAtStart: boolean
  /** Still a customer when it ended. */
  readonly customerAtEnd: boolean
  /** Purchases in the period (重复购买次数). */
  readonly purchases: number
  /** What the customer spent with us, and in the whole category (需求比例 / share of wallet), when known. */
  readonly spendWithUs?: Money
  readonly categorySpend?: Money
  /** The 0–10 recommendation answer, when surveyed. */
  readonly recommendScore?: number
  /** The satisfaction answer on `satisfactionScale`, when surveyed. */
  readonly satisfaction?: number
}

/** How loyalty is read. */
export interface LoyaltyOptions extends IntervalOptions {
  readonly satisfactionScale: RatingScale
  /** The lowest satisfaction answer that counts as satisfied (4 on 1–5: top-two-box). */
  readonly satisfiedFrom: number
  /** The lowest 0–10 recommendation that counts as loyal (9: a promoter). */
  readonly loyalFrom: number
}

/** The loyalty indicators of a customer base. */
export interface LoyaltyIndicators {
  /** Customers at start still customers at the end. */
  readonly retentionRate: Estimate
  /** Customers who bought more than once, among those who bought (重复购买率). */
  readonly repeatPurchaseRate: Estimate
  /** Mean share of the customer's category spend that came to us. */
  readonly shareOfWallet: Estimate
  /** Recommendation intent (推荐意愿), when surveyed. */
  readonly nps: NpsResult | undefined
  /**
   * Jones & Sasser's segments (1995, "Why satisfied customers defect", HBR): satisfied and loyal
   * loyalists, satisfied but disloyal mercenaries, dissatisfied but captive hostages, and defectors.
   */
  readonly segments: Readonly<Record<LoyaltySegment, number>>
}

/**
 * The loyalty indicators of 000 2.5.7 (客户忠诚度衡量指标) that data can measure — repeat purchases,
 * share of wallet (需求比例), retention, recommendation intent — and the loyalty–satisfaction model
 * (2.5.8 客户忠诚—满意模型) as Jones & Sasser's four segments. Proportions come with Wilson
 * intervals, the mean share of wallet with a t interval. Throws `ValidationError` on bad records.
 */
export function loyaltyIndicators(
  records: ReadonlyArray<CustomerLoyaltyRecord>,
  options: LoyaltyOptions,
): LoyaltyIndicators {
  const subject = "quality.loyalty"
  records.forEach((record, index) => {
    if (!Number.isInteger(record.purchases) || record.purchases < 0) {
      throw invalid(subject, ["records", index, "purchases"], "must be a whole number ≥ 0")
    }
    if (record.spendWithUs && record.categorySpend) {
      if (record.spendWithUs.currency !== record.categorySpend.currency) {
        throw invalid(
          subject,
          ["records", index, "categorySpend"],
          "must be in the same currency as spendWithUs",
        )
      }
      if (record.categorySpend.minor < record.spendWithUs.minor || record.spendWithUs.minor < 0) {
        throw invalid(subject, ["records", index, "categorySpend"], "must be at least what was spent with us")
      }
    }
    if (
      record.satisfaction !== undefined &&
      (!Number.isInteger(record.satisfaction) ||
        record.satisfaction < options.satisfactionScale.min ||
        record.satisfaction > options.satisfactionScale.max)
    ) {
      throw invalid(
        subject,
        ["records", index, "satisfaction"],
        `must be a whole point from ${options.satisfactionScale.min} to ${options.satisfactionScale.max}`,
      )
    }
  })
  const atStart = records.filter((record) => record.customerAtStart)
  const buyers = records.filter((record) => record.purchases > 0)
  const wallets = records.flatMap((record) =>
    record.spendWithUs && record.categorySpend && record.categorySpend.minor > 0
      ? [record.spendWithUs.minor / record.categorySpend.minor]
      : [],
  )
  const recommendations = records.flatMap((record) =>
    record.recommendScore === undefined ? [] : [record.recommendScore],
  )
  const segments: Record<LoyaltySegment, number> = { loyalist: 0, mercenary: 0, hostage: 0, defector: 0 }
  for (const record of records) {
    const segment = loyaltySegmentOf(record, options)
    if (segment !== undefined) segments[segment] += 1
  }
  return {
    retentionRate: proportionInterval(
      atStart.filter((record) => record.customerAtEnd).length,
      atStart.length,
      options,
    ),
    repeatPurchaseRate: proportionInterval(
      buyers.filter((record) => record.purchases >= 2).length,
      buyers.length,
      options,
    ),
    shareOfWallet: meanInterval(wallets, options),
    nps: recommendations.length === 0 ? undefined : nps(recommendations, options),
    segments,
  }
}

/**
 * Where one customer stands in Jones & Sasser's satisfaction × loyalty model, when both answers
 * are known: what a host's customer record shows, so staff see a defector before the next order.
 */
export function loyaltySegmentOf(
  record: { readonly satisfaction?: number | undefined; readonly recommendScore?: number | undefined },
  options: Pick<LoyaltyOptions, "satisfiedFrom" | "loyalFrom">,
): LoyaltySegment | undefined {
  if (record.satisfaction === undefined || record.recommendScore === undefined) return undefined
  const satisfied = record.satisfaction >= options.satisfiedFrom
  const loyal = record.recommendScore >= options.loyalFrom
  return satisfied ? (loyal ? "loyalist" : "mercenary") : loyal ? "hostage" : "defector"
}
