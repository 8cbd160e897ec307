import { z } from "zod"
import { invalid } from "../../errors/validation-error.ts"
import { type Label, labelSchema } from "../../labels/label.ts"
import type { AgentRating } from "../labels/call-labels.ts"
import type { MonitoringScore } from "./monitoring-score.ts"
import { validModelInput } from "./traffic.ts"

/** One performance measure of an agent against its target (AHT, FCR, three-ring answering …). */
export interface PerformanceMeasure {
  readonly id: string
  readonly name: Label
  readonly actual: number
  readonly target: number
  /** True for FCR-like measures, false for AHT-like ones where lower is better. */
  readonly higherIsBetter: boolean
  /** Relative weight among the measures. */
  readonly weight: number
}

/** What `evaluateAgent` takes: the period's monitoring scores, measures and the weighting. */
export interface AgentEvaluationInput {
  readonly agentId: string
  readonly monitoring: ReadonlyArray<MonitoringScore>
  readonly measures: ReadonlyArray<PerformanceMeasure>
  /** Share of the overall score from monitoring; the rest from the measures (default 0.6). */
  readonly monitoringWeight?: number
  readonly ratingBands: { readonly excellent: number; readonly good: number; readonly satisfactory: number }
}

/** An agent's evaluation for a period (呼叫业务质量评估表). */
export interface AgentEvaluation {
  readonly agentId: string
  readonly callsMonitored: number
  /** Mean monitoring percent; undefined when no call was monitored. */
  readonly monitoringPercent: number | undefined
  readonly passRate: number | undefined
  readonly criticalErrors: number
  /** Each measure's score, 100 at or better than target, proportionally less below it. */
  readonly measureScores: ReadonlyArray<{ readonly id: string; readonly score: number }>
  readonly overall: number
  /** A critical error in the period caps the rating at unsatisfactory, whatever the average. */
  readonly rating: AgentRating
}

const inputSchema = z.object({
  agentId: z.string().min(1),
  monitoring: z.array(
    z
      .object({
        agentId: z.string(),
        percent: z.number().min(0).max(100),
        passed: z.boolean(),
        criticalErrors: z.array(z.string()),
      })
      .loose(),
  ),
  measures: z.array(
    z.object({
      id: z.string().min(1),
      name: labelSchema,
      actual: z.number().finite().min(0),
      target: z.number().finite().positive("must be positive"),
      higherIsBetter: z.boolean(),
      weight: z.number().finite().positive("must be positive"),
    }),
  ),
  monitoringWeight: z.number().min(0).max(1).optional(),
  ratingBands: z.object({ excellent: z.number(), good: z.number(), satisfactory: z.number() }),
})

/**
 * Evaluates an agent for a period: the mean of the monitored calls' scores and the weighted
 * attainment of the performance measures, combined by `monitoringWeight`, banded into 优秀 / 良好 /
 * 合格 / 不合格. Throws `ValidationError` on bad input or on scores of another agent.
 */
export function evaluateAgent(input: AgentEvaluationInput): AgentEvaluation {
  validModelInput("callcenter.agentEvaluation", inputSchema, input)
  const foreign = input.monitoring.findIndex((score) => score.agentId !== input.agentId)
  if (foreign >= 0) {
    throw invalid(
      "callcenter.agentEvaluation",
      ["monitoring", foreign, "agentId"],
      `scores another agent, not ${input.agentId}`,
    )
  }
  const count = input.monitoring.length
  const monitoringPercent =
    count === 0 ? undefined : input.monitoring.reduce((sum, score) => sum + score.percent, 0) / count
  const measureScores = input.measures.map((measure) => {
    const attainment = measure.higherIsBetter
      ? measure.actual / measure.target
      : measure.actual === 0
        ? 1
        : measure.target / measure.actual
    return { id: measure.id, score: 100 * Math.min(1, attainment) }
  })
  const totalWeight = input.measures.reduce((sum, measure) => sum + measure.weight, 0)
  const measuresScore =
    totalWeight === 0
      ? undefined
      : measureScores.reduce((sum, score, index) => sum + score.score * input.measures[index]!.weight, 0) /
        totalWeight
  const monitoringWeight = input.monitoringWeight ?? 0.6
  const overall =
    monitoringPercent === undefined
      ? (measuresScore ?? 0)
      : measuresScore === undefined
        ? monitoringPercent
        : monitoringWeight * monitoringPercent + (1 - monitoringWeight) * measuresScore
  const criticalErrors = input.monitoring.reduce((sum, score) => sum + score.criticalErrors.length, 0)
  const bands = input.ratingBands
  const rating: AgentRating =
    criticalErrors > 0 || overall < bands.satisfactory
      ? "unsatisfactory"
      : overall >= bands.excellent
        ? "excellent"
        : overall >= bands.good
          ? "good"
          : "satisfactory"
  return {
    agentId: input.agentId,
    callsMonitored: count,
    monitoringPercent,
    passRate: count === 0 ? undefined : input.monitoring.filter((score) => score.passed).length / count,
    criticalErrors,
    measureScores,
    overall,
    rating,
  }
}
