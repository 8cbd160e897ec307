import { ratio } from "../../../complaints/models/figures.ts"
import {
  type ComplaintStatistics,
  complaintStatistics,
  type StatisticsOptions,
} from "../../../complaints/models/statistics.ts"
import type { ComplaintEvent } from "../../../complaints/process/events.ts"
import { ComplaintOfficerKpi } from "../labels/complaint-officer-kpi.ts"
import { type AppraisalPolicy, defaultAppraisalPolicy } from "../policy/appraisal-policy.ts"
import { scoreObjectives } from "./objective-score.ts"
import type { PerformanceScore } from "./performance-score.ts"

/** A complaint officer's performance with the statistics of the complaints they handled. */
export interface ComplaintOfficerPerformance extends PerformanceScore {
  readonly statistics: ComplaintStatistics
}

/** The handler (承办人) a complaint ended with: the last one assigned, else the one it was accepted for. */
function handlerOf(events: ReadonlyArray<ComplaintEvent>): string | undefined {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index]!
    if (event.type === "HandlerAssigned" || event.type === "ComplaintAccepted") return event.handler
  }
  return undefined
}

function figureOf(kpi: ComplaintOfficerKpi, statistics: ComplaintStatistics): number | undefined {
  switch (kpi) {
    case "resolvedRatio":
      return statistics.resolvedRatio
    case "firstResponseOnTime":
      return statistics.sla.firstResponse.onTimeRatio
    case "resolutionOnTime":
      return statistics.sla.resolution.onTimeRatio
    case "satisfaction":
      return statistics.followUp.averageSatisfaction
    case "reopenedRatio":
      return ratio(statistics.reopened.cases, statistics.accepted)
  }
}

/**
 * The complaint officers' performance for a period, from the event logs of the complaints
 * (`Complaints.complaintStatistics` per officer): each complaint counts for the handler it ended
 * with; complaints never accepted belong to nobody's workload. Each of the policy's KPIs is scored
 * against its target; a figure with nothing to measure (no follow-up yet) is left out and the
 * other weights carry the score, so an officer is never marked down for what did not happen.
 * Officers in the order of their first complaint.
 */
export function complaintOfficerPerformance(
  logs: Iterable<ReadonlyArray<ComplaintEvent>>,
  options: StatisticsOptions,
  policy: AppraisalPolicy = defaultAppraisalPolicy,
): ReadonlyArray<ComplaintOfficerPerformance> {
  const byOfficer = new Map<string, Array<ReadonlyArray<ComplaintEvent>>>()
  for (const events of logs) {
    const handler = handlerOf(events)
    if (handler === undefined) continue
    const own = byOfficer.get(handler) ?? []
    own.push(events)
    byOfficer.set(handler, own)
  }
  const performances: Array<ComplaintOfficerPerformance> = []
  for (const [personId, own] of byOfficer) {
    const statistics = complaintStatistics(own, options)
    if (statistics.accepted === 0) continue
    const lines = policy.complaintOfficerObjectives.flatMap((objective) => {
      const actual = figureOf(objective.kpi, statistics)
      return actual === undefined
        ? []
        : [
            {
              id: objective.kpi,
              kpi: ComplaintOfficerKpi.labels[objective.kpi],
              weight: objective.weight,
              target: objective.target,
              higherIsBetter: objective.kpi !== "reopenedRatio",
              actual: Math.round(actual * 1000) / 1000,
            },
          ]
    })
    const scored = scoreObjectives(lines)
    performances.push({
      personId,
      post: "complaintOfficer",
      score: scored.total,
      lines: scored.lines,
      statistics,
    })
  }
  return performances
}
