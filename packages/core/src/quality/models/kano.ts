import { type KanoAnswer, KanoCategory } from "../labels/quality-labels.ts"

/** One respondent's answers to a feature's functional and dysfunctional questions. */
export interface KanoResponse {
  readonly feature: string
  /** "If the feature is present, how do you feel?" */
  readonly functional: KanoAnswer
  /** "If the feature is absent, how do you feel?" */
  readonly dysfunctional: KanoAnswer
}

const a = "attractive"
const o = "oneDimensional"
const m = "mustBe"
const i = "indifferent"
const r = "reverse"
const q = "questionable"

/**
 * The standard Kano evaluation table (Kano et al. 1984; as tabulated by Berger et al. 1993,
 * "Kano's methods for understanding customer-defined quality", Center for Quality Management
 * Journal 2(4)): rows are the functional answer, columns the dysfunctional one, both in the order
 * like, must-be, neutral, live-with, dislike.
 */
export const kanoEvaluationTable: Readonly<Record<KanoAnswer, Readonly<Record<KanoAnswer, KanoCategory>>>> = {
  like: { like: q, mustBe: a, neutral: a, liveWith: a, dislike: o },
  mustBe: { like: r, mustBe: i, neutral: i, liveWith: i, dislike: m },
  neutral: { like: r, mustBe: i, neutral: i, liveWith: i, dislike: m },
  liveWith: { like: r, mustBe: i, neutral: i, liveWith: i, dislike: m },
  dislike: { like: r, mustBe: r, neutral: r, liveWith: r, dislike: q },
}

/** The category of one answer pair, by the evaluation table. */
export const classifyKanoPair = (functional: KanoAnswer, dysfunctional: KanoAnswer): KanoCategory =>
  kanoEvaluationTable[functional][dysfunctional]

/**
 * The order that breaks ties between equally frequent categories: Berger et al.'s rule
 * "M > O > A > I" (when in doubt, treat a requirement as the more basic one), then R and Q.
 */
export const kanoTieOrder: ReadonlyArray<KanoCategory> = [
  "mustBe",
  "oneDimensional",
  "attractive",
  "indifferent",
  "reverse",
  "questionable",
]

/** The classification of one feature. */
export interface KanoFeatureResult {
  readonly feature: string
  readonly responses: number
  readonly counts: Readonly<Record<KanoCategory, number>>
  /** The most frequent category (ties broken M > O > A > I > R > Q). */
  readonly category: KanoCategory
  /** Share of the leading category minus the runner-up's: small margins mean a mixed feature. */
  readonly margin: number
  /** Better (satisfaction) coefficient: (A + O) / (A + O + M + I), 0 to 1. */
  readonly better: number | undefined
  /** Worse (dissatisfaction) coefficient: −(O + M) / (A + O + M + I), −1 to 0. */
  readonly worse: number | undefined
  /** Share of contradictory answers; a high share means the question was misunderstood. */
  readonly questionableShare: number
}

/**
 * Kano classification of features from functional/dysfunctional question pairs: each pair is
 * classified by the standard evaluation table, each feature takes its most frequent category,
 * and Berger et al.'s satisfaction coefficients say how much adding the feature raises
 * satisfaction (better) and leaving it out lowers it (worse). Features in first-seen order.
 */
export function kanoClassification(responses: ReadonlyArray<KanoResponse>): ReadonlyArray<KanoFeatureResult> {
  const byFeature = new Map<string, Record<KanoCategory, number>>()
  for (const response of responses) {
    let counts = byFeature.get(response.feature)
    if (!counts) {
      counts = Object.fromEntries(KanoCategory.values.map((category) => [category, 0])) as Record<
        KanoCategory,
        number
      >
      byFeature.set(response.feature, counts)
    }
    counts[classifyKanoPair(response.functional, response.dysfunctional)] += 1
  }
  return [...byFeature.entries()].map(([feature, counts]) => {
    const total = KanoCategory.values.reduce((sum, category) => sum + counts[category], 0)
    const ranked = [...kanoTieOrder].sort(
      (left, right) =>
        counts[right] - counts[left] || kanoTieOrder.indexOf(left) - kanoTieOrder.indexOf(right),
    )
    const decisive = counts.attractive + counts.oneDimensional + counts.mustBe + counts.indifferent
    return {
      feature,
      responses: total,
      counts,
      category: ranked[0]!,
      margin: (counts[ranked[0]!] - counts[ranked[1]!]) / total,
      better: decisive === 0 ? undefined : (counts.attractive + counts.oneDimensional) / decisive,
      worse: decisive === 0 ? undefined : -(counts.oneDimensional + counts.mustBe) / decisive,
      questionableShare: counts.questionable / total,
    }
  })
}
