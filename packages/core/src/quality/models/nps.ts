import { checkAnswersOnScale } from "./answer-checks.ts"
import type { IntervalOptions } from "./confidence-intervals.ts"
import { normalQuantile } from "./distributions.ts"
import type { Estimate } from "./estimate.ts"

/** The Net Promoter Score of a set of 0–10 answers. */
export interface NpsResult {
  /** % promoters − % detractors, −100 to 100, with its interval. */
  readonly nps: Estimate
  readonly promoters: number
  readonly passives: number
  readonly detractors: number
}

/**
 * NPS (Reichheld 2003, "The One Number You Need to Grow"): to "How likely is it that you would
 * recommend us to a friend or colleague?" on 0–10, promoters answer 9–10, detractors 0–6; the
 * score is % promoters − % detractors, from −100 to 100. Its interval treats each answer as a
 * trinomial draw scored +1, 0, −1: Var(NPS) = (p + d − (p − d)²)/n, and NPS ± z·√Var (×100),
 * clamped to [−100, 100]. Throws `ValidationError` naming each answer off 0–10.
 */
export function nps(answers: ReadonlyArray<number>, options: IntervalOptions): NpsResult {
  checkAnswersOnScale("quality.nps", answers, { min: 0, max: 10 })
  const n = answers.length
  const promoters = answers.filter((answer) => answer >= 9).length
  const detractors = answers.filter((answer) => answer <= 6).length
  const passives = n - promoters - detractors
  if (n === 0) {
    return {
      nps: {
        value: null,
        lower: null,
        upper: null,
        confidence: options.confidence,
        sampleSize: 0,
        method: "trinomialWald",
        sufficientSample: false,
      },
      promoters,
      passives,
      detractors,
    }
  }
  const p = promoters / n
  const d = detractors / n
  const score = p - d
  const half =
    normalQuantile(1 - (1 - options.confidence) / 2) * Math.sqrt(Math.max(0, p + d - score * score) / n)
  return {
    nps: {
      value: 100 * score,
      lower: Math.max(-100, 100 * (score - half)),
      upper: Math.min(100, 100 * (score + half)),
      confidence: options.confidence,
      sampleSize: n,
      method: "trinomialWald",
      sufficientSample: n >= options.minimumSampleSize,
    },
    promoters,
    passives,
    detractors,
  }
}

/** The Net Promoter category of one 0–10 answer. */
export const npsCategoryOf = (answer: number): "promoter" | "passive" | "detractor" =>
  answer >= 9 ? "promoter" : answer <= 6 ? "detractor" : "passive"
