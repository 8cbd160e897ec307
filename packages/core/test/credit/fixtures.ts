import { Credit, Money } from "@tixi/core"

export const yuan = (amount: string) => Money.ofMajor(amount, "CNY")

/** The default policy scoring with the 5C model. */
export const fiveCPolicy: Credit.CreditPolicy = {
  ...Credit.defaultCreditPolicy,
  scoring: { ...Credit.defaultCreditPolicy.scoring, model: "fiveC" },
}

/**
 * A wholesaler assessed with the 5C model: character 80, capacity 70, capital 60, collateral 50,
 * conditions 90; ¥1,200,000 bought over the year; ¥150,000 owed and ¥40,000 on order.
 */
export const wholesaler = {
  customerId: "W01",
  name: "华中批发",
  answers: { character: 80, capacity: 70, capital: 60, collateral: 50, conditions: 90 },
  annualRevenue: yuan("1200000"),
  openReceivables: yuan("150000"),
  openOrders: yuan("40000"),
  oldestOverdueDays: 0,
  bouncedPayments: 0,
  bankruptcySigns: [],
}

/** The wholesaler's exposure against a ¥200,000 limit: ¥190,000 taken before the next order. */
export const wholesalerPosition = {
  customerId: wholesaler.customerId,
  limit: yuan("200000"),
  openReceivables: wholesaler.openReceivables,
  openOrders: wholesaler.openOrders,
  oldestOverdueDays: 0,
  bouncedPayments: 0,
  bankruptcySigns: [],
}

/** Answers to every question of 客户信用分析表 in a part, all the same. */
export function answerPart(
  part: string,
  answer: Credit.AssessmentAnswer,
): Record<string, Credit.AssessmentAnswer> {
  const compiled = Credit.compileScorecard(Credit.creditAnalysisScorecard)
  return Object.fromEntries(
    compiled.leafIds.filter((id) => id.startsWith(`${part}.`)).map((id) => [id, answer]),
  )
}
