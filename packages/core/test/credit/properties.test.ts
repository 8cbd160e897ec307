import { Credit, customerId, Money } from "@tixi/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fiveCPolicy } from "./fixtures.ts"

const policy = Credit.defaultCreditPolicy
const compiled = Credit.compileCreditPolicy(fiveCPolicy)

describe("credit properties", () => {
  it("a higher score never yields a lower grade, a lower limit or a longer way to credit", () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true })
    fc.assert(
      fc.property(score, score, fc.integer({ min: 0, max: 1_000_000_000_00 }), (x, y, revenue) => {
        const [low, high] = x <= y ? [x, y] : [y, x]
        const lowGrade = Credit.creditGradeCode(low, compiled)
        const highGrade = Credit.creditGradeCode(high, compiled)
        expect(highGrade).toBeLessThanOrEqual(lowGrade)
        expect(Credit.creditLimitMinor(revenue, highGrade, compiled)).toBeGreaterThanOrEqual(
          Credit.creditLimitMinor(revenue, lowGrade, compiled),
        )
      }),
    )
  })

  it("raising any 5C answer never lowers the score", () => {
    const answer = fc.integer({ min: 0, max: 100 })
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 5, maxLength: 5 }),
        fc.nat(4),
        answer,
        (answers, which, raised) => {
          const values = new Float64Array(compiled.scorecard.nodeIds.length)
          const before = Credit.evaluateScorecard(compiled.scorecard, Uint8Array.from(answers), 0, values)
          const better = [...answers]
          better[which] = Math.max(answers[which]!, raised)
          expect(
            Credit.evaluateScorecard(compiled.scorecard, Uint8Array.from(better), 0, values),
          ).toBeGreaterThanOrEqual(before)
        },
      ),
    )
  })

  it("exposure checks are exact in integer money", () => {
    const minor = fc.integer({ min: 0, max: 2 ** 50 })
    fc.assert(
      fc.property(
        minor,
        minor,
        minor,
        minor,
        fc.constantFrom("A", "B", "C"),
        (receivables, orders, order, limit, grade) => {
          const result = Credit.checkOrder(
            {
              customerId: customerId("P1"),
              grade,
              limit: Money.ofMinor(limit, "CNY"),
              openReceivables: Money.ofMinor(receivables, "CNY"),
              openOrders: Money.ofMinor(orders, "CNY"),
              order: Money.ofMinor(order, "CNY"),
              oldestOverdueDays: 0,
              bouncedPayments: 0,
              bankruptcySigns: [],
            },
            policy,
          )
          const after = BigInt(receivables) + BigInt(orders) + BigInt(order)
          if (after > BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(Result.isFailure(result)).toBe(true) // refused, never rounded
            return
          }
          const check = Result.getOrThrow(result)
          const terms = Credit.termsOfGrade(policy, grade)
          const toleranceBasisPoints = BigInt(Math.round(terms.overLimit.tolerancePercent * 100))
          const tolerated = BigInt(limit) + (BigInt(limit) * toleranceBasisPoints) / 10_000n
          const expected = after <= BigInt(limit) ? "within" : after <= tolerated ? "warning" : "approval"
          expect(check.status).toBe(expected)
          expect(BigInt(check.exposureAfter.minor)).toBe(after)
          expect(BigInt(check.available.minor)).toBe(BigInt(limit) - after)
          expect(BigInt(check.excess.minor)).toBe(after > BigInt(limit) ? after - BigInt(limit) : 0n)
        },
      ),
      { numRuns: 500 },
    )
  })

  it("the one-customer API and the batch API give identical results", () => {
    const customer = fc.record({
      answers: fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(255)), {
        minLength: 5,
        maxLength: 5,
      }),
      annualRevenue: fc.integer({ min: 0, max: 50_000_000_00 }),
      receivables: fc.integer({ min: 0, max: 5_000_000_00 }),
      orders: fc.integer({ min: 0, max: 5_000_000_00 }),
      overdue: fc.integer({ min: 0, max: 400 }),
      bounced: fc.integer({ min: 0, max: 3 }),
      signs: fc.subarray([...Credit.BankruptcySign.values], { maxLength: 2 }),
      granted: fc.option(
        fc.record({
          grade: fc.constantFrom(...Credit.CreditGrade.values),
          limit: fc.integer({ min: 0, max: 3_000_000_00 }),
        }),
        { nil: undefined },
      ),
    })
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 40 }), (customers) => {
        const count = customers.length
        const batch = Result.getOrThrow(
          Credit.assessCreditColumns(
            {
              count,
              answers: Uint8Array.from(customers.flatMap((c) => c.answers)),
              annualRevenue: Float64Array.from(customers, (c) => c.annualRevenue),
              openReceivables: Float64Array.from(customers, (c) => c.receivables),
              openOrders: Float64Array.from(customers, (c) => c.orders),
              oldestOverdueDays: Int32Array.from(customers, (c) => c.overdue),
              bouncedPayments: Uint32Array.from(customers, (c) => c.bounced),
              bankruptcySigns: Uint8Array.from(customers, (c) => c.signs.length),
              grantedGrade: Uint8Array.from(customers, (c) =>
                c.granted === undefined ? 255 : Credit.CreditGrade.values.indexOf(c.granted.grade),
              ),
              grantedLimit: Float64Array.from(customers, (c) => c.granted?.limit ?? Number.NaN),
            },
            fiveCPolicy,
          ),
        )
        customers.forEach((c, row) => {
          const leafIds = compiled.scorecard.leafIds
          const answers = Object.fromEntries(
            c.answers.flatMap((answer, index) => (answer === 255 ? [] : [[leafIds[index]!, answer]])),
          )
          const one = Result.getOrThrow(
            Credit.assessCredit(
              {
                customerId: `K${row}`,
                answers,
                annualRevenue: Money.ofMinor(c.annualRevenue, "CNY"),
                openReceivables: Money.ofMinor(c.receivables, "CNY"),
                openOrders: Money.ofMinor(c.orders, "CNY"),
                oldestOverdueDays: c.overdue,
                bouncedPayments: c.bounced,
                bankruptcySigns: c.signs,
                ...(c.granted === undefined
                  ? {}
                  : { grantedGrade: c.granted.grade, grantedLimit: Money.ofMinor(c.granted.limit, "CNY") }),
              },
              fiveCPolicy,
            ),
          )
          const batchScore = batch.score[row]!
          expect(one.score).toBe(Number.isNaN(batchScore) ? undefined : batchScore)
          expect(one.recommended.grade).toBe(Credit.CreditGrade.values[batch.recommendedGrade[row]!])
          expect(one.recommended.limit.minor).toBe(batch.recommendedLimit[row])
          expect(one.inForce.grade).toBe(Credit.CreditGrade.values[batch.grade[row]!])
          expect(one.inForce.limit.minor).toBe(batch.limit[row])
          expect(one.exposure.minor).toBe(batch.exposure[row])
          expect(one.available.minor).toBe(batch.available[row])
          expect(one.status).toBe(Credit.ExposureStatus.values[Credit.unpackStatus(batch.check[row]!)])
          expect(one.danger.length).toBe([1, 2, 4].filter((bit) => (batch.danger[row]! & bit) !== 0).length)
        })
      }),
      { numRuns: 60 },
    )
  })
})
