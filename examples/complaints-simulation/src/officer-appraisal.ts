// The quarter's appraisal of the complaint officers (issue 14's demo): each officer's performance
// from the complaint statistics of the complaints they handled, the supervisors' ability
// assessments drawn from the seed, both on 001's ability × performance quadrant (图1-1), and the
// training needs it gives the 客服主管.
import { type BusinessCalendar, type CivilDate, type Complaints, type Locale, Organisation } from "@tixi/core"
import { Result } from "effect"
import { nameOf, officers } from "./company.ts"
import { Random } from "./random.ts"
import { table } from "./text-table.ts"

/** One officer on the quadrant, with the figures behind the performance score. */
export interface AppraisedOfficer {
  readonly personId: string
  readonly name: string
  readonly complaints: number
  readonly performance: number
  readonly ability: number
  readonly quadrant: Organisation.AbilityPerformanceQuadrant
  readonly action: Organisation.QuadrantAction
  readonly kpis: ReadonlyArray<{ readonly kpi: string; readonly actual: number; readonly score: number }>
}

/** The quarter's appraisal of the complaints desk. */
export interface OfficerAppraisalReport {
  readonly period: { readonly from: CivilDate; readonly to: CivilDate }
  readonly lines: Organisation.QuadrantAnalysis["lines"]
  readonly officers: ReadonlyArray<AppraisedOfficer>
  readonly distribution: ReadonlyArray<{
    readonly quadrant: Organisation.AbilityPerformanceQuadrant
    readonly action: Organisation.QuadrantAction
    readonly count: number
  }>
  /** Lines of the next 培训计划表's needs: the B and D officers. */
  readonly trainingNeeds: number
}

/**
 * Appraises the desk's officers over the period: performance from `complaintOfficerPerformance`
 * (an officer who ended with no complaint is scored 0 and says so), ability from the seed (the
 * supervisors' skills checks, 55–95), split at the team's medians.
 */
export function appraiseOfficers(input: {
  readonly logs: ReadonlyArray<ReadonlyArray<Complaints.ComplaintEvent>>
  readonly calendar: BusinessCalendar
  readonly currency: string
  readonly from: CivilDate
  readonly to: CivilDate
  readonly asOf: number
  readonly seed: number
}): OfficerAppraisalReport {
  const performances = Organisation.complaintOfficerPerformance(input.logs, {
    calendar: input.calendar,
    currency: input.currency,
    from: input.from,
    to: input.to,
    asOf: input.asOf,
  })
  const random = new Random(input.seed ^ 0x0a11_5e55)
  const ability = new Map(officers.map((officer) => [officer.id as string, random.int(55, 95)]))
  const byOfficer = new Map(performances.map((each) => [each.personId, each]))
  const analysis = Result.getOrThrow(
    Organisation.placeOnQuadrant(
      officers.map((officer) => ({
        personId: officer.id,
        name: officer.name,
        post: "complaintOfficer" as const,
        ability: ability.get(officer.id)!,
        performance: byOfficer.get(officer.id)?.score ?? 0,
      })),
    ),
  )
  return {
    period: { from: input.from, to: input.to },
    lines: analysis.lines,
    officers: analysis.placements.map((placement) => {
      const performance = byOfficer.get(placement.personId)
      return {
        personId: placement.personId,
        name: nameOf(placement.personId),
        complaints: performance?.statistics.accepted ?? 0,
        performance: placement.performance,
        ability: placement.ability,
        quadrant: placement.quadrant,
        action: placement.action,
        kpis: (performance?.lines ?? []).map((line) => ({
          kpi: line.id,
          actual: line.actual,
          score: line.score,
        })),
      }
    }),
    distribution: analysis.distribution.map(({ quadrant, action, count }) => ({ quadrant, action, count })),
    trainingNeeds: Organisation.trainingNeedsFromQuadrant(analysis).length,
  }
}

const percent = (value: number | undefined) => (value === undefined ? "—" : `${Math.round(value * 100)}%`)

/** The section of the terminal report: the officers on the quadrant and the team's distribution. */
export function renderOfficerAppraisal(report: OfficerAppraisalReport, locale: Locale): string {
  const zh = locale === "zh-CN"
  const kpi = (officer: AppraisedOfficer, id: string) => officer.kpis.find((line) => line.kpi === id)?.actual
  const out = [
    "",
    zh
      ? `── 投诉专员季度考核 · 能力与绩效的 4 个象限（${report.period.from} 至 ${report.period.to}） ──`
      : `── The complaint officers' quarter · ability × performance (${report.period.from} to ${report.period.to}) ──`,
    "",
    zh
      ? `  绩效来自投诉统计（解决比例、响应及时率、办结及时率、回访满意度、复诉比例）；象限线取团队中位数：能力 ${report.lines.ability}，绩效 ${report.lines.performance}。`
      : `  Performance from the complaint statistics (resolved, on-time response and resolution, follow-up satisfaction, reopened); lines at the team's medians: ability ${report.lines.ability}, performance ${report.lines.performance}.`,
    "",
    table(
      [
        { heading: zh ? "专员" : "Officer" },
        { heading: zh ? "投诉" : "Cases", align: "right" },
        { heading: zh ? "解决" : "Resolved", align: "right" },
        { heading: zh ? "办结及时" : "On time", align: "right" },
        { heading: zh ? "满意度" : "Satisf.", align: "right" },
        { heading: zh ? "绩效" : "Perf.", align: "right" },
        { heading: zh ? "能力" : "Ability", align: "right" },
        { heading: zh ? "象限" : "Quadrant" },
        { heading: zh ? "措施" : "Action" },
      ],
      report.officers.map((officer) => [
        zh ? officer.name : officer.personId,
        String(officer.complaints),
        percent(kpi(officer, "resolvedRatio")),
        percent(kpi(officer, "resolutionOnTime")),
        kpi(officer, "satisfaction")?.toFixed(1) ?? "—",
        officer.performance.toFixed(1),
        String(officer.ability),
        officer.quadrant,
        Organisation.QuadrantAction.label(officer.action, locale),
      ]),
    ),
    "",
    `  ${report.distribution
      .map((row) => `${row.quadrant} ${Organisation.QuadrantAction.label(row.action, locale)} ${row.count}`)
      .join(" · ")}`,
    zh
      ? `  下季度培训计划表的培训需求：${report.trainingNeeds} 人（B、D 象限）。`
      : `  Training needs for next quarter's plan: ${report.trainingNeeds} (quadrants B and D).`,
  ]
  return out.join("\n")
}
