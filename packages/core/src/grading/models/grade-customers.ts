import { Result } from "effect"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { CustomerId } from "../../ids/ids.ts"
import { type Money, ofMinor } from "../../money/money.ts"
import { AbcClass } from "../labels/abc-class.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { SalesBand } from "../labels/sales-band.ts"
import { ServiceTier } from "../labels/service-tier.ts"
import type { GradingPolicy } from "../policy/grading-policy.ts"
import { type CustomerFacts, type GradingPeriod, parseCustomerFacts } from "../schema/customer-facts.ts"
import type { GradingColumns } from "../schema/grading-columns.ts"
import { growthRatePercent, marginRatePercent } from "./composite-grade.ts"
import { explainGrading, type GradingExplanation } from "./explain-grading.ts"
import { gradeColumns } from "./grade-columns.ts"

/** One customer's grading: the four results and why (see `GradingExplanation`). */
export interface CustomerGrading extends GradingExplanation {
  readonly customerId: CustomerId
  readonly name: string | undefined
  readonly industry: string | undefined
  /** The period's sales revenue, whatever the ABC basis. */
  readonly revenue: Money
}

/** One row of a list of 重点客户管理表. */
export interface TopListEntry {
  /** 序号, from 1. */
  readonly position: number
  readonly customerId: CustomerId
  readonly name: string | undefined
  readonly revenue: Money
  /** The growth or margin rate in percent; for the sales list, undefined. */
  readonly ratePercent: number | undefined
}

/** How many customers, and how much of the basis value, each class holds. */
export interface ClassShare {
  readonly customers: number
  readonly value: Money
}

/** A grading run over a customer base, with the policy version it ran under. */
export interface GradingResult {
  readonly policyVersion: string
  readonly period: GradingPeriod | undefined
  readonly currency: string
  /** The customers in input order. */
  readonly customers: ReadonlyArray<CustomerGrading>
  /** The three lists of 重点客户管理表. */
  readonly topLists: {
    readonly sales: ReadonlyArray<TopListEntry>
    readonly growth: ReadonlyArray<TopListEntry>
    readonly margin: ReadonlyArray<TopListEntry>
  }
  readonly summary: {
    readonly abc: { readonly [K in AbcClass]: ClassShare }
    readonly salesBands: { readonly [K in SalesBand]: number }
    readonly grades: { readonly [K in CustomerGrade]: number }
    readonly serviceTiers: { readonly [K in ServiceTier]: number }
  }
}

/** Lays validated facts out as the columns `gradeColumns` reads. */
export function columnsOfFacts(customers: ReadonlyArray<CustomerFacts>): GradingColumns {
  const count = customers.length
  const columns = {
    count,
    revenue: new Float64Array(count),
    previousRevenue: new Float64Array(count),
    grossMargin: new Float64Array(count),
    creditScore: new Float64Array(count),
    categoryPurchases: new Float64Array(count),
  }
  customers.forEach((facts, row) => {
    columns.revenue[row] = facts.revenue.minor
    columns.previousRevenue[row] = facts.previousRevenue.minor
    columns.grossMargin[row] = facts.grossMargin.minor
    columns.creditScore[row] = facts.creditScore ?? Number.NaN
    columns.categoryPurchases[row] = facts.categoryPurchases?.minor ?? Number.NaN
  })
  return columns
}

const countBy = <Value extends string>(values: ReadonlyArray<Value>, codes: Uint8Array) => {
  const counts = Object.fromEntries(values.map((value) => [value, 0])) as Record<Value, number>
  for (const code of codes) counts[values[code]!] += 1
  return counts
}

/**
 * Grades customers and explains every grade (004 ch.3 客户分级表, 重点客户管理表; ch.7
 * 客户等级分类表; ch.2 客户开发评定表): a pure function of the facts and the policy. Bad facts
 * give a `ValidationError` naming the customer's position and field; nothing is graded then.
 * For a whole customer base in columns, `gradeColumns` is the same computation without objects.
 */
export function gradeCustomers(
  input: { readonly customers: unknown; readonly period?: GradingPeriod },
  policy: GradingPolicy,
): Result.Result<GradingResult, ValidationError> {
  const parsed = parseCustomerFacts(input.customers, policy.currency)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const customers = parsed.success
  const columns = columnsOfFacts(customers)
  const graded = gradeColumns(columns, policy)
  if (Result.isFailure(graded)) return Result.fail(graded.failure)
  const run = graded.success
  const currency = policy.currency
  const gradings = customers.map(
    (facts, row): CustomerGrading => ({
      customerId: facts.customerId,
      name: facts.name,
      industry: facts.industry,
      revenue: facts.revenue,
      ...explainGrading(columns, run, row, currency),
    }),
  )
  const entry =
    (rate: (row: number) => number | undefined) =>
    (row: number, index: number): TopListEntry => ({
      position: index + 1,
      customerId: customers[row]!.customerId,
      name: customers[row]!.name,
      revenue: customers[row]!.revenue,
      ratePercent: rate(row),
    })
  const basis = run.policy.abcOnRevenue ? columns.revenue : columns.grossMargin
  const abcShares = Object.fromEntries(
    AbcClass.values.map((value) => [value, { customers: 0, minor: 0 }]),
  ) as Record<AbcClass, { customers: number; minor: number }>
  for (let row = 0; row < run.count; row++) {
    const share = abcShares[AbcClass.values[run.abc.classCode[row]!]!]
    share.customers += 1
    share.minor += Math.max(0, basis[row]!)
  }
  return Result.succeed({
    policyVersion: policy.version,
    period: input.period,
    currency,
    customers: gradings,
    topLists: {
      sales: Array.from(
        run.topLists.sales,
        entry(() => undefined),
      ),
      growth: Array.from(
        run.topLists.growth,
        entry((row) => growthRatePercent(columns.revenue[row]!, columns.previousRevenue[row]!)),
      ),
      margin: Array.from(
        run.topLists.margin,
        entry((row) => marginRatePercent(columns.revenue[row]!, columns.grossMargin[row]!)),
      ),
    },
    summary: {
      abc: {
        A: { customers: abcShares.A.customers, value: ofMinor(abcShares.A.minor, currency) },
        B: { customers: abcShares.B.customers, value: ofMinor(abcShares.B.minor, currency) },
        C: { customers: abcShares.C.customers, value: ofMinor(abcShares.C.minor, currency) },
      },
      salesBands: countBy(SalesBand.values, run.salesBand),
      grades: countBy(CustomerGrade.values, run.grade),
      serviceTiers: countBy(ServiceTier.values, run.serviceTier),
    },
  })
}
