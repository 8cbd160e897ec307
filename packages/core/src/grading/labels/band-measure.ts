import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * What the percentage of 客户分级表's A–E bands (销售额所占比例) measures. The handbook does not
 * name the denominator, so tixi offers the two readings companies use: the customer's standing
 * among all customers by sales (percentile rank: band A holds the customers whose sales exceed
 * those of 90 % of customers), and the share of the customer's own purchases in the category
 * that it buys from the company (share of wallet, which needs the customer's total purchases).
 */
export const BandMeasure = enumeration("grading.bandMeasure", {
  percentileRank: label("销售额排名百分位", "Percentile rank of sales"),
  shareOfWallet: label("本公司占客户采购额比例", "Share of the customer's purchases"),
})

/** What the A–E bands measure. */
export type BandMeasure = ValueOf<typeof BandMeasure>
