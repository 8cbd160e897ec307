import type { SatisfactionIndicator } from "../labels/quality-labels.ts"
import type { Estimate } from "./estimate.ts"
import type { SurveyResults } from "./survey-evaluation.ts"

/** The level each indicator should reach: CSAT as a share 0–1, NPS −100–100, the indices 0–100. */
export type IndicatorTargets = Readonly<Partial<Record<SatisfactionIndicator, number>>>

/** One headline figure of a measurement, against its target when one was set. */
export interface MeasuredFigure {
  readonly indicator: SatisfactionIndicator
  /** The question it was measured by (`servqual` for the RATER index). */
  readonly questionId: string
  readonly estimate: Estimate
  readonly target: number | undefined
  /**
   * ◇ target met? Only a figure on a sufficient sample can meet its target: an indicative
   * figure is `false` when below, `undefined` when above (not proven); no target, `undefined`.
   */
  readonly met: boolean | undefined
}

/** Whether `estimate` meets `target`, read as `MeasuredFigure.met` says. */
function meets(estimate: Estimate, target: number | undefined): boolean | undefined {
  if (target === undefined || estimate.value === null) return undefined
  if (estimate.value < target) return false
  return estimate.sufficientSample ? true : undefined
}

/**
 * The headline figures of a measurement round (客户满意度测量): every CSAT, NPS, satisfaction
 * index and the RATER index a survey's results hold, each against its target. Kept in the
 * round's event, so a report shows the figures it was approved with even after the policy moves.
 */
export function measurementFigures(
  results: SurveyResults,
  targets: IndicatorTargets,
): ReadonlyArray<MeasuredFigure> {
  const figure = (indicator: SatisfactionIndicator, questionId: string, estimate: Estimate) => ({
    indicator,
    questionId,
    estimate,
    target: targets[indicator],
    met: meets(estimate, targets[indicator]),
  })
  return [
    ...results.csat.map((row) => figure("csat", row.questionId, row.result.csat)),
    ...results.nps.map((row) => figure("nps", row.questionId, row.result.nps)),
    ...results.satisfactionLevels.map((row) => figure("satisfactionIndex", row.questionId, row.result.index)),
    ...(results.rater ? [figure("rater", "servqual", results.rater.index)] : []),
  ]
}

/** The figures that missed their target: what the improvement that follows must address. */
export const missedTargets = (figures: ReadonlyArray<MeasuredFigure>): ReadonlyArray<MeasuredFigure> =>
  figures.filter((figure) => figure.met === false)
