import type { Result } from "effect"
import { z } from "zod"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { type Label, labelSchema } from "../../labels/label.ts"
import type { RatingScale } from "../models/answer-checks.ts"

/**
 * What a rating question measures, so the evaluation knows which index to compute from it:
 * CSAT, CES, 满意级度 (answers are level numbers), or nothing in particular (an item of a
 * previous-vs-current comparison).
 */
export type RatingMeasure = "csat" | "ces" | "satisfactionLevel" | "item"

/** A question answered with a point on a scale (1–5 satisfied, 1–7 agree). */
export interface RatingQuestion {
  readonly kind: "rating"
  readonly id: string
  readonly text: Label
  readonly scale: RatingScale
  /** A label per point, lowest first, when the scale is verbal (很不满意 … 很满意). */
  readonly pointLabels?: ReadonlyArray<Label>
  readonly measure: RatingMeasure
  readonly required: boolean
}

/** The Net Promoter question, answered 0–10. */
export interface NpsQuestion {
  readonly kind: "nps"
  readonly id: string
  readonly text: Label
  readonly required: boolean
}

/** A SERVQUAL item, answered twice (expectation, perception) on the same scale. */
export interface ServqualQuestion {
  readonly kind: "servqual"
  readonly id: string
  /** The item number 1–22, which fixes its dimension. */
  readonly item: number
  readonly expectationText: Label
  readonly perceptionText: Label
  readonly scale: RatingScale
  readonly required: boolean
}

/** SERVQUAL's importance question: 100 points spread over the five dimensions. */
export interface AllocationQuestion {
  readonly kind: "servqualAllocation"
  readonly id: string
  readonly text: Label
  readonly required: boolean
}

/** A Kano pair: how the respondent feels with the feature and without it. */
export interface KanoQuestion {
  readonly kind: "kano"
  readonly id: string
  readonly feature: Label
  readonly functionalText: Label
  readonly dysfunctionalText: Label
  readonly required: boolean
}

/** A choice among options (the channel used, the product bought). */
export interface ChoiceQuestion {
  readonly kind: "choice"
  readonly id: string
  readonly text: Label
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: Label }>
  readonly multiple: boolean
  readonly required: boolean
}

/** An open question (客户反馈信息, suggestions). */
export interface TextQuestion {
  readonly kind: "text"
  readonly id: string
  readonly text: Label
  readonly required: boolean
}

/** Any survey question. */
export type SurveyQuestion =
  | RatingQuestion
  | NpsQuestion
  | ServqualQuestion
  | AllocationQuestion
  | KanoQuestion
  | ChoiceQuestion
  | TextQuestion

/** A questionnaire (客户满意度调查问卷, 客户服务质量调查表) as data, with its text in both languages. */
export interface SurveyDefinition {
  readonly id: string
  readonly version: string
  readonly title: Label
  readonly introduction?: Label
  readonly questions: ReadonlyArray<SurveyQuestion>
}

const text = labelSchema
const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{0,79}$/, "must be an id (a letter, then letters, digits, . _ -)")
const scale = z
  .object({ min: z.number().int(), max: z.number().int() })
  .refine(
    (value) => value.min < value.max && value.max - value.min <= 20,
    "must have min below max and at most 21 points",
  )
const required = z.boolean().default(true)

const questionSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("rating"),
    id,
    text,
    scale,
    pointLabels: z.array(text).optional(),
    measure: z.enum(["csat", "ces", "satisfactionLevel", "item"]),
    required,
  }),
  z.object({ kind: z.literal("nps"), id, text, required }),
  z.object({
    kind: z.literal("servqual"),
    id,
    item: z
      .number()
      .int()
      .min(1, "SERVQUAL items are numbered 1–22")
      .max(22, "SERVQUAL items are numbered 1–22"),
    expectationText: text,
    perceptionText: text,
    scale,
    required,
  }),
  z.object({ kind: z.literal("servqualAllocation"), id, text, required }),
  z.object({
    kind: z.literal("kano"),
    id,
    feature: text,
    functionalText: text,
    dysfunctionalText: text,
    required,
  }),
  z.object({
    kind: z.literal("choice"),
    id,
    text,
    options: z.array(z.object({ value: id, label: text })).min(2, "needs at least two options"),
    multiple: z.boolean().default(false),
    required,
  }),
  z.object({ kind: z.literal("text"), id, text, required: z.boolean().default(false) }),
])

/** Validates a survey definition: unique question ids, unique SERVQUAL items, scales that fit their measure. */
export const surveyDefinitionSchema = z
  .object({
    id: z.string().trim().min(1).max(200),
    version: z.string().trim().min(1).max(60),
    title: text,
    introduction: text.optional(),
    questions: z.array(questionSchema).min(1, "needs at least one question").max(500),
  })
  .superRefine((definition, context) => {
    const ids = new Set<string>()
    const items = new Set<number>()
    definition.questions.forEach((question, index) => {
      if (ids.has(question.id))
        context.addIssue({ code: "custom", path: ["questions", index, "id"], message: "must be unique" })
      ids.add(question.id)
      if (question.kind === "servqual") {
        if (items.has(question.item))
          context.addIssue({
            code: "custom",
            path: ["questions", index, "item"],
            message: "item asked twice",
          })
        items.add(question.item)
      }
      if (question.kind === "rating") {
        const points = question.scale.max - question.scale.min + 1
        if (question.pointLabels && question.pointLabels.length !== points) {
          context.addIssue({
            code: "custom",
            path: ["questions", index, "pointLabels"],
            message: `needs one label for each of the ${points} points`,
          })
        }
        if (
          question.measure === "satisfactionLevel" &&
          !(question.scale.min === 1 && (points === 5 || points === 7))
        ) {
          context.addIssue({
            code: "custom",
            path: ["questions", index, "scale"],
            message: "satisfaction levels are asked on 1–5 or 1–7",
          })
        }
      }
    })
    if (definition.questions.filter((question) => question.kind === "servqualAllocation").length > 1) {
      context.addIssue({
        code: "custom",
        path: ["questions"],
        message: "at most one importance allocation question",
      })
    }
  })

/** Validates a survey definition; each problem is named with its path. */
export function parseSurveyDefinition(input: unknown): Result.Result<SurveyDefinition, ValidationError> {
  return parseWith(
    "quality.surveyDefinition",
    surveyDefinitionSchema as unknown as z.ZodType<SurveyDefinition>,
    input,
  )
}
