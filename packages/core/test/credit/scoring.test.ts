import { Credit } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { answerPart, fiveCPolicy, wholesaler, yuan } from "./fixtures.ts"

const policy = Credit.defaultCreditPolicy

describe("credit scoring: 5C", () => {
  it("scores, grades and sets the terms of the wholesaler (worked example)", () => {
    // 0.30×80 + 0.25×70 + 0.20×60 + 0.15×50 + 0.10×90 = 24 + 17.5 + 12 + 7.5 + 9 = 70.0 → B (65–80).
    // B: 2 months of ¥1,200,000 = ¥200,000 (between ¥20,000 and ¥2,000,000), 30 days, open account.
    // Exposure ¥150,000 + ¥40,000 = ¥190,000; ¥10,000 left.
    const assessment = Result.getOrThrow(Credit.assessCredit(wholesaler, fiveCPolicy))
    expect(assessment.score).toBe(70)
    expect(assessment.recommended).toMatchObject({
      grade: "B",
      limit: yuan("200000"),
      paymentTermDays: 30,
      paymentMethod: "openAccount",
      guaranteeRequired: false,
    })
    expect(assessment.inForce).toEqual(assessment.recommended)
    expect(assessment.exposure).toEqual(yuan("190000"))
    expect(assessment.available).toEqual(yuan("10000"))
    expect(assessment.status).toBe("within")
    expect(assessment.breakdown.map((item) => [item.id, item.score, item.weight])).toEqual([
      ["character", 80, 30],
      ["capacity", 70, 25],
      ["capital", 60, 20],
      ["collateral", 50, 15],
      ["conditions", 90, 10],
    ])
    expect(assessment.reasons[0]!.en).toBe(
      "credit score 70.0 = Character 80.0×30% + Capacity 70.0×25% + Capital 60.0×20% + Collateral 50.0×15% + Conditions 90.0×10%; ≥ 65 → grade B",
    )
  })

  it("keeps the granted grade and limit in force and suggests a change when the score disagrees", () => {
    // Granted A with ¥300,000 earlier; the score now says B.
    const assessment = Result.getOrThrow(
      Credit.assessCredit({ ...wholesaler, grantedGrade: "A", grantedLimit: yuan("300000") }, fiveCPolicy),
    )
    expect(assessment.inForce.grade).toBe("A")
    expect(assessment.inForce.limit).toEqual(yuan("300000"))
    expect(assessment.available).toEqual(yuan("110000"))
    expect(assessment.gradeChangeSuggested).toBe(true)
  })

  it("needs four fifths of the 5C weight answered, else the lowest grade applies", () => {
    // Collateral (15 %) and conditions (10 %) unanswered: 75 % answered < 80 % → insufficient → D.
    const answers = { character: 80, capacity: 70, capital: 60 }
    const assessment = Result.getOrThrow(Credit.assessCredit({ ...wholesaler, answers }, fiveCPolicy))
    expect(assessment.score).toBeUndefined()
    expect(assessment.recommended.grade).toBe("D")
    expect(assessment.recommended.limit).toEqual(yuan("0"))
    // With conditions answered (85 % of the weight): (24 + 17.5 + 12 + 9) ÷ 0.85 = 73.5 → B.
    const more = Result.getOrThrow(
      Credit.assessCredit({ ...wholesaler, answers: { ...answers, conditions: 90 } }, fiveCPolicy),
    )
    expect(more.score).toBe(73.5)
    expect(more.recommended.grade).toBe("B")
  })
})

describe("credit scoring: 客户信用分析表", () => {
  it("weighs the three parts and their aspects (worked example)", () => {
    // Company: every question 好 (75); managers: 很好 (100); staff: 普通 (50).
    // 0.5×75 + 0.3×100 + 0.2×50 = 37.5 + 30 + 10 = 77.5 → B.
    const answers = {
      ...answerPart("company", "good"),
      ...answerPart("managers", "veryGood"),
      ...answerPart("staff", "average"),
    }
    const assessment = Result.getOrThrow(Credit.assessCredit({ ...wholesaler, answers }, policy))
    expect(assessment.model).toBe("analysisForm")
    expect(assessment.score).toBe(77.5)
    expect(assessment.recommended.grade).toBe("B")
    expect(assessment.breakdown.map((part) => part.score)).toEqual([75, 100, 50])
    expect(assessment.breakdown[0]!.items).toHaveLength(5)
    expect(assessment.breakdown[0]!.items[1]!.items).toHaveLength(4) // 经营素质 has four questions
  })

  it("leaves out an aspect answered less than half, and counts it once half is answered", () => {
    // Company aspects: 业界动向 75, 经营素质 100, 业界评语 75, 市场情况 50, 财务状况 two of five
    // answered (40 % < 50 %): left out → company = (75 + 100 + 75 + 50) ÷ 4 = 75 → total 77.5.
    // With three answered 很差 (60 %): 财务状况 = 0 → company = 300 ÷ 5 = 60 → 30 + 30 + 10 = 70.0.
    const company = {
      ...answerPart("company.industryTrend", "good"),
      ...answerPart("company.managementQuality", "veryGood"),
      ...answerPart("company.tradeReputation", "good"),
      ...answerPart("company.market", "average"),
      "company.finance.1": "veryPoor" as const,
      "company.finance.2": "veryPoor" as const,
      "company.finance.3": "unknown" as const,
    }
    const rest = { ...answerPart("managers", "veryGood"), ...answerPart("staff", "average") }
    const two = Result.getOrThrow(
      Credit.assessCredit({ ...wholesaler, answers: { ...company, ...rest } }, policy),
    )
    expect(two.score).toBe(77.5)
    expect(two.breakdown[0]!.items[4]!.score).toBeUndefined()
    const three = Result.getOrThrow(
      Credit.assessCredit(
        { ...wholesaler, answers: { ...company, "company.finance.3": "veryPoor", ...rest } },
        policy,
      ),
    )
    expect(three.score).toBe(70)
  })

  it("refuses answers to questions the scorecard does not have", () => {
    const result = Credit.assessCredit(
      { ...wholesaler, answers: { "company.finance.9": "good", capital: 120 } },
      policy,
    )
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual(["answers.capital"])
    } else expect.unreachable()
    const unknown = Credit.assessCredit({ ...wholesaler, answers: { "company.finance.9": "good" } }, policy)
    if (Result.isFailure(unknown)) {
      expect(unknown.failure.issues.map((issue) => issue.path.join("."))).toEqual([
        "answers.company.finance.9",
      ])
    } else expect.unreachable()
  })
})

describe("danger signals (危险客户)", () => {
  it("flags long overdue, bounced payments and bankruptcy signs and blocks credit", () => {
    const assessment = Result.getOrThrow(
      Credit.assessCredit(
        { ...wholesaler, oldestOverdueDays: 120, bouncedPayments: 1, bankruptcySigns: ["lawsuits"] },
        fiveCPolicy,
      ),
    )
    expect(assessment.danger.map((finding) => finding.signal)).toEqual([
      "longOverdue",
      "bouncedPayments",
      "bankruptcySigns",
    ])
    expect(assessment.danger[2]!.reason["zh-CN"]).toBe("破产征兆：涉及多起诉讼")
    expect(assessment.status).toBe("blocked")
    expect(assessment.controls).toEqual(["overdue", "danger"])
  })

  it("finds none below the thresholds", () => {
    expect(
      Credit.dangerFindings({ oldestOverdueDays: 89, bouncedPayments: 0, bankruptcySigns: [] }, policy),
    ).toEqual([])
  })
})
