import { invalid } from "../../errors/validation-error.ts"
import type { ScorecardTemplate } from "../policy/monitoring-scorecard.ts"
import { type MonitoringSheet, scoreMonitoringSheet } from "./monitoring-score.ts"

/** One evaluator's result in a calibration session. */
export interface EvaluatorCalibration {
  readonly evaluatorId: string
  readonly percent: number
  /** Percent minus the reference score. */
  readonly deviation: number
  readonly withinTolerance: boolean
  /** Whether the evaluator saw the same critical errors as the reference. */
  readonly agreesOnCriticalErrors: boolean
}

/** A line the evaluators scored differently, for the calibration discussion. */
export interface LineDisagreement {
  readonly itemId: string
  /** Points per evaluator ("n/a" when marked not applicable). */
  readonly scores: Readonly<Record<string, number | "n/a">>
}

/** The outcome of a calibration session (呼叫业务质量校准表) on one call. */
export interface CalibrationResult {
  readonly callId: string
  /** The reference score: the calibration lead's, or the evaluators' mean. */
  readonly referencePercent: number
  readonly evaluators: ReadonlyArray<EvaluatorCalibration>
  /** Highest minus lowest score. */
  readonly spread: number
  /** Population standard deviation of the scores. */
  readonly standardDeviation: number
  readonly disagreements: ReadonlyArray<LineDisagreement>
  /** Every evaluator within tolerance and in agreement on critical errors. */
  readonly calibrated: boolean
}

/**
 * Calibrates evaluators (000 9.6.5 呼叫业务质量校准表): several evaluators score the same call; each
 * is compared with the reference (the calibration lead's sheet when named, else the mean score)
 * and is calibrated when within `tolerancePoints` and agreeing on critical errors. Lines scored
 * differently are listed so the session can agree on the standard. Throws `ValidationError` when
 * the sheets are not of one call, fewer than two, or invalid for the scorecard.
 */
export function calibrate(
  template: ScorecardTemplate,
  sheets: ReadonlyArray<MonitoringSheet>,
  options: { readonly tolerancePoints: number; readonly referenceEvaluatorId?: string },
): CalibrationResult {
  const subject = "callcenter.calibration"
  if (sheets.length < 2) throw invalid(subject, ["sheets"], "a calibration needs at least two evaluators")
  const callId = sheets[0]!.callId
  sheets.forEach((sheet, index) => {
    if (sheet.callId !== callId)
      throw invalid(subject, ["sheets", index, "callId"], `every sheet must score call ${callId}`)
  })
  const evaluatorIds = sheets.map((sheet) => sheet.evaluatorId)
  if (new Set(evaluatorIds).size !== evaluatorIds.length)
    throw invalid(subject, ["sheets"], "one sheet per evaluator")
  const scores = sheets.map((sheet) => scoreMonitoringSheet(template, sheet))
  let reference: number
  let referenceCritical: ReadonlySet<string> | undefined
  if (options.referenceEvaluatorId !== undefined) {
    const index = evaluatorIds.indexOf(options.referenceEvaluatorId)
    if (index < 0) throw invalid(subject, ["referenceEvaluatorId"], "the reference evaluator has no sheet")
    reference = scores[index]!.percent
    referenceCritical = new Set(sheets[index]!.criticalErrors)
  } else {
    reference = scores.reduce((sum, score) => sum + score.percent, 0) / scores.length
  }
  const criticalKey = (errors: ReadonlyArray<string>) => [...errors].sort().join(",")
  const majority = (() => {
    const counts = new Map<string, number>()
    for (const sheet of sheets)
      counts.set(criticalKey(sheet.criticalErrors), (counts.get(criticalKey(sheet.criticalErrors)) ?? 0) + 1)
    return [...counts.entries()].sort((left, right) => right[1] - left[1])[0]![0]
  })()
  const expectedCritical = referenceCritical ? criticalKey([...referenceCritical]) : majority
  const evaluators = scores.map((score, index) => {
    const deviation = score.percent - reference
    return {
      evaluatorId: score.evaluatorId,
      percent: score.percent,
      deviation,
      withinTolerance: Math.abs(deviation) <= options.tolerancePoints + 1e-9,
      agreesOnCriticalErrors: criticalKey(sheets[index]!.criticalErrors) === expectedCritical,
    }
  })
  const percents = scores.map((score) => score.percent)
  const mean = percents.reduce((sum, value) => sum + value, 0) / percents.length
  const disagreements: Array<LineDisagreement> = []
  for (const section of template.sections) {
    for (const item of section.items) {
      const values: Record<string, number | "n/a"> = {}
      for (const sheet of sheets) {
        const line = sheet.lines.find((candidate) => candidate.itemId === item.id)!
        values[sheet.evaluatorId] = line.notApplicable ? "n/a" : line.points!
      }
      if (new Set(Object.values(values)).size > 1) disagreements.push({ itemId: item.id, scores: values })
    }
  }
  return {
    callId,
    referencePercent: reference,
    evaluators,
    spread: Math.max(...percents) - Math.min(...percents),
    standardDeviation: Math.sqrt(
      percents.reduce((sum, value) => sum + (value - mean) ** 2, 0) / percents.length,
    ),
    disagreements,
    calibrated: evaluators.every(
      (evaluator) => evaluator.withinTolerance && evaluator.agreesOnCriticalErrors,
    ),
  }
}
