import { Result } from "effect"
import { ValidationError } from "../../errors/validation-error.ts"
import type { FormValue } from "../../forms/form.ts"
import type { CurrencyCode } from "../../money/currency.ts"
import { type Money, sum } from "../../money/money.ts"
import type { keyAccountMonthlyReportForm } from "../schema/key-account-monthly-report-form.ts"

/** A 大客户月报表 as its form validates it. */
export type MonthlyReport = FormValue<(typeof keyAccountMonthlyReportForm)["fields"]>

/** One slice of a pie chart of 大客户月报表: a branch's part of the revenue of all branches. */
export interface BranchShare {
  readonly branch: string
  /** Percent of the total, one decimal; 0 when the total is 0. */
  readonly percent: number
}

/**
 * The 合计 column and the two pie charts (月度/年度各地区任务完成情况) of 大客户月报表: what the
 * handbook has the clerk add up by hand, computed from the branches' rows so it cannot disagree.
 */
export interface MonthlyReportSummary {
  readonly monthRevenue: Money
  readonly monthUnits: number
  readonly monthBookProfit: Money
  readonly yearRevenue: Money
  readonly yearUnits: number
  readonly monthShares: ReadonlyArray<BranchShare>
  readonly yearShares: ReadonlyArray<BranchShare>
}

const sharesOf = (
  rows: ReadonlyArray<{ readonly branch: string; readonly amount: Money | undefined }>,
  total: Money,
) =>
  rows.map((row) => ({
    branch: row.branch,
    percent: total.minor === 0 ? 0 : Math.round(((row.amount?.minor ?? 0) * 1000) / total.minor) / 10,
  }))

const moneyColumns = [
  "monthRevenue",
  "monthUnitValue",
  "monthBookProfit",
  "yearRevenue",
  "yearUnitValue",
] as const

/**
 * Sums a monthly report in `currency`; an amount in another currency is a `ValidationError`
 * naming its cell (convert before reporting). Blank cells count as nothing.
 */
export function summariseMonthlyReport(
  report: MonthlyReport,
  currency: CurrencyCode,
): Result.Result<MonthlyReportSummary, ValidationError> {
  const rows = report.branches
  const issues = rows.flatMap((row, index) =>
    moneyColumns.flatMap((column) =>
      row[column] !== undefined && row[column].currency !== currency
        ? [
            {
              path: ["branches", index, column, "currency"],
              message: `must be ${currency}`,
              code: "rule" as const,
            },
          ]
        : [],
    ),
  )
  if (issues.length > 0)
    return Result.fail(new ValidationError({ subject: "accounts.key-account-monthly-report", issues }))
  const total = (pick: (row: (typeof rows)[number]) => Money | undefined) =>
    sum(
      rows.flatMap((row) => (pick(row) === undefined ? [] : [pick(row)!])),
      currency,
    )
  const count = (pick: (row: (typeof rows)[number]) => number | undefined) =>
    rows.reduce((all, row) => all + (pick(row) ?? 0), 0)
  const monthRevenue = total((row) => row.monthRevenue)
  const yearRevenue = total((row) => row.yearRevenue)
  return Result.succeed({
    monthRevenue,
    monthUnits: count((row) => row.monthUnits),
    monthBookProfit: total((row) => row.monthBookProfit),
    yearRevenue,
    yearUnits: count((row) => row.yearUnits),
    monthShares: sharesOf(
      rows.map((row) => ({ branch: row.branch, amount: row.monthRevenue })),
      monthRevenue,
    ),
    yearShares: sharesOf(
      rows.map((row) => ({ branch: row.branch, amount: row.yearRevenue })),
      yearRevenue,
    ),
  })
}
