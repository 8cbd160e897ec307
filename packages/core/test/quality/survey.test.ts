import { Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { surveyDefinition, surveyResponse } from "./survey-fixture.ts"

const {
  parseSurveyDefinition,
  parseSurveyResponse,
  evaluateSurvey,
  defaultQualityPolicy,
  servqualQuestions,
} = Quality

describe("survey definitions", () => {
  it("accepts a questionnaire with every kind of question, labelled in both languages", () => {
    expect(Result.isSuccess(parseSurveyDefinition(surveyDefinition))).toBe(true)
    const items = servqualQuestions()
    expect(items).toHaveLength(22)
    expect(items[0]!.expectationText.en).toBe("Excellent companies will have modern-looking equipment.")
    expect(items[0]!.perceptionText.en).toBe("This company has modern-looking equipment.")
    expect(items[21]!.perceptionText["zh-CN"]).toBe("本公司员工了解顾客的具体需要")
  })

  it("names duplicate ids, repeated SERVQUAL items and mislabelled scales", () => {
    const bad = {
      ...surveyDefinition,
      questions: [
        ...surveyDefinition.questions,
        { ...surveyDefinition.questions[0]!, pointLabels: [] },
        { ...servqualQuestions()[0]!, id: "again" },
      ],
    }
    const parsed = parseSurveyDefinition(bad)
    expect(Result.isFailure(parsed)).toBe(true)
    if (Result.isFailure(parsed)) {
      const messages = parsed.failure.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      expect(messages.some((message) => message.endsWith("id: must be unique"))).toBe(true)
      expect(messages.some((message) => message.includes("pointLabels"))).toBe(true)
      expect(messages.some((message) => message.includes("item asked twice"))).toBe(true)
    }
  })
})

describe("survey responses", () => {
  it("accepts a complete response", () => {
    expect(Result.isSuccess(parseSurveyResponse(surveyDefinition, surveyResponse(1, 0)))).toBe(true)
  })

  it("judges each response on its own when a round reuses the questionnaire's validators", () => {
    const good = surveyResponse(1, 0)
    const bad = { ...good, answers: { ...(good.answers as Record<string, unknown>), overall: 6 } }
    expect(Result.isSuccess(parseSurveyResponse(surveyDefinition, good))).toBe(true)
    const refused = parseSurveyResponse(surveyDefinition, bad)
    expect(Result.isFailure(refused) && refused.failure.issues.map((issue) => issue.path.join("."))).toEqual([
      "answers.overall",
    ])
    expect(Result.isSuccess(parseSurveyResponse(surveyDefinition, good))).toBe(true)
    // Another questionnaire asking the same id on a wider scale has its own validator.
    const wider: Quality.SurveyDefinition = {
      ...surveyDefinition,
      questions: surveyDefinition.questions.map((question) =>
        question.id === "overall" && question.kind === "rating"
          ? { ...question, scale: { min: 1, max: 7 }, pointLabels: undefined }
          : question,
      ),
    } as Quality.SurveyDefinition
    expect(Result.isSuccess(parseSurveyResponse(wider, bad))).toBe(true)
    expect(Result.isFailure(parseSurveyResponse(surveyDefinition, bad))).toBe(true)
  })

  it("names every bad answer by its question", () => {
    const response = surveyResponse(1, 0)
    const answers = response.answers as Record<string, unknown>
    const parsed = parseSurveyResponse(surveyDefinition, {
      ...response,
      surveyVersion: "2",
      answers: {
        ...answers,
        overall: 6,
        recommend: undefined,
        servqual03: { expectation: 6, perception: 9 },
        servqualImportance: {
          tangibles: 10,
          reliability: 10,
          responsiveness: 10,
          assurance: 10,
          empathy: 10,
        },
        callback: { functional: "love", dysfunctional: "neutral" },
        mystery: 1,
      },
    })
    expect(Result.isFailure(parsed)).toBe(true)
    if (Result.isFailure(parsed)) {
      const paths = parsed.failure.issues.map((issue) => issue.path.join("."))
      expect(paths).toEqual(
        expect.arrayContaining([
          "surveyVersion",
          "answers.mystery",
          "answers.overall",
          "answers.recommend",
          "answers.servqual03.perception",
          "answers.servqualImportance",
          "answers.callback.functional",
        ]),
      )
    }
  })
})

describe("survey evaluation", () => {
  it("computes every index the questionnaire supports", () => {
    const responses = Array.from({ length: 60 }, (_, index) =>
      Result.getOrThrow(parseSurveyResponse(surveyDefinition, surveyResponse(index, index))),
    )
    const results = evaluateSurvey(surveyDefinition, responses, defaultQualityPolicy.indices)
    expect(results.responses).toBe(60)
    expect(results.csat[0]!.result.csat.sampleSize).toBe(60)
    // overall = 1 + (7i mod 5): each point 12 times → top-two-box 24/60.
    expect(results.csat[0]!.result.csat.value).toBeCloseTo(0.4, 12)
    expect(results.nps[0]!.result.nps.sampleSize).toBe(60)
    expect(results.ces[0]!.result.convention).toBe("shareAtLeast")
    expect(results.satisfactionLevels[0]!.result.levels).toHaveLength(5)
    expect(results.servqual!.items).toHaveLength(9)
    expect(results.servqual!.dimensions.map((row) => row.dimension)).toEqual(["tangibles", "reliability"])
    // Only two dimensions were asked: nobody answered all five, so no overall score, said plainly.
    expect(results.servqual!.unweighted.sampleSize).toBe(0)
    expect(results.rater!.weighting).toBe("respondents")
    expect(results.kano[0]!.feature).toBe("callback")
    expect(results.choices[0]!.result).toEqual({ phone: 30, web: 30 })
    expect(results.comments[0]!.result).toBe(15)
    // The results are plain data, safe to record in an event.
    expect(JSON.parse(JSON.stringify(results))).toEqual(results)
  })
})
