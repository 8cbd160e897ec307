import type { BusinessCalendar } from "../../calendar/index.ts"
import type { CivilDate } from "../../time/civil-date.ts"
import { ContentCategory } from "../labels/content-category.ts"
import type { StatisticsRecord } from "../schema/statistics-form.ts"
import type { SummaryRecord } from "../schema/summary-form.ts"
import type { ComplaintFacts } from "./complaint-facts.ts"
import type { ComplaintStatistics } from "./statistics.ts"

/**
 * 客户投诉统计表 for a period: one line per complaint received, with the departments responsible,
 * the remedies carried out and the loss, oldest first; only one category when `category` is given.
 */
export function statisticsRecordOf(
  facts: ReadonlyArray<ComplaintFacts>,
  period: { readonly from: CivilDate; readonly to: CivilDate; readonly category?: ContentCategory },
  calendar: BusinessCalendar,
): StatisticsRecord {
  const rows = facts
    .filter((fact) => fact.receivedOn >= period.from && fact.receivedOn <= period.to)
    .filter((fact) => period.category === undefined || fact.category === period.category)
    .sort(
      (left, right) => left.receivedAt - right.receivedAt || (left.complaintId < right.complaintId ? -1 : 1),
    )
    .map((fact) => {
      const row: Record<string, unknown> = {
        date: calendar.dateOf(fact.receivedAt),
        complaintNumber: fact.complaintId,
        customerName: fact.customerName,
        content:
          `${fact.category ? `${ContentCategory.label(fact.category, "zh-CN")}：` : ""}${fact.subject}`.slice(
            0,
            200,
          ),
        loss: fact.loss,
      }
      if (fact.product !== undefined) row.productName = fact.product
      if (fact.purchaseDate !== undefined) row.purchaseDate = fact.purchaseDate
      if (fact.responsibility.length > 0)
        row.responsibleDepartments = fact.responsibility
          .map((share) => `${share.departmentId} ${share.sharePercent}%`)
          .join("; ")
          .slice(0, 300)
      const kinds = [...new Set(fact.remedies.map((remedy) => remedy.kind))]
      if (kinds.length > 0) row.handlingMethods = kinds
      return row
    })
  return {
    ...(period.category !== undefined ? { category: period.category } : {}),
    from: period.from,
    to: period.to,
    rows,
  } as unknown as StatisticsRecord
}

/**
 * The figures of 客户投诉总结表 from the statistics (or a period analysis's figures); the text
 * fields are left to staff.
 */
export function summaryRecordOf(
  statistics: Pick<ComplaintStatistics, "period" | "total" | "dailyAverage" | "resolved" | "qualityCount">,
): SummaryRecord {
  return {
    from: statistics.period.from,
    to: statistics.period.to,
    complaintCount: statistics.total,
    dailyAverage: Math.round(statistics.dailyAverage * 100) / 100,
    resolvedCount: statistics.resolved,
    resolvedPercent:
      statistics.total === 0 ? 0 : Math.round((statistics.resolved / statistics.total) * 1000) / 10,
    qualityCount: statistics.qualityCount,
  }
}
