import { Result } from "effect"
import { z } from "zod"
import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { safeTextSchema } from "../../forms/safe-text.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"
import { KanoAnswer, type ServqualDimension } from "../labels/quality-labels.ts"
import type { SurveyDefinition, SurveyQuestion } from "./survey-definition.ts"

/** An answer to a SERVQUAL item. */
export interface ServqualItemAnswer {
  readonly expectation: number
  readonly perception: number
}

/** An answer to a Kano pair. */
export interface KanoPairAnswer {
  readonly functional: KanoAnswer
  readonly dysfunctional: KanoAnswer
}

/** The value of one answer, by question kind. */
export type AnswerValue =
  | number
  | string
  | ReadonlyArray<string>
  | ServqualItemAnswer
  | KanoPairAnswer
  | Readonly<Record<ServqualDimension, number>>

/** One respondent's completed questionnaire. */
export interface SurveyResponse {
  readonly surveyId: string
  readonly surveyVersion: string
  /** Who answered; one response per respondent and round. */
  readonly respondentId: string
  readonly customerId?: string
  readonly submittedAt: Instant
  /** Answers by question id; optional questions may be left out. */
  readonly answers: Readonly<Record<string, AnswerValue>>
}

const point = (min: number, max: number) =>
  z.number().int("must be a whole point").min(min, `at least ${min}`).max(max, `at most ${max}`)

/**
 * Validators already built, per question object: building a zod schema costs far more than
 * running it, and a round validates every response against the same questions.
 */
const answerSchemas = new WeakMap<SurveyQuestion, z.ZodType>()

/** The validator of one question's answer, built once per question. */
function answerSchema(question: SurveyQuestion): z.ZodType {
  let schema = answerSchemas.get(question)
  if (schema === undefined) {
    schema = buildAnswerSchema(question)
    answerSchemas.set(question, schema)
  }
  return schema
}

function buildAnswerSchema(question: SurveyQuestion): z.ZodType {
  switch (question.kind) {
    case "rating":
      return point(question.scale.min, question.scale.max)
    case "nps":
      return point(0, 10)
    case "servqual":
      return z.strictObject({
        expectation: point(question.scale.min, question.scale.max),
        perception: point(question.scale.min, question.scale.max),
      })
    case "servqualAllocation":
      return z
        .strictObject({
          tangibles: z.number().min(0),
          reliability: z.number().min(0),
          responsiveness: z.number().min(0),
          assurance: z.number().min(0),
          empathy: z.number().min(0),
        })
        .refine(
          (value) => Math.abs(Object.values(value).reduce((sum, points) => sum + points, 0) - 100) < 1e-9,
          "the five dimensions' points must add up to 100",
        )
    case "kano":
      return z.strictObject({ functional: KanoAnswer.schema, dysfunctional: KanoAnswer.schema })
    case "choice": {
      const values = question.options.map((option) => option.value) as [string, ...Array<string>]
      return question.multiple
        ? z
            .array(z.enum(values))
            .min(1)
            .refine((chosen) => new Set(chosen).size === chosen.length, "each option at most once")
        : z.enum(values)
    }
    case "text":
      return safeTextSchema(5000)
  }
}

const envelope = z.object({
  surveyId: z.string().min(1),
  surveyVersion: z.string().min(1),
  respondentId: z.string().trim().min(1).max(200),
  customerId: z.string().trim().min(1).max(200).optional(),
  submittedAt: instantSchema,
  answers: z.record(z.string(), z.unknown()),
})

/**
 * Validates a response against its questionnaire: the right survey and version, every required
 * question answered, every answer valid for its question, no answers to questions that do not
 * exist. All problems come back at once with their paths (`answers.q3.perception`).
 */
export function parseSurveyResponse(
  definition: SurveyDefinition,
  input: unknown,
): Result.Result<SurveyResponse, ValidationError> {
  const subject = `quality.surveyResponse`
  const parsed = envelope.safeParse(input)
  if (!parsed.success) {
    return Result.fail(
      new ValidationError({
        subject,
        issues: parsed.error.issues.map((issue) => ({
          path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
          message: issue.message,
          code: issue.code,
        })),
      }),
    )
  }
  const response = parsed.data
  const issues: Array<ValidationIssue> = []
  if (response.surveyId !== definition.id)
    issues.push({ path: ["surveyId"], message: `must be ${definition.id}`, code: "rule" })
  if (response.surveyVersion !== definition.version) {
    issues.push({ path: ["surveyVersion"], message: `must be ${definition.version}`, code: "rule" })
  }
  const known = new Set(definition.questions.map((question) => question.id))
  for (const key of Object.keys(response.answers)) {
    if (!known.has(key))
      issues.push({ path: ["answers", key], message: "not a question of this survey", code: "rule" })
  }
  const answers: Record<string, AnswerValue> = {}
  for (const question of definition.questions) {
    const value = response.answers[question.id]
    if (value === undefined) {
      if (question.required)
        issues.push({ path: ["answers", question.id], message: "must be answered", code: "required" })
      continue
    }
    const checked = answerSchema(question).safeParse(value)
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        issues.push({
          path: [
            "answers",
            question.id,
            ...issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
          ],
          message: issue.message,
          code: issue.code,
        })
      }
    } else {
      answers[question.id] = checked.data as AnswerValue
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject, issues }))
  return Result.succeed({
    surveyId: response.surveyId,
    surveyVersion: response.surveyVersion,
    respondentId: response.respondentId,
    ...(response.customerId === undefined ? {} : { customerId: response.customerId }),
    submittedAt: response.submittedAt,
    answers,
  })
}
