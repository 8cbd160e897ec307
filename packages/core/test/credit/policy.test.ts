import { Credit } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const policy = Credit.defaultCreditPolicy

describe("credit policy", () => {
  it("accepts the defaults, including the authority policy with credit decisions", () => {
    expect(Result.getOrThrow(Credit.parseCreditPolicy(policy))).toEqual(policy)
    expect(policy.authority.limits["credit.limit"]?.manager).toBe(1_000_000_00)
  })

  it("names grades out of order, limits upside down, bad scorecards and missing authority", () => {
    const [a, b, c, d] = policy.grades
    const result = Credit.parseCreditPolicy({
      ...policy,
      grades: [a, { ...c!, minimumScore: 70 }, { ...b!, grade: "B" }, { ...d!, minimumScore: 10 }],
      scoring: {
        ...policy.scoring,
        fiveC: { ...policy.scoring.fiveC, items: policy.scoring.fiveC.items.slice(1) },
      },
      ageing: { bucketBoundsDays: [30, 30, 90] },
      authority: {
        ...policy.authority,
        limits: { "complaint.remedy": policy.authority.limits["complaint.remedy"]! },
      },
    })
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual([
        "authority.limits.credit.limit",
        "authority.limits.credit.limitOverride",
        "scoring.fiveC.items",
        "grades.1.grade",
        "grades.2.grade",
        "grades.3.minimumScore",
        "ageing.bucketBoundsDays.1",
      ])
    } else expect.unreachable()
  })

  it("passes on the authority policy's own problems under its path", () => {
    const result = Credit.parseCreditPolicy({
      ...policy,
      authority: {
        ...policy.authority,
        limits: { ...policy.authority.limits, "credit.limitOverride": { supervisor: 500, manager: 100 } },
      },
      grades: policy.grades.map((terms, index) =>
        index === 0 ? { ...terms, limit: { ...terms.limit, minimumMinor: 10, maximumMinor: 5 } } : terms,
      ),
    })
    if (Result.isFailure(result)) {
      expect(result.failure.issues.map((issue) => issue.path.join("."))).toEqual([
        "authority.limits.credit.limitOverride.manager",
        "grades.0.limit.minimumMinor",
      ])
    } else expect.unreachable()
  })
})

describe("credit forms", () => {
  it("客户信用分析表 asks every question of the handbook: 74 in three parts", () => {
    const questions = Object.keys(Credit.creditAnalysisForm.fields).filter((key) => /_\d+$/.test(key))
    expect(questions).toHaveLength(74)
    expect(
      (Credit.creditAnalysisForm.fields as Record<string, { label: { "zh-CN": string } }>).company_finance_5!
        .label["zh-CN"],
    ).toBe("财务状况：是否有不良的债权")
  })

  it("a filled analysis form scores like its answers", () => {
    const values: Record<string, unknown> = { customer: "W01", analyst: "officer-wu", date: "2026-03-02" }
    for (const key of Object.keys(Credit.creditAnalysisForm.fields)) {
      if (/_\d+$/.test(key)) values[key] = key.startsWith("staff") ? "unknown" : "good"
    }
    const filled = Result.getOrThrow(Credit.creditAnalysisForm.parse(values))
    const answers = Credit.analysisAnswers(filled)
    expect(Object.values(answers).filter((answer) => answer !== "unknown")).toHaveLength(49)
    // 25 staff questions unknown: the staff part is insufficient, company and managers carry the score.
    const assessed = Result.getOrThrow(
      Credit.assessCredit(
        {
          customerId: "W01",
          answers,
          annualRevenue: { minor: 0, currency: "CNY" },
          openReceivables: { minor: 0, currency: "CNY" },
          openOrders: { minor: 0, currency: "CNY" },
          oldestOverdueDays: 0,
          bouncedPayments: 0,
          bankruptcySigns: [],
        },
        Credit.defaultCreditPolicy,
      ),
    )
    // Company 75 × 50 + managers 75 × 30 over the 80 % answered = 75.0 → B.
    expect(assessed.score).toBe(75)
    expect(assessed.breakdown[2]!.score).toBeUndefined()
    expect(answers["company.finance.5"]).toBe("good")
  })

  it("every credit form has its source and labels in both languages", () => {
    const forms = [
      Credit.creditInvestigationForm,
      Credit.creditInvestigationSummaryForm,
      Credit.creditAnalysisForm,
      Credit.creditRatingForm,
      Credit.creditGradeChangeForm,
      Credit.dangerCustomersForm,
      Credit.excellentCustomersForm,
      Credit.creditOverrideForm,
    ]
    for (const form of forms) {
      expect(form.id).toMatch(/^credit\./)
      expect(form.source).toBeTruthy()
      for (const field of Object.values(form.fields)) expect(field.label.en.length).toBeGreaterThan(0)
    }
  })

  it("客户信用调查总表 refuses net assets above total assets", () => {
    const result = Credit.creditInvestigationSummaryForm.parse({
      date: "2026-03-02",
      rows: [
        {
          customer: "W01",
          totalAssets: { minor: 100, currency: "CNY" },
          netAssets: { minor: 200, currency: "CNY" },
          creditGrade: "A",
          assessedGrade: "B",
          prospects: "A",
        },
      ],
      compiledBy: "officer-wu",
    })
    expect(Result.isFailure(result) && result.failure.issues[0]!.path).toEqual(["rows", 0, "netAssets"])
  })
})
