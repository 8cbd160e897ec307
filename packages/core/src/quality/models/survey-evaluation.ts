import type { KanoAnswer, ServqualDimension } from "../labels/quality-labels.ts"
import type { IndexPolicy } from "../policy/quality-policy.ts"
import type { SurveyDefinition } from "../schema/survey-definition.ts"
import type { KanoPairAnswer, ServqualItemAnswer, SurveyResponse } from "../schema/survey-response.ts"
import { type CesResult, ces } from "./ces.ts"
import { meanInterval } from "./confidence-intervals.ts"
import { type CsatResult, csat } from "./csat.ts"
import type { Estimate } from "./estimate.ts"
import { type KanoFeatureResult, kanoClassification } from "./kano.ts"
import { type NpsResult, nps } from "./nps.ts"
import { type RaterResult, raterIndex } from "./rater-index.ts"
import { type SatisfactionLevelResult, satisfactionLevels } from "./satisfaction-levels.ts"
import { type ServqualRespondent, type ServqualResult, servqual } from "./servqual.ts"

/** One question's result, by the question it came from. */
export interface QuestionResult<Result> {
  readonly questionId: string
  readonly result: Result
}

/** Everything a survey round's answers say, as plain data (it is recorded in the process's event). */
export interface SurveyResults {
  readonly surveyId: string
  readonly surveyVersion: string
  readonly responses: number
  readonly csat: ReadonlyArray<QuestionResult<CsatResult>>
  readonly ces: ReadonlyArray<QuestionResult<CesResult>>
  readonly nps: ReadonlyArray<QuestionResult<NpsResult>>
  readonly satisfactionLevels: ReadonlyArray<QuestionResult<SatisfactionLevelResult>>
  /** Rating questions that feed no index: their mean with its interval (the items of a comparison). */
  readonly items: ReadonlyArray<QuestionResult<Estimate>>
  readonly servqual: ServqualResult | undefined
  readonly rater: RaterResult | undefined
  /** Kano features, keyed by question id. */
  readonly kano: ReadonlyArray<KanoFeatureResult>
  readonly choices: ReadonlyArray<QuestionResult<Readonly<Record<string, number>>>>
  /** How many open answers were given per text question (the texts stay with the responses). */
  readonly comments: ReadonlyArray<QuestionResult<number>>
}

/**
 * Evaluates a survey round: every index its questions support, computed from the responses with
 * the index policy (CSAT, CES, NPS, 满意级度, SERVQUAL with the RATER index, Kano, choice counts),
 * each with its interval. Responses must already be valid for the definition (`parseSurveyResponse`).
 */
export function evaluateSurvey(
  definition: SurveyDefinition,
  responses: ReadonlyArray<SurveyResponse>,
  policy: IndexPolicy,
): SurveyResults {
  const interval = { confidence: policy.confidence, minimumSampleSize: policy.minimumSampleSize }
  const numbers = (questionId: string) =>
    responses.flatMap((response) => {
      const value = response.answers[questionId]
      return typeof value === "number" ? [value] : []
    })
  const results: {
    csat: Array<QuestionResult<CsatResult>>
    ces: Array<QuestionResult<CesResult>>
    nps: Array<QuestionResult<NpsResult>>
    satisfactionLevels: Array<QuestionResult<SatisfactionLevelResult>>
    items: Array<QuestionResult<Estimate>>
    choices: Array<QuestionResult<Readonly<Record<string, number>>>>
    comments: Array<QuestionResult<number>>
  } = { csat: [], ces: [], nps: [], satisfactionLevels: [], items: [], choices: [], comments: [] }
  const kanoResponses: Array<{ feature: string; functional: KanoAnswer; dysfunctional: KanoAnswer }> = []
  let allocationId: string | undefined
  const servqualItems: Array<{ questionId: string; item: number }> = []
  let servqualScale = { min: 1, max: 7 }

  for (const question of definition.questions) {
    switch (question.kind) {
      case "rating": {
        const answers = numbers(question.id)
        if (question.measure === "csat") {
          results.csat.push({
            questionId: question.id,
            result: csat(answers, {
              ...interval,
              scale: question.scale,
              topBoxes: Math.min(policy.csatTopBoxes, question.scale.max - question.scale.min),
            }),
          })
        } else if (question.measure === "ces") {
          results.ces.push({
            questionId: question.id,
            result: ces(answers, {
              ...interval,
              scale: question.scale,
              convention: policy.ces.convention,
              threshold: Math.min(Math.max(policy.ces.threshold, question.scale.min), question.scale.max),
            }),
          })
        } else if (question.measure === "satisfactionLevel") {
          const levels = question.scale.max === 5 ? 5 : 7
          const scores = levels === 5 ? policy.satisfactionLevels.five : policy.satisfactionLevels.seven
          results.satisfactionLevels.push({
            questionId: question.id,
            result: satisfactionLevels(answers, {
              ...interval,
              levels,
              ...(scores.length > 0 ? { levelScores: scores } : {}),
            }),
          })
        } else {
          results.items.push({ questionId: question.id, result: meanInterval(answers, interval) })
        }
        break
      }
      case "nps":
        results.nps.push({ questionId: question.id, result: nps(numbers(question.id), interval) })
        break
      case "servqual":
        servqualItems.push({ questionId: question.id, item: question.item })
        servqualScale = question.scale
        break
      case "servqualAllocation":
        allocationId = question.id
        break
      case "kano":
        for (const response of responses) {
          const answer = response.answers[question.id] as KanoPairAnswer | undefined
          if (answer)
            kanoResponses.push({
              feature: question.id,
              functional: answer.functional,
              dysfunctional: answer.dysfunctional,
            })
        }
        break
      case "choice": {
        const counts: Record<string, number> = Object.fromEntries(
          question.options.map((option) => [option.value, 0]),
        )
        for (const response of responses) {
          const answer = response.answers[question.id]
          const chosen =
            typeof answer === "string"
              ? [answer]
              : Array.isArray(answer)
                ? (answer as ReadonlyArray<string>)
                : []
          for (const value of chosen) counts[value] = (counts[value] ?? 0) + 1
        }
        results.choices.push({ questionId: question.id, result: counts })
        break
      }
      case "text":
        results.comments.push({
          questionId: question.id,
          result: responses.filter((response) => typeof response.answers[question.id] === "string").length,
        })
        break
    }
  }

  let servqualResult: ServqualResult | undefined
  let raterResult: RaterResult | undefined
  if (servqualItems.length > 0) {
    const respondents: Array<ServqualRespondent> = responses.map((response) => {
      const allocation =
        allocationId === undefined
          ? undefined
          : (response.answers[allocationId] as Record<ServqualDimension, number> | undefined)
      return {
        respondentId: response.respondentId,
        answers: servqualItems.flatMap(({ questionId, item }) => {
          const answer = response.answers[questionId] as ServqualItemAnswer | undefined
          return answer ? [{ item, expectation: answer.expectation, perception: answer.perception }] : []
        }),
        ...(allocation ? { allocation } : {}),
      }
    })
    servqualResult = servqual(respondents, { ...interval, scale: servqualScale })
    raterResult = raterIndex(respondents, {
      ...interval,
      scale: servqualScale,
      ...(policy.raterWeights ? { weights: policy.raterWeights } : {}),
    })
  }
  return {
    surveyId: definition.id,
    surveyVersion: definition.version,
    responses: responses.length,
    ...results,
    servqual: servqualResult,
    rater: raterResult,
    kano: kanoClassification(kanoResponses),
  }
}
