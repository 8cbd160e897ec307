import { z } from "zod"
import { field } from "../../forms/field.ts"
import { label } from "../../labels/label.ts"
import * as Money from "../../money/money.ts"
import type { DeepReadonly } from "../../process/command-shapes.ts"
import { commandIdSchema } from "../../process/decider-support.ts"
import { type CivilDate, civilDateSchema, daysBetween } from "../../time/civil-date.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import { RootCause } from "../labels/root-cause.ts"
import { responsibilityColumns } from "../schema/responsibility.ts"
import type { ComplaintFacts } from "./complaint-facts.ts"
import type { ParetoRow } from "./pareto.ts"
import {
  type CauseKey,
  causePareto,
  type DepartmentRow,
  departmentBreakdown,
  isResolvedOutcome,
} from "./statistics.ts"

/**
 * What the periodic analysis (客户投诉分析流程 ①) reads of one complaint: when it came in, its
 * category and root cause, how it ended, its loss and who was responsible. Small enough for a
 * command to carry a period's complaints, so the figures are computed once, in `decide`, and kept
 * in the event.
 */
export const analysedComplaintSchema = z.strictObject({
  complaintId: commandIdSchema,
  receivedOn: civilDateSchema,
  category: ContentCategory.schema.optional(),
  cause: RootCause.schema.optional(),
  /** How it ended; absent while open. */
  outcome: ResolutionOutcome.schema.optional(),
  loss: field.money({ label: label("损失金额", "Loss") }).schema,
  responsibility: z
    .array(
      z.strictObject({
        departmentId: responsibilityColumns.departmentId.schema,
        sharePercent: responsibilityColumns.sharePercent.schema,
      }),
    )
    .max(50),
})

/** One complaint as the periodic analysis reads it. */
export type AnalysedComplaint = DeepReadonly<z.output<typeof analysedComplaintSchema>>

/** A complaint's facts (read off its events) as the periodic analysis reads them. */
export function analysedComplaintOf(facts: ComplaintFacts): AnalysedComplaint {
  return {
    complaintId: facts.complaintId,
    receivedOn: facts.receivedOn,
    ...(facts.category === undefined ? {} : { category: facts.category }),
    ...(facts.cause === undefined ? {} : { cause: facts.cause }),
    ...(facts.outcome === undefined ? {} : { outcome: facts.outcome }),
    loss: facts.loss,
    responsibility: facts.responsibility.map((share) => ({ ...share })),
  }
}

/**
 * The figures of one period's analysis: the counts of 客户投诉总结表, the loss, the Pareto of
 * causes and the departments responsible, the heaviest first.
 */
export interface PeriodAnalysisFigures {
  readonly period: { readonly from: CivilDate; readonly to: CivilDate; readonly days: number }
  readonly total: number
  readonly resolved: number
  readonly dailyAverage: number
  readonly qualityCount: number
  readonly loss: Money.Money
  readonly causePareto: ReadonlyArray<ParetoRow<CauseKey>>
  readonly byDepartment: ReadonlyArray<DepartmentRow>
}

/**
 * 投诉数据分析步骤: the complaints received from `from` to `to` (inclusive; others are left out)
 * counted as 客户投诉统计表 and 总结表 count them, their causes in a Pareto and their departments
 * by responsibility share.
 */
export function periodAnalysisFigures(
  complaints: ReadonlyArray<AnalysedComplaint>,
  period: { readonly from: CivilDate; readonly to: CivilDate },
  currency: string,
): PeriodAnalysisFigures {
  const inPeriod = complaints.filter(
    (complaint) => complaint.receivedOn >= period.from && complaint.receivedOn <= period.to,
  )
  const days = Math.max(1, daysBetween(period.from, period.to) + 1)
  return {
    period: { from: period.from, to: period.to, days },
    total: inPeriod.length,
    resolved: inPeriod.filter((complaint) => isResolvedOutcome(complaint.outcome)).length,
    dailyAverage: inPeriod.length / days,
    qualityCount: inPeriod.filter((complaint) => complaint.category === "quality").length,
    loss: Money.sum(
      inPeriod.map((complaint) => complaint.loss),
      currency,
    ),
    causePareto: causePareto(inPeriod),
    byDepartment: departmentBreakdown(inPeriod, currency),
  }
}
