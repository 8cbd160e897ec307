import { type AnyForm, locales, Money, Quality } from "@tixi/core"
import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"

const forms = [
  Quality.serviceQualitySurveyForm,
  Quality.inspectionChecklistForm,
  Quality.auditForm,
  Quality.evaluationForm,
  Quality.qualityReportForm,
  Quality.nonconformityForm,
  Quality.keyAccountQuestionnaireForm,
  Quality.keyAccountOpinionForm,
  Quality.surveyPlanForm,
  Quality.improvementPlanForm,
] as unknown as ReadonlyArray<AnyForm>

describe("quality forms", () => {
  it.each(forms.map((form) => [form.id, form] as const))(
    "%s has bilingual labels and a handbook source",
    (_id, form) => {
      expect(form.id.startsWith("quality.")).toBe(true)
      expect(form.source).toMatch(/^00[04] ch\./)
      for (const locale of locales) {
        expect(form.title[locale].length).toBeGreaterThan(0)
        for (const field of Object.values(form.fields)) expect(field.label[locale].length).toBeGreaterThan(0)
      }
    },
  )

  it("不合格项改正措施表: a corrective action needs its root cause, a verdict its verifier", () => {
    const parsed = Quality.nonconformityForm.parse({
      number: "NC1",
      department: "customer-service",
      description: "高峰时段接听超时",
      standard: "呼叫中心管理办法 §3",
      severity: "major",
      correctiveAction: "重排班",
      effective: true,
    })
    expect(Result.isFailure(parsed) && parsed.failure.issues.map((issue) => issue.path[0])).toEqual([
      "rootCause",
      "verifiedBy",
    ])
  })

  it("客户满意度调查方案: fieldwork must end after it starts, the budget is money", () => {
    const plan = {
      objective: "热线满意度",
      population: "近三个月来电客户",
      sampleSize: 200,
      channels: ["sms"],
      questionnaire: "satisfaction-2026q1@1",
      fieldworkStart: 2_000,
      fieldworkEnd: 1_000,
      budget: Money.ofMajor("5,000.00", "CNY"),
      owner: "supervisor-sun",
    }
    const parsed = Quality.surveyPlanForm.parse(plan)
    expect(Result.isFailure(parsed) && parsed.failure.issues[0]!.path).toEqual(["fieldworkEnd"])
    expect(Result.isSuccess(Quality.surveyPlanForm.parse({ ...plan, fieldworkEnd: 3_000 }))).toBe(true)
  })

  it("检查表: a line that does not conform must record what was found", () => {
    const parsed = Quality.inspectionChecklistForm.parse({
      department: "customer-service",
      inspectedOn: "2026-03-04",
      inspector: "director-li",
      lines: [{ item: "三声接听", standard: "来电铃响 3 声内必须应答", conforming: false }],
      summary: "见记录",
    })
    expect(Result.isFailure(parsed) && parsed.failure.issues[0]!.path).toEqual(["lines", 0, "finding"])
  })
})

describe("quality policy", () => {
  it("accepts its defaults", () => {
    expect(Result.isSuccess(Quality.parseQualityPolicy(Quality.defaultQualityPolicy))).toBe(true)
    expect(Quality.defaultQualityPolicy.survey.improvementApprovers).toEqual(["manager", "director"])
  })

  it("names every bad setting with its path", () => {
    const parsed = Quality.parseQualityPolicy({
      ...Quality.defaultQualityPolicy,
      indices: {
        ...Quality.defaultQualityPolicy.indices,
        confidence: 1.2,
        satisfactionLevels: { five: [1, 2], seven: [] },
      },
      inspection: { ...Quality.defaultQualityPolicy.inspection, approver: "nobody" },
    })
    expect(Result.isFailure(parsed)).toBe(true)
    if (Result.isFailure(parsed)) {
      expect(parsed.failure.issues.map((issue) => issue.path.join("."))).toEqual(
        expect.arrayContaining([
          "indices.confidence",
          "indices.satisfactionLevels.five",
          "inspection.approver",
        ]),
      )
    }
  })

  it("accepts any sensible confidence and minimum sample", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.51, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (confidence, minimumSampleSize) => {
          const policy = {
            ...Quality.defaultQualityPolicy,
            indices: { ...Quality.defaultQualityPolicy.indices, confidence, minimumSampleSize },
          }
          expect(Result.isSuccess(Quality.parseQualityPolicy(policy))).toBe(true)
        },
      ),
      { numRuns: 50 },
    )
  })
})
