// The data of the grading-credit benchmark: a customer base generated deterministically (a seeded
// generator, the same numbers every run), and the floor it is measured against.
import type { Credit, Grading } from "@tixi/core"

/** A seeded generator of uniform numbers in [0, 1) (mulberry32): the same seed, the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A customer base as the columns grading and credit take. */
export interface CustomerBase {
  readonly count: number
  readonly grading: Omit<Grading.GradingColumns, "creditScore">
  readonly credit: Credit.CreditColumns
}

/**
 * Generates `count` customers: revenue Pareto-distributed (α 1.16, the 80/20 shape) from ¥1,000
 * up to ¥50,000,000 with one in ten dormant, last year's revenue around this year's, margins from
 * −5 % to 40 %, `leaves` scorecard answers per customer around a customer-specific level with 3 %
 * unanswered, receivables and open orders in proportion to revenue, a pending order for 30 %,
 * overdue items for 20 %, bounced payments and bankruptcy signs for a few.
 */
export function generateCustomerBase(count: number, leaves: number, seed = 20_260_301): CustomerBase {
  const random = seededRandom(seed)
  const revenue = new Float64Array(count)
  const previousRevenue = new Float64Array(count)
  const grossMargin = new Float64Array(count)
  const answers = new Uint8Array(count * leaves)
  const openReceivables = new Float64Array(count)
  const openOrders = new Float64Array(count)
  const orderAmount = new Float64Array(count)
  const oldestOverdueDays = new Int32Array(count)
  const bouncedPayments = new Uint32Array(count)
  const bankruptcySigns = new Uint8Array(count)
  for (let row = 0; row < count; row++) {
    const dormant = random() < 0.1
    const sales = dormant ? 0 : Math.min(5_000_000_000, Math.round(100_000 / (1 - random()) ** (1 / 1.16)))
    revenue[row] = sales
    previousRevenue[row] =
      random() < 0.05 ? 0 : Math.round(sales * (0.5 + random() * 1.1) + (dormant ? 200_000 : 0))
    grossMargin[row] = Math.round(sales * (random() * 0.45 - 0.05))
    const level = 0.35 + random() * 0.65
    for (let leaf = 0; leaf < leaves; leaf++) {
      const draw = random()
      answers[row * leaves + leaf] =
        draw < 0.03 ? 255 : Math.min(4, Math.floor((level * 0.7 + draw * 0.3) * 5)) * 25
    }
    openReceivables[row] = Math.round(sales * random() * 0.3)
    openOrders[row] = Math.round(sales * random() * 0.1)
    orderAmount[row] = random() < 0.3 ? Math.round(sales * random() * 0.1) : 0
    oldestOverdueDays[row] = random() < 0.2 ? 1 + Math.floor(random() * 200) : 0
    bouncedPayments[row] = random() < 0.01 ? 1 : 0
    bankruptcySigns[row] = random() < 0.005 ? 1 : 0
  }
  return {
    count,
    grading: { count, revenue, previousRevenue, grossMargin },
    credit: {
      count,
      answers,
      annualRevenue: revenue,
      openReceivables,
      openOrders,
      orderAmount,
      oldestOverdueDays,
      bouncedPayments,
      bankruptcySigns,
    },
  }
}

/**
 * The floor: the least work an ABC analysis can do — sort the values natively, accumulate from
 * the largest to find the values where 80 % and 95 % of the total are reached, and classify each
 * customer by comparing its value with those two (0 = A, 1 = B, 2 = C). No validation, no ranks,
 * no explanation, ties at a cut-off all on one side.
 */
export function plainSortAndAccumulate(values: Float64Array): Uint8Array {
  const sorted = Float64Array.from(values).sort()
  let total = 0
  for (let index = 0; index < sorted.length; index++) if (sorted[index]! > 0) total += sorted[index]!
  const cutA = total * 0.8
  const cutB = total * 0.95
  let reached = 0
  let lastA = Number.POSITIVE_INFINITY
  let lastB = Number.POSITIVE_INFINITY
  for (let index = sorted.length - 1; index >= 0; index--) {
    const value = sorted[index]!
    if (value <= 0) break
    reached += value
    if (reached <= cutA) lastA = value
    if (reached <= cutB) lastB = value
  }
  const classes = new Uint8Array(values.length)
  for (let row = 0; row < values.length; row++) {
    const value = values[row]!
    classes[row] = value > 0 && value >= lastA ? 0 : value > 0 && value >= lastB ? 1 : 2
  }
  return classes
}
