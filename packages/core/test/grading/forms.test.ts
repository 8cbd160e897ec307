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
