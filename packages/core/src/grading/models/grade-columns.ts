import { Result } from "effect"
import { invalid, type ValidationError } from "../../errors/validation-error.ts"
import type { GradingPolicy } from "../policy/grading-policy.ts"
import { type GradingColumns, validateGradingColumns } from "../schema/grading-columns.ts"
import { type AbcColumns, classifyAbc } from "./abc-classification.ts"
import { type CompiledGradingPolicy, compileGradingPolicy } from "./compiled-grading-policy.ts"
import {
  compositeScore,
  creditFactor,
  gradeCodeOfScore,
  growthRatePercent,
  growthScore,
  marginRatePercent,
  marginScore,
} from "./composite-grade.ts"
import { percentileBasisPoints, salesBandCode, shareOfWalletBasisPoints } from "./sales-bands.ts"
import { descendingSort } from "./sorted-values.ts"
import { topRows } from "./top-lists.ts"

/**
 * The grading of every customer, as columns (row `i` is customer `i` of the input). Codes are
 * indices into the enumerations: `AbcClass.values`, `SalesBand.values`, `CustomerGrade.values`,
 * `ServiceTier.values`. `explainGrading` turns one row into the explanation the object API gives.
 */
export interface GradedColumns {
  readonly count: number
  readonly policy: CompiledGradingPolicy
  readonly abc: AbcColumns
  /** The A–E band of 客户分级表. */
  readonly salesBand: Uint8Array
  /** The measure the band was read from, in basis points; -1 where unknown. */
  readonly bandMeasure: Int32Array
  /** The composite score (综合评价), 0–100, one decimal. */
  readonly compositeScore: Float64Array
  /** The AAA/AA/A/B grade of 客户等级分类表. */
  readonly grade: Uint8Array
  /** The service tier of 服务分层. */
  readonly serviceTier: Uint8Array
  /** Rows of the three lists of 重点客户管理表, best first. */
  readonly topLists: {
    readonly sales: Uint32Array
    readonly growth: Uint32Array
    readonly margin: Uint32Array
  }
}

/**
 * Grades a whole customer base in one pass (the batch entry point): ABC on the policy's basis,
 * the A–E sales bands, the composite AAA/AA/A/B grade, the service tier and the top-10 lists. The
 * object API `gradeCustomers` runs this same function, so both give identical results.
 */
export function gradeColumns(
  columns: GradingColumns,
  policy: GradingPolicy,
): Result.Result<GradedColumns, ValidationError> {
  const validated = validateGradingColumns(columns)
  if (Result.isFailure(validated)) return Result.fail(validated.failure)
  const compiled = compileGradingPolicy(policy)
  if (compiled.bandsByShareOfWallet && columns.categoryPurchases === undefined) {
    return Result.fail(
      invalid("grading.columns", ["categoryPurchases"], "share-of-wallet bands need the category purchases"),
    )
  }
  const count = columns.count
  const { revenue, previousRevenue, grossMargin, creditScore } = columns
  const revenueRanking = descendingSort(revenue)
  let abc: AbcColumns
  try {
    abc = compiled.abcOnRevenue
      ? classifyAbc(revenue, compiled, revenueRanking)
      : classifyAbc(grossMargin, compiled)
  } catch (error) {
    return Result.fail(
      invalid("grading.columns", [compiled.abcOnRevenue ? "revenue" : "grossMargin"], String(error)),
    )
  }
  const salesBand = new Uint8Array(count)
  const bandMeasure = new Int32Array(count)
  const composite = new Float64Array(count)
  const grade = new Uint8Array(count)
  const serviceTier = new Uint8Array(count)
  const growthRates = new Float64Array(count)
  const marginRates = new Float64Array(count)
  const purchases = columns.categoryPurchases
  // How many customers sold at most each customer's revenue, read off the descending order: the
  // customers from the start of the customer's tie group to the end.
  const customersAtMost = new Uint32Array(count)
  const { order: revenueOrder, sorted: revenueSorted } = revenueRanking
  let groupStart = 0
  for (let position = 1; position < count; position++) {
    if (revenueSorted[position]! !== revenueSorted[position - 1]!) groupStart = position
    customersAtMost[revenueOrder[position]!] = count - groupStart
  }
  if (count > 0) customersAtMost[revenueOrder[0]!] = count
  const tierOfGrade = compiled.tierOfGradeCode
  for (let row = 0; row < count; row++) {
    const sales = revenue[row]!
    const previous = previousRevenue[row]!
    const margin = grossMargin[row]!
    const measure = compiled.bandsByShareOfWallet
      ? shareOfWalletBasisPoints(sales, purchases![row]!)
      : percentileBasisPoints(customersAtMost[row]!, count)
    salesBand[row] = salesBandCode(measure, compiled)
    bandMeasure[row] = measure ?? -1
    const score = compositeScore(
      growthScore(sales, previous, compiled),
      creditFactor(creditScore[row]!, compiled),
      marginScore(sales, margin, compiled),
      compiled,
    )
    composite[row] = score
    const gradeCode = gradeCodeOfScore(score, compiled)
    grade[row] = gradeCode
    serviceTier[row] = tierOfGrade[gradeCode as 0 | 1 | 2 | 3]
    growthRates[row] = growthRatePercent(sales, previous) ?? Number.NaN
    marginRates[row] = marginRatePercent(sales, margin) ?? Number.NaN
  }
  const size = policy.topLists.size
  const minimum = policy.topLists.rateListMinimumRevenueMinor
  const largeEnough = minimum > 0 ? (row: number) => revenue[row]! >= minimum : undefined
  return Result.succeed({
    count,
    policy: compiled,
    abc,
    salesBand,
    bandMeasure,
    compositeScore: composite,
    grade,
    serviceTier,
    topLists: {
      sales: topRows(revenue, size, (row) => revenue[row]! > 0),
      growth: topRows(growthRates, size, largeEnough),
      margin: topRows(marginRates, size, largeEnough),
    },
  })
}
