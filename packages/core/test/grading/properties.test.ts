import { Grading } from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const policy = Grading.defaultGradingPolicy

/** Revenue columns with many ties and zeros, the cases where cut-offs go wrong. */
const revenues = fc.array(
  fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1_000_000_000_000 })),
  { minLength: 1, maxLength: 300 },
)

const cutoffs = fc
  .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
  .map(([a, b]) => [Math.min(a, b) / 100, Math.max(a, b) / 100] as const)

function columns(values: ReadonlyArray<number>): Grading.GradingColumns {
  const count = values.length
  return {
    count,
    revenue: Float64Array.from(values),
    previousRevenue: new Float64Array(count),
    grossMargin: new Float64Array(count),
    creditScore: new Float64Array(count).fill(Number.NaN),
  }
}

describe("grading properties", () => {
  it("ABC cut-offs partition the customers and respect the cumulative shares (exact, in BigInt)", () => {
    fc.assert(
      fc.property(revenues, cutoffs, fc.boolean(), (values, [a, b], upper) => {
        const abcPolicy = {
          ...policy,
          abc: {
            ...policy.abc,
            classAUpToPercent: a,
            classBUpToPercent: b,
            crossing: upper ? "upper" : "lower",
          },
        } as const
        const graded = Result.getOrThrow(Grading.gradeColumns(columns(values), abcPolicy))
        const { classCode, rank, cumulative } = graded.abc
        // Ranks are a permutation: every customer has exactly one place and one class.
        expect(new Set(rank).size).toBe(values.length)
        const total = values.reduce((sum, value) => sum + BigInt(value), 0n)
        const cutA = BigInt(Math.round(a * 100))
        const cutB = BigInt(Math.round(b * 100))
        // Rebuild the ranking independently: value descending, ties in input order.
        const order = values
          .map((value, index) => ({ value, index }))
          .sort((x, y) => y.value - x.value || x.index - y.index)
        let reached = 0n
        let previousClass = 0
        for (const [position, { value, index }] of order.entries()) {
          expect(rank[index]).toBe(position)
          const code = classCode[index]!
          expect(code).toBeGreaterThanOrEqual(previousClass) // classes never go back up the ranking
          previousClass = code
          if (value === 0) {
            expect(code).toBe(2)
            continue
          }
          const before = reached
          reached += BigInt(value)
          expect(BigInt(cumulative[index]!)).toBe(reached)
          const measured = upper ? before : reached
          const within = (cut: bigint) =>
            upper ? measured * 10_000n < total * cut : measured * 10_000n <= total * cut
          expect(code).toBe(within(cutA) ? 0 : within(cutB) ? 1 : 2)
        }
      }),
      { numRuns: 300 },
    )
  })

  it("the customers of class A hold at most A's share of the total (lower crossing)", () => {
    fc.assert(
      fc.property(revenues, (values) => {
        const graded = Result.getOrThrow(Grading.gradeColumns(columns(values), policy))
        let inA = 0n
        let total = 0n
        values.forEach((value, index) => {
          total += BigInt(value)
          if (graded.abc.classCode[index] === 0) inA += BigInt(value)
        })
        expect(inA * 100n <= total * 80n).toBe(true)
      }),
    )
  })

  it("a higher composite score never yields a lower grade", () => {
    const compiled = Grading.compileGradingPolicy(policy)
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (x, y) => {
          const [low, high] = x <= y ? [x, y] : [y, x]
          // Grade codes count down from B (3) to AAA (0): a better grade has a smaller code.
          expect(Grading.gradeCodeOfScore(high, compiled)).toBeLessThanOrEqual(
            Grading.gradeCodeOfScore(low, compiled),
          )
        },
      ),
    )
  })

  it("improving any factor never lowers the composite or the grade", () => {
    const compiled = Grading.compileGradingPolicy(policy)
    const score = fc.double({ min: 0, max: 100, noNaN: true })
    fc.assert(
      fc.property(
        score,
        score,
        score,
        score,
        fc.integer({ min: 0, max: 2 }),
        (growth, credit, margin, more, which) => {
          const factors = [growth, credit, margin]
          const better = [...factors]
          better[which] = Math.max(factors[which]!, more)
          const before = Grading.compositeScore(factors[0]!, factors[1]!, factors[2]!, compiled)
          const after = Grading.compositeScore(better[0]!, better[1]!, better[2]!, compiled)
          expect(after).toBeGreaterThanOrEqual(before)
          expect(Grading.gradeCodeOfScore(after, compiled)).toBeLessThanOrEqual(
            Grading.gradeCodeOfScore(before, compiled),
          )
        },
      ),
    )
  })

  it("the object API and the batch API give identical results", () => {
    const facts = fc.array(
      fc.record({
        revenue: fc.integer({ min: 0, max: 10_000_000_00 }),
        previous: fc.integer({ min: 0, max: 10_000_000_00 }),
        margin: fc.integer({ min: -1_000_000_00, max: 5_000_000_00 }),
        credit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 80 },
    )
    fc.assert(
      fc.property(facts, (rows) => {
        const customers = rows.map((row, index) => ({
          customerId: `K${index}`,
          revenue: { minor: row.revenue, currency: "CNY" },
          previousRevenue: { minor: row.previous, currency: "CNY" },
          grossMargin: { minor: row.margin, currency: "CNY" },
          ...(row.credit === undefined ? {} : { creditScore: row.credit }),
        }))
        const objects = Result.getOrThrow(Grading.gradeCustomers({ customers }, policy))
        const batch = Result.getOrThrow(
          Grading.gradeColumns(
            {
              count: rows.length,
              revenue: Float64Array.from(rows, (row) => row.revenue),
              previousRevenue: Float64Array.from(rows, (row) => row.previous),
              grossMargin: Float64Array.from(rows, (row) => row.margin),
              creditScore: Float64Array.from(rows, (row) => row.credit ?? Number.NaN),
            },
            policy,
          ),
        )
        objects.customers.forEach((customer, row) => {
          expect(customer.abc.class).toBe(Grading.AbcClass.values[batch.abc.classCode[row]!])
          expect(customer.salesBand.band).toBe(Grading.SalesBand.values[batch.salesBand[row]!])
          expect(customer.composite.score).toBe(batch.compositeScore[row])
          expect(customer.composite.grade).toBe(Grading.CustomerGrade.values[batch.grade[row]!])
          expect(customer.serviceTier).toBe(Grading.ServiceTier.values[batch.serviceTier[row]!])
        })
        expect(objects.topLists.sales.map((entry) => entry.customerId)).toEqual(
          Array.from(batch.topLists.sales, (row) => `K${row}`),
        )
      }),
      { numRuns: 100 },
    )
  })

  it("an explanation never shows a share within a cut-off the customer is not within", () => {
    fc.assert(
      fc.property(revenues, (values) => {
        const customers = values.map((value, index) => ({
          customerId: `K${index}`,
          revenue: { minor: value, currency: "CNY" },
          previousRevenue: { minor: 0, currency: "CNY" },
          grossMargin: { minor: 0, currency: "CNY" },
        }))
        const result = Result.getOrThrow(Grading.gradeCustomers({ customers }, policy))
        for (const customer of result.customers) {
          if (customer.abc.value.minor === 0) continue
          if (customer.abc.class === "A") expect(customer.abc.cumulativeSharePercent).toBeLessThanOrEqual(80)
          else expect(customer.abc.cumulativeSharePercent).toBeGreaterThan(80)
        }
      }),
    )
  })
})

describe("descendingOrder", () => {
  it("orders like a stable comparator sort, negatives, zeros and huge values included", () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.constant(-0),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    )
    fc.assert(
      fc.property(fc.array(value, { maxLength: 400 }), (values) => {
        const column = Float64Array.from(values)
        const order = Array.from(Grading.descendingOrder(column))
        const { sorted } = Grading.descendingSort(column)
        // The values in sorted order are rebuilt bit for bit (−0 comes back as 0).
        expect(Array.from(sorted)).toEqual(order.map((row) => (column[row] === 0 ? 0 : column[row])))
        const expected = values
          .map((item, row) => ({ item, row }))
          .sort((x, y) => (x.item === y.item ? x.row - y.row : y.item - x.item))
          .map((entry) => entry.row)
        expect(order).toEqual(expected)
      }),
      { numRuns: 300 },
    )
  })
})
