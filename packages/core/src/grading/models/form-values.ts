import type { FormValue } from "../../forms/form.ts"
import type { PersonId } from "../../ids/ids.ts"
import { AbcClass } from "../labels/abc-class.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import type { gradeClassificationForm } from "../schema/grade-classification-form.ts"
import type { keyCustomerForm } from "../schema/key-customer-form.ts"
import type { salesBandForm } from "../schema/sales-band-form.ts"
import type { GradingResult } from "./grade-customers.ts"

const nameOf = (customer: { readonly name: string | undefined; readonly customerId: string }) =>
  customer.name ?? customer.customerId
const twoDecimals = (value: number | undefined) => Math.round((value ?? 0) * 100) / 100

/** 客户分级表 filled from a grading run: the customers of each band, best band first. */
export function salesBandFormValue(result: GradingResult): FormValue<typeof salesBandForm.fields> {
  if (result.period === undefined)
    throw new TypeError("the grading run has no period; grade with one to fill 客户分级表")
  const rows = [...result.customers]
    .sort((left, right) =>
      left.salesBand.band < right.salesBand.band ? -1 : left.salesBand.band > right.salesBand.band ? 1 : 0,
    )
    .map((customer) => ({
      band: customer.salesBand.band,
      ...(customer.industry === undefined ? {} : { industry: customer.industry }),
      customerName: nameOf(customer),
      customerCode: customer.customerId,
    }))
  return { periodFrom: result.period.from, periodTo: result.period.to, rows }
}

/** 客户等级分类表 filled from a grading run: the customers of each grade, AAA first. */
export function gradeClassificationFormValue(
  result: GradingResult,
  preparedBy: PersonId,
): FormValue<typeof gradeClassificationForm.fields> {
  const order = CustomerGrade.values
  const rows = [...result.customers]
    .sort((left, right) => order.indexOf(left.composite.grade) - order.indexOf(right.composite.grade))
    .map((customer) => ({
      grade: customer.composite.grade,
      companyName: nameOf(customer),
      ...(customer.industry === undefined ? {} : { industry: customer.industry }),
      customerCode: customer.customerId,
    }))
  return { rows, preparedBy }
}

/** The three lists of 重点客户管理表 filled from a grading run (the key-management rows are the manager's). */
export function keyCustomerFormValue(result: GradingResult): FormValue<typeof keyCustomerForm.fields> {
  const byId = new Map(result.customers.map((customer) => [customer.customerId as string, customer]))
  const name = (id: string) => nameOf(byId.get(id) ?? { name: undefined, customerId: id })
  return {
    topBySales: result.topLists.sales.map((entry) => ({
      position: entry.position,
      customerName: name(entry.customerId),
      sales: entry.revenue,
    })),
    topByGrowth: result.topLists.growth.map((entry) => ({
      position: entry.position,
      customerName: name(entry.customerId),
      growthPercent: twoDecimals(entry.ratePercent),
    })),
    topByMargin: result.topLists.margin.map((entry) => ({
      position: entry.position,
      customerName: name(entry.customerId),
      marginPercent: twoDecimals(entry.ratePercent),
    })),
  }
}

/** How many customers of each ABC class hold which share of the basis value, for reports. */
export function abcShareTable(result: GradingResult): ReadonlyArray<{
  readonly abcClass: AbcClass
  readonly customers: number
  readonly customerSharePercent: number
  readonly valueSharePercent: number
}> {
  const total = AbcClass.values.reduce((sum, abcClass) => sum + result.summary.abc[abcClass].value.minor, 0)
  const customers = result.customers.length
  return AbcClass.values.map((abcClass) => {
    const share = result.summary.abc[abcClass]
    return {
      abcClass,
      customers: share.customers,
      customerSharePercent: customers === 0 ? 0 : twoDecimals((100 * share.customers) / customers),
      valueSharePercent: total === 0 ? 0 : twoDecimals((100 * share.value.minor) / total),
    }
  })
}
