import { OfficerKpi } from "../../../accounts/labels/officer-kpi.ts"
import type { OfficerScorecard } from "../../../accounts/models/officer-scorecard.ts"
import { lowerIsBetter } from "../../../accounts/policy/accounts-policy.ts"
import type { PerformanceScore } from "./performance-score.ts"

/**
 * A key-account officer's performance from 大客户专员考核表 (`Accounts.scoreOfficer`): the
 * scorecard's total is the score, its goals the KPI lines, so the appraisal and the scorecard
 * can never disagree.
 */
export const keyAccountOfficerPerformance = (
  personId: string,
  scorecard: OfficerScorecard,
): PerformanceScore => ({
  personId,
  post: "keyAccountOfficer",
  score: scorecard.total,
  lines: scorecard.kpis.map((line) => ({
    id: line.kpi,
    kpi: OfficerKpi.labels[line.kpi],
    weight: line.weight,
    target: line.target,
    higherIsBetter: !lowerIsBetter.has(line.kpi),
    actual: line.actual,
    score: line.score,
  })),
})
