import type { AgentEvaluation, AgentEvaluationInput } from "../../../callcenter/models/agent-evaluation.ts"
import { label } from "../../../labels/label.ts"
import type { PerformanceScore } from "./performance-score.ts"

const oneDecimal = (value: number) => Math.round(value * 10) / 10

/**
 * A call-centre agent's performance from the period's evaluation (呼叫业务质量评估表,
 * `CallCenter.evaluateAgent` and the input it was given): the overall score, with the monitored
 * calls and each measure as KPI lines weighted as the evaluation weighed them. A critical error
 * rates the agent 不合格 whatever the average, so the score is then held below the passing band.
 */
export function agentPerformance(input: AgentEvaluationInput, evaluation: AgentEvaluation): PerformanceScore {
  const monitored = evaluation.monitoringPercent !== undefined
  const monitoringWeight = monitored ? (input.monitoringWeight ?? 0.6) : 0
  const measureWeights = input.measures.reduce((sum, measure) => sum + measure.weight, 0)
  const capped =
    evaluation.rating === "unsatisfactory"
      ? Math.min(evaluation.overall, input.ratingBands.satisfactory - 0.1)
      : evaluation.overall
  const monitoring = monitored
    ? [
        {
          id: "monitoring",
          kpi: label("录音监控平均得分", "Mean monitoring score"),
          weight: oneDecimal(100 * monitoringWeight),
          target: 100,
          higherIsBetter: true,
          actual: oneDecimal(evaluation.monitoringPercent!),
          score: oneDecimal(evaluation.monitoringPercent!),
        },
      ]
    : []
  return {
    personId: evaluation.agentId,
    post: "callCenterAgent",
    score: oneDecimal(Math.max(0, capped)),
    lines: [
      ...monitoring,
      ...input.measures.map((measure, index) => ({
        id: measure.id,
        kpi: measure.name,
        weight: oneDecimal((100 * (1 - monitoringWeight) * measure.weight) / measureWeights),
        target: measure.target,
        higherIsBetter: measure.higherIsBetter,
        actual: measure.actual,
        score: oneDecimal(evaluation.measureScores[index]?.score ?? 0),
      })),
    ],
  }
}
