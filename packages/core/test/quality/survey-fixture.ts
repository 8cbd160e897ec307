import { label, Quality } from "@tixi/core"

/** A satisfaction questionnaire with every kind of question, for the survey tests. */
export const surveyDefinition: Quality.SurveyDefinition = {
  id: "satisfaction-2026q1",
  version: "1",
  title: label("2026 年一季度客户满意度调查", "Customer satisfaction survey, 2026 Q1"),
  questions: [
    Quality.csatQuestion("overall"),
    Quality.npsQuestion("recommend"),
    Quality.cesQuestion("effort"),
    {
      kind: "rating",
      id: "level",
      text: label("您对售后服务的满意程度", "How satisfied are you with after-sales service?"),
      scale: { min: 1, max: 5 },
      measure: "satisfactionLevel",
      required: false,
    },
    ...Quality.servqualQuestions().slice(0, 9),
    Quality.servqualAllocationQuestion(),
    Quality.kanoQuestion("callback", label("客服主动回电", "a call back from the service desk")),
    {
      kind: "choice",
      id: "channel",
      text: label("您通常通过哪种方式联系我们？", "How do you usually contact us?"),
      options: [
        { value: "phone", label: label("电话", "Phone") },
        { value: "web", label: label("网站", "Web") },
      ],
      multiple: false,
      required: false,
    },
    { kind: "text", id: "comments", text: label("其他意见", "Other comments"), required: false },
  ],
}

/** A valid response whose answers vary with `index`, deterministically. */
export function surveyResponse(index: number, at: number): Record<string, unknown> {
  const servqual = Object.fromEntries(
    Array.from({ length: 9 }, (_, item) => [
      `servqual${String(item + 1).padStart(2, "0")}`,
      { expectation: 6 + (index % 2), perception: 4 + ((index + item) % 3) },
    ]),
  )
  return {
    surveyId: surveyDefinition.id,
    surveyVersion: surveyDefinition.version,
    respondentId: `customer-${index}`,
    submittedAt: at,
    answers: {
      overall: 1 + ((index * 7) % 5),
      recommend: (index * 3) % 11,
      effort: 1 + ((index * 5) % 7),
      level: 1 + (index % 5),
      ...servqual,
      servqualImportance: { tangibles: 10, reliability: 30, responsiveness: 20, assurance: 20, empathy: 20 },
      callback: {
        functional: index % 3 === 0 ? "like" : "mustBe",
        dysfunctional: index % 4 === 0 ? "dislike" : "neutral",
      },
      channel: index % 2 === 0 ? "phone" : "web",
      ...(index % 4 === 0 ? { comments: "希望缩短等待时间" } : {}),
    },
  }
}
