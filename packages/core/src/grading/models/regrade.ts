import type { CustomerId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { AbcClass } from "../labels/abc-class.ts"
import { CustomerGrade } from "../labels/customer-grade.ts"
import { SalesBand } from "../labels/sales-band.ts"
import { ServiceTier } from "../labels/service-tier.ts"
import type { CustomerGrading, GradingResult } from "./grade-customers.ts"

/** What a re-grading compares: the ABC class, the A–E band, the AAA–B grade and the service tier. */
export type GradingDimension = "abcClass" | "salesBand" | "grade" | "serviceTier"

/** One customer that moved in one dimension between two gradings. */
export interface GradeMove {
  readonly customerId: CustomerId
  readonly name: string | undefined
  readonly dimension: GradingDimension
  readonly from: string
  readonly to: string
  /** `up` towards A / AAA / strategic, `down` away from it. */
  readonly direction: "up" | "down"
  readonly reason: Label
}

/** Who moved between two gradings, who is new and who is gone. */
export interface RegradeReport {
  readonly fromPolicyVersion: string
  readonly toPolicyVersion: string
  readonly moves: ReadonlyArray<GradeMove>
  /** Customers graded now but not before (new customers). */
  readonly entered: ReadonlyArray<CustomerId>
  /** Customers graded before but not now (lost or deregistered). */
  readonly left: ReadonlyArray<CustomerId>
  /** Customers in both gradings whose every dimension stayed put. */
  readonly unchanged: number
}

const dimensions: ReadonlyArray<
  readonly [GradingDimension, ReadonlyArray<string>, Label, (grading: CustomerGrading) => string]
> = [
  ["abcClass", AbcClass.values, label("ABC 分类", "ABC class"), (grading) => grading.abc.class],
  ["salesBand", SalesBand.values, label("销售额等级", "sales band"), (grading) => grading.salesBand.band],
  ["grade", CustomerGrade.values, label("客户等级", "customer grade"), (grading) => grading.composite.grade],
  ["serviceTier", ServiceTier.values, label("服务层级", "service tier"), (grading) => grading.serviceTier],
]

/**
 * Compares two gradings of the same customers (last quarter's and this quarter's) and reports
 * who moved, in which dimension and which way, in the current grading's order. Customers are
 * matched by id, so the two runs need not list them in the same order.
 */
export function regrade(previous: GradingResult, current: GradingResult): RegradeReport {
  const before = new Map(previous.customers.map((grading) => [grading.customerId as string, grading]))
  const moves: Array<GradeMove> = []
  const entered: Array<CustomerId> = []
  let unchanged = 0
  for (const now of current.customers) {
    const then = before.get(now.customerId)
    if (then === undefined) {
      entered.push(now.customerId)
      continue
    }
    let moved = false
    for (const [dimension, order, name, read] of dimensions) {
      const from = read(then)
      const to = read(now)
      if (from === to) continue
      moved = true
      const direction = order.indexOf(to) < order.indexOf(from) ? "up" : "down"
      moves.push({
        customerId: now.customerId,
        name: now.name,
        dimension,
        from,
        to,
        direction,
        reason: label(
          `${name["zh-CN"]} ${from} → ${to}（${direction === "up" ? "升级" : "降级"}）`,
          `${name.en} ${from} → ${to} (${direction === "up" ? "upgraded" : "downgraded"})`,
        ),
      })
    }
    if (!moved) unchanged += 1
  }
  const now = new Set(current.customers.map((grading) => grading.customerId as string))
  const left = previous.customers
    .filter((grading) => !now.has(grading.customerId))
    .map((grading) => grading.customerId)
  return {
    fromPolicyVersion: previous.policyVersion,
    toPolicyVersion: current.policyVersion,
    moves,
    entered,
    left,
    unchanged,
  }
}

/** The transitions between two code columns of the same customers (row `i` is the same customer). */
export interface CodeTransitions {
  /** `matrix[from × levels + to]` counts the customers that went from code `from` to code `to`. */
  readonly matrix: Uint32Array
  /** Rows whose code fell (towards 0, the best). */
  readonly upgraded: Uint32Array
  /** Rows whose code rose (away from the best). */
  readonly downgraded: Uint32Array
}

/**
 * Who moved between two columnar gradings of a whole customer base (e.g. `grade` of last
 * quarter's and this quarter's `gradeColumns` over the same rows): the transition matrix and the
 * rows that moved each way.
 */
export function codeTransitions(previous: Uint8Array, current: Uint8Array, levels: number): CodeTransitions {
  if (previous.length !== current.length) throw new RangeError("the two gradings must cover the same rows")
  const matrix = new Uint32Array(levels * levels)
  let ups = 0
  let downs = 0
  for (let row = 0; row < current.length; row++) {
    const from = previous[row]!
    const to = current[row]!
    matrix[from * levels + to]! += 1
    if (to < from) ups++
    else if (to > from) downs++
  }
  const upgraded = new Uint32Array(ups)
  const downgraded = new Uint32Array(downs)
  ups = 0
  downs = 0
  for (let row = 0; row < current.length; row++) {
    const from = previous[row]!
    const to = current[row]!
    if (to < from) upgraded[ups++] = row
    else if (to > from) downgraded[downs++] = row
  }
  return { matrix, upgraded, downgraded }
}
