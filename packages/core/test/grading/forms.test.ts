import { Grading, Money } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

describe("grading forms", () => {
  it("carry their handbook source and bilingual labels", () => {
    const forms = [
      Grading.salesBandForm,
      Grading.gradeClassificationForm,
      Grading.keyCustomerForm,
      Grading.relationshipEvaluationForm,
      Grading.developmentAssessmentForm,
    ]
    for (const form of forms) {
      expect(form.id).toMatch(/^grading\./)
      expect(form.source).toMatch(/^004 ch\.\d §\d+ /)
      for (const field of Object.values(form.fields)) {
        expect(field.label["zh-CN"].length).toBeGreaterThan(0)
        expect(field.label.en.length).toBeGreaterThan(0)
      }
    }
    expect(Grading.keyCustomerForm.title["zh-CN"]).toBe("重点客户管理表")
  })

  it("客户关系评估表 needs weights that add up to 100 %", () => {
    const value = {
      customer: "C01",
      indicators: [
        { indicator: "销售贡献", weight: 60, score: 90, level: "excellent" },
        { indicator: "利润贡献", weight: 30, score: 70, level: "good" },
      ],
      total: 75,
      standardScore: 80,
      decision: "maintain",
    }
    const result = Grading.relationshipEvaluationForm.parse(value)
    expect(Result.isFailure(result) && result.failure.issues[0]!.path).toEqual(["indicators"])
    const fixed = {
      ...value,
      indicators: [...value.indicators, { indicator: "信用", weight: 10, score: 50, level: "poor" }],
    }
    expect(Result.isSuccess(Grading.relationshipEvaluationForm.parse(fixed))).toBe(true)
  })

  it("重点客户管理表 takes the grading's top lists", () => {
    const parsed = Grading.keyCustomerForm.parse({
      topBySales: [{ position: 1, customerName: "华东五金", sales: Money.ofMajor("4000000", "CNY") }],
      topByGrowth: [{ position: 1, customerName: "海滨小铺", growthPercent: 100 }],
      keyCustomers: [
        {
          customer: "C01",
          salesTarget: Money.ofMajor("5000000", "CNY"),
          reason: "销售额第一",
          actions: "专人服务，季度回访",
        },
      ],
    })
    expect(Result.isSuccess(parsed)).toBe(true)
  })
})

describe("grading forms filled from a run", () => {
  it("客户分级表, 客户等级分类表 and 重点客户管理表 parse under their forms", async () => {
    const { distributorCustomers } = await import("./fixtures.ts")
    const result = Result.getOrThrow(
      Grading.gradeCustomers(
        {
          customers: distributorCustomers,
          period: { from: "2025-01-01" as never, to: "2025-12-31" as never },
        },
        Grading.defaultGradingPolicy,
      ),
    )
    const bands = Result.getOrThrow(Grading.salesBandForm.parse(Grading.salesBandFormValue(result)))
    expect(bands.rows.map((row) => row.band).join("")).toBe("AABCDEEEEE")
    const grades = Result.getOrThrow(
      Grading.gradeClassificationForm.parse(
        Grading.gradeClassificationFormValue(result, "officer-wu" as never),
      ),
    )
    expect(grades.rows.slice(0, 2).map((row) => row.companyName)).toEqual(["华东五金", "南粤电器"])
    const key = Result.getOrThrow(Grading.keyCustomerForm.parse(Grading.keyCustomerFormValue(result)))
    expect(key.topByGrowth?.[0]).toEqual({ position: 1, customerName: "海滨小铺", growthPercent: 100 })
    expect(Grading.abcShareTable(result)).toEqual([
      { abcClass: "A", customers: 3, customerSharePercent: 30, valueSharePercent: 80 },
      { abcClass: "B", customers: 2, customerSharePercent: 20, valueSharePercent: 13 },
      { abcClass: "C", customers: 5, customerSharePercent: 50, valueSharePercent: 7 },
    ])
    expect(Grading.gradingHostFields(result.customers[0]!, result.policyVersion)).toEqual({
      abc_class: "A",
      sales_band: "A",
      customer_grade: "AAA",
      composite_score: 88,
      service_tier: "strategic",
      grading_policy_version: "handbook-2026.1",
    })
    expect(Grading.gradingFieldSpecs.map((spec) => spec.name)).toContain("customer_grade")
  })
})
