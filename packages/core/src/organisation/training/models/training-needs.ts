import type { NonconformityFinding } from "../../../quality/schema/review-findings.ts"
import type { QuadrantAnalysis } from "../../appraisal/models/quadrant-placement.ts"
import type { TrainingNeedSource } from "../labels/training-labels.ts"

/** One line of 培训计划表's needs: where it comes from, whom it concerns, what is to be learnt. */
export interface TrainingNeed {
  readonly source: TrainingNeedSource
  readonly person?: string
  readonly need: string
}

/**
 * The training needs of a quadrant analysis: 001 has the 客服主管 train the B people (good
 * results, ability to raise) and train, assess or let go the D people; A and C need no training
 * (C needs motivation, which a course does not give).
 */
export const trainingNeedsFromQuadrant = (analysis: QuadrantAnalysis): ReadonlyArray<TrainingNeed> =>
  analysis.placements.flatMap((placement): ReadonlyArray<TrainingNeed> => {
    if (placement.quadrant === "B")
      return [
        {
          source: "quadrantB",
          person: placement.personId,
          need: `能力 ${placement.ability}（线 ${analysis.lines.ability}）：提升工作能力`,
        },
      ]
    if (placement.quadrant === "D")
      return [
        {
          source: "quadrantD",
          person: placement.personId,
          need: `能力 ${placement.ability}、绩效 ${placement.performance}：培训后鉴定`,
        },
      ]
    return []
  })

/**
 * The training needs of a quality review's non-conformities (不合格项): each finding a need,
 * naming the standard it breached and, when known, the person responsible.
 */
export const trainingNeedsFromFindings = (
  findings: ReadonlyArray<NonconformityFinding & { readonly responsible?: string | undefined }>,
): ReadonlyArray<TrainingNeed> =>
  findings.map((finding) => ({
    source: "qualityFinding",
    ...(finding.responsible === undefined ? {} : { person: finding.responsible }),
    need: `${finding.id} ${finding.description}（${finding.standard}）`.slice(0, 500),
  }))
