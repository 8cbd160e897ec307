import type { BusinessCalendar } from "../../calendar/index.ts"
import * as Money from "../../money/money.ts"
import type { Role } from "../../roles/role.ts"
import { addDays, type CivilDate, daysBetween } from "../../time/civil-date.ts"
import type { Instant } from "../../time/instant.ts"
import { Channel } from "../labels/channel.ts"
import { ComplaintType } from "../labels/complaint-type.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { LitigationVerdict } from "../labels/litigation-verdict.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import { RootCause } from "../labels/root-cause.ts"
import { Urgency } from "../labels/urgency.ts"
import type { ComplaintEvent } from "../process/events.ts"
import type { SlaKind } from "../process/sla.ts"
import type { ResponsibilityShare } from "../schema/responsibility.ts"
import { type ComplaintFacts, complaintFacts } from "./complaint-facts.ts"
import { type DurationFigures, durationFigures, ratio } from "./figures.ts"
import { type ParetoRow, pareto } from "./pareto.ts"

/** One line of a breakdown: how many complaints, their share of all, and what they cost. */
export interface BreakdownRow<Key extends string = string> {
  readonly key: Key
  readonly count: number
  /** Share of the complaints in the period, 0–1. */
  readonly share: number
  readonly loss: Money.Money
}

/** How one service level was kept. */
export interface SlaFigures {
  /** Responses (or resolutions) measured. */
  readonly measured: number
  /** Of those, given by the deadline. */
  readonly onTime: number
  readonly onTimeRatio: number | undefined
  /** Deadlines that passed (a late response or resolution, or one still outstanding). */
  readonly breached: number
  /** Working minutes taken, stopped time excluded. */
  readonly workingMinutes: DurationFigures
}

/** A department's part in the complaints (责任归属), its loss apportioned by the shares. */
export interface DepartmentRow {
  readonly departmentId: string
  /** Complaints the department had a share in. */
  readonly cases: number
  /** The shares added up: 0.6 for a complaint the department bears 60 % of. */
  readonly weightedCases: number
  readonly loss: Money.Money
}

/** A cause of the Pareto analysis: root cause within a content category (品质 · 疏忽大意). */
export type CauseKey = `${ContentCategory}/${RootCause}`

/**
 * The statistics of 客户投诉统计表, 分析表 and 总结表, computed from the events of the complaints
 * received in a period.
 */
export interface ComplaintStatistics {
  readonly period: { readonly from: CivilDate; readonly to: CivilDate; readonly days: number }
  readonly currency: string
  readonly total: number
  readonly accepted: number
  readonly rejected: number
  readonly withdrawn: number
  /** Settled: remedied, explained or decided in litigation (已解决). */
  readonly resolved: number
  readonly open: number
  /** 解决比例: resolved ÷ complaints (总结表). */
  readonly resolvedRatio: number | undefined
  /** 每天投诉次数: complaints ÷ calendar days of the period. */
  readonly dailyAverage: number
  /** 涉及产品质量的次数. */
  readonly qualityCount: number
  readonly perDay: ReadonlyArray<{ readonly date: CivilDate; readonly count: number }>
  readonly byType: ReadonlyArray<BreakdownRow<ComplaintType>>
  readonly byCategory: ReadonlyArray<BreakdownRow<ContentCategory | "unclassified">>
  readonly byChannel: ReadonlyArray<BreakdownRow<Channel>>
  readonly byUrgency: ReadonlyArray<BreakdownRow<Urgency>>
  readonly byCause: ReadonlyArray<BreakdownRow<RootCause | "notInvestigated">>
  readonly byOutcome: ReadonlyArray<BreakdownRow<ResolutionOutcome | "open">>
  readonly byRejectionReason: ReadonlyArray<BreakdownRow<RejectionReason>>
  readonly byDepartment: ReadonlyArray<DepartmentRow>
  readonly byRemedy: ReadonlyArray<{
    readonly kind: RemedyKind
    readonly cases: number
    readonly amount: Money.Money
  }>
  readonly sla: {
    readonly firstResponse: SlaFigures
    readonly resolution: SlaFigures
    readonly byUrgency: ReadonlyArray<{
      readonly urgency: Urgency
      readonly firstResponse: SlaFigures
      readonly resolution: SlaFigures
    }>
    /** Open complaints whose deadline had passed at `asOf`. */
    readonly openOverdue: number
  }
  readonly escalations: {
    readonly total: number
    readonly casesEscalated: number
    readonly byRung: ReadonlyArray<{ readonly level: number; readonly role: Role; readonly count: number }>
    readonly bySla: Readonly<Record<SlaKind, number>>
    /** Complaints by the highest rung they reached (0: never escalated). */
    readonly byHighestLevel: ReadonlyArray<{ readonly level: number; readonly cases: number }>
  }
  readonly approvals: {
    readonly submitted: number
    readonly approved: number
    readonly rejected: number
    readonly withdrawn: number
    readonly pending: number
    readonly byDecidingRole: ReadonlyArray<{
      readonly role: Role
      readonly count: number
      readonly amount: Money.Money
    }>
  }
  readonly litigation: {
    readonly started: number
    readonly byVerdict: ReadonlyArray<{ readonly verdict: LitigationVerdict; readonly count: number }>
  }
  readonly customerRefusals: number
  readonly reopened: { readonly cases: number; readonly times: number }
  readonly losses: { readonly total: Money.Money; readonly averagePerResolved: Money.Money | undefined }
  readonly followUp: {
    readonly due: number
    readonly recorded: number
    readonly overdue: number
    readonly averageSatisfaction: number | undefined
    readonly distribution: ReadonlyArray<{ readonly score: 1 | 2 | 3 | 4 | 5; readonly count: number }>
  }
  readonly pausedWorkingMinutes: number
  readonly remindersSent: number
  /** The Pareto of causes: root cause within content category, over investigated complaints. */
  readonly causePareto: ReadonlyArray<ParetoRow<CauseKey>>
}

/** Options of `complaintStatistics`. */
export interface StatisticsOptions {
  readonly calendar: BusinessCalendar
  readonly currency: string
  /** The first day of the period (local); the earliest complaint's day when absent. */
  readonly from?: CivilDate
  /** The last day of the period (local, inclusive); the latest complaint's day when absent. */
  readonly to?: CivilDate
  /** The instant "now" for open-and-overdue counts; the last event's instant when absent. */
  readonly asOf?: Instant
}

function breakdown<Key extends string>(
  facts: ReadonlyArray<ComplaintFacts>,
  keys: ReadonlyArray<Key>,
  keyOf: (fact: ComplaintFacts) => Key,
  currency: string,
): ReadonlyArray<BreakdownRow<Key>> {
  const counts = new Map<Key, { count: number; loss: number }>(
    keys.map((key) => [key, { count: 0, loss: 0 }]),
  )
  for (const fact of facts) {
    const key = keyOf(fact)
    const entry = counts.get(key) ?? { count: 0, loss: 0 }
    entry.count += 1
    entry.loss += fact.loss.minor
    counts.set(key, entry)
  }
  return [...counts.entries()].map(([key, entry]) => ({
    key,
    count: entry.count,
    share: facts.length === 0 ? 0 : entry.count / facts.length,
    loss: Money.ofMinor(entry.loss, currency),
  }))
}

function firstResponseFigures(facts: ReadonlyArray<ComplaintFacts>): SlaFigures {
  const measured = facts.filter((fact) => fact.firstResponseWorkingMinutes !== undefined)
  const onTime = measured.filter((fact) => fact.firstResponseOnTime).length
  return {
    measured: measured.length,
    onTime,
    onTimeRatio: ratio(onTime, measured.length),
    breached: facts.filter((fact) => fact.breaches.some((breach) => breach.sla === "firstResponse")).length,
    workingMinutes: durationFigures(measured.map((fact) => fact.firstResponseWorkingMinutes!)),
  }
}

function resolutionFigures(facts: ReadonlyArray<ComplaintFacts>): SlaFigures {
  // Litigation stops the complaint's clock, so decided cases are not measured against it.
  const measured = facts.flatMap((fact) =>
    fact.resolutions.filter((resolution) => resolution.outcome !== "litigated"),
  )
  const onTime = measured.filter((resolution) => resolution.onTime).length
  return {
    measured: measured.length,
    onTime,
    onTimeRatio: ratio(onTime, measured.length),
    breached: facts.reduce(
      (total, fact) => total + fact.breaches.filter((breach) => breach.sla === "resolution").length,
      0,
    ),
    workingMinutes: durationFigures(measured.map((resolution) => resolution.workingMinutes)),
  }
}

/** Splits a loss among departments by their shares (tenths of a percent), exactly. */
function apportion(
  loss: Money.Money,
  shares: ReadonlyArray<{ readonly sharePercent: number }>,
): Array<Money.Money> {
  if (shares.length === 0) return []
  const weights = shares.map((share) => Math.round(share.sharePercent * 10))
  return weights.reduce((total, weight) => total + weight, 0) > 0
    ? Money.allocate(loss, weights)
    : shares.map(() => Money.zero(loss.currency))
}

/** Settled: remedied, explained or decided in litigation (已解决 of 客户投诉总结表). */
export const isResolvedOutcome = (outcome: ResolutionOutcome | undefined): boolean =>
  outcome === "remedied" || outcome === "explained" || outcome === "litigated"

/** What the department breakdown reads of a complaint: its loss and the responsibility shares. */
export interface ApportionedComplaint {
  readonly loss: Money.Money
  readonly responsibility: ReadonlyArray<ResponsibilityShare>
}

/**
 * Each department's part in the complaints (责任归属): the complaints it had a share in, the
 * shares added up and the loss apportioned by them, the heaviest first. Shared by the statistics
 * and the periodic analysis, so both name the same departments responsible.
 */
export function departmentBreakdown(
  complaints: ReadonlyArray<ApportionedComplaint>,
  currency: string,
): ReadonlyArray<DepartmentRow> {
  const departments = new Map<string, { cases: number; weighted: number; loss: number }>()
  for (const complaint of complaints) {
    const parts = apportion(complaint.loss, complaint.responsibility)
    complaint.responsibility.forEach((share, index) => {
      const entry = departments.get(share.departmentId) ?? { cases: 0, weighted: 0, loss: 0 }
      entry.cases += 1
      entry.weighted += share.sharePercent / 100
      entry.loss += parts[index]?.minor ?? 0
      departments.set(share.departmentId, entry)
    })
  }
  return [...departments.entries()]
    .map(([departmentId, entry]) => ({
      departmentId,
      cases: entry.cases,
      weightedCases: Math.round(entry.weighted * 1000) / 1000,
      loss: Money.ofMinor(entry.loss, currency),
    }))
    .sort(
      (left, right) =>
        right.weightedCases - left.weightedCases || (left.departmentId < right.departmentId ? -1 : 1),
    )
}

/**
 * The Pareto of causes (客户投诉原因分析模型): root cause within content category, over the
 * complaints whose cause was investigated.
 */
export function causePareto(
  complaints: ReadonlyArray<{
    readonly category?: ContentCategory | undefined
    readonly cause?: RootCause | undefined
  }>,
): ReadonlyArray<ParetoRow<CauseKey>> {
  const counts = new Map<CauseKey, number>()
  for (const complaint of complaints) {
    if (complaint.cause === undefined || complaint.category === undefined) continue
    const key: CauseKey = `${complaint.category}/${complaint.cause}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return pareto([...counts.entries()].map(([key, count]) => ({ key, count })))
}

/**
 * The statistics of the complaints received in a period, from each complaint's events:
 * counts per day and by type, category, channel, urgency, cause, outcome and department; the
 * resolved ratio (已解决 ÷ 投诉次数, 客户投诉总结表); on-time ratios against the deadlines
 * (首次响应 and 承诺办理期限 vs 实际办理日) with first-response and resolution times in working
 * time (stopped time excluded); escalations; approvals; losses (损失金额, apportioned to
 * departments by 责任归属 shares); follow-up satisfaction; and the Pareto of causes.
 */
export function complaintStatistics(
  logs: Iterable<ReadonlyArray<ComplaintEvent>>,
  options: StatisticsOptions,
): ComplaintStatistics {
  const { calendar, currency } = options
  const all: Array<ComplaintFacts> = []
  let lastEventAt = Number.MIN_SAFE_INTEGER
  for (const events of logs) {
    if (events.length === 0) continue
    all.push(complaintFacts(events, calendar, currency))
    lastEventAt = Math.max(lastEventAt, events[events.length - 1]!.at)
  }
  const days = all.map((fact) => fact.receivedOn).sort()
  const from = options.from ?? days[0] ?? calendar.dateOf(options.asOf ?? 0)
  const to = options.to ?? days[days.length - 1] ?? from
  const facts = all.filter((fact) => fact.receivedOn >= from && fact.receivedOn <= to)
  const asOf = options.asOf ?? lastEventAt
  const periodDays = Math.max(1, daysBetween(from, to) + 1)

  const perDayCounts = new Map<string, number>()
  for (const fact of facts) perDayCounts.set(fact.receivedOn, (perDayCounts.get(fact.receivedOn) ?? 0) + 1)
  const perDay = Array.from({ length: periodDays }, (_, index) => {
    const date = addDays(from, index)
    return { date, count: perDayCounts.get(date) ?? 0 }
  })

  const remedies = new Map<RemedyKind, { cases: number; amount: number }>(
    RemedyKind.values.map((kind) => [kind, { cases: 0, amount: 0 }]),
  )
  for (const fact of facts) {
    const kinds = new Set(fact.remedies.map((remedy) => remedy.kind))
    for (const kind of kinds) remedies.get(kind)!.cases += 1
    for (const remedy of fact.remedies) remedies.get(remedy.kind)!.amount += remedy.amount.minor
  }

  const escalations = facts.flatMap((fact) => fact.escalations)
  const rungs = new Map<string, { level: number; role: Role; count: number }>()
  for (const escalation of escalations) {
    const key = `${escalation.level}:${escalation.role}`
    const entry = rungs.get(key) ?? { level: escalation.level, role: escalation.role, count: 0 }
    entry.count += 1
    rungs.set(key, entry)
  }
  const highest = new Map<number, number>()
  for (const fact of facts) {
    const level = fact.escalations.reduce((max, escalation) => Math.max(max, escalation.level), 0)
    highest.set(level, (highest.get(level) ?? 0) + 1)
  }

  const approvals = facts.flatMap((fact) => fact.approvals)
  const approvalRoles = new Map<Role, { count: number; amount: number }>()
  for (const approval of approvals) {
    const entry = approvalRoles.get(approval.decidingRole) ?? { count: 0, amount: 0 }
    entry.count += 1
    entry.amount += approval.total.minor
    approvalRoles.set(approval.decidingRole, entry)
  }

  const resolved = facts.filter((fact) => isResolvedOutcome(fact.outcome)).length
  const totalLoss = Money.sum(
    facts.map((fact) => fact.loss),
    currency,
  )
  const scores = facts.flatMap((fact) => (fact.satisfaction === undefined ? [] : [fact.satisfaction]))
  const open = facts.filter((fact) => fact.outcome === undefined)
  const openOverdue = open.filter((fact) => fact.openDueAt !== undefined && fact.openDueAt < asOf).length

  return {
    period: { from, to, days: periodDays },
    currency,
    total: facts.length,
    accepted: facts.filter((fact) => fact.acceptedAt !== undefined).length,
    rejected: facts.filter((fact) => fact.outcome === "rejected").length,
    withdrawn: facts.filter((fact) => fact.outcome === "withdrawn").length,
    resolved,
    open: open.length,
    resolvedRatio: ratio(resolved, facts.length),
    dailyAverage: facts.length / periodDays,
    qualityCount: facts.filter((fact) => fact.category === "quality").length,
    perDay,
    byType: breakdown(facts, ComplaintType.values, (fact) => fact.type, currency),
    byCategory: breakdown(
      facts,
      [...ContentCategory.values, "unclassified"],
      (fact) => fact.category ?? "unclassified",
      currency,
    ),
    byChannel: breakdown(facts, Channel.values, (fact) => fact.channel, currency),
    byUrgency: breakdown(facts, Urgency.values, (fact) => fact.urgency, currency),
    byCause: breakdown(
      facts,
      [...RootCause.values, "notInvestigated"],
      (fact) => fact.cause ?? "notInvestigated",
      currency,
    ),
    byOutcome: breakdown(
      facts,
      [...ResolutionOutcome.values, "open"],
      (fact) => fact.outcome ?? "open",
      currency,
    ),
    byRejectionReason: breakdown(
      facts.filter((fact) => fact.rejectionReason !== undefined),
      RejectionReason.values,
      (fact) => fact.rejectionReason!,
      currency,
    ).map((row) => ({ ...row, share: facts.length === 0 ? 0 : row.count / facts.length })),
    byDepartment: departmentBreakdown(facts, currency),
    byRemedy: [...remedies.entries()].map(([kind, entry]) => ({
      kind,
      cases: entry.cases,
      amount: Money.ofMinor(entry.amount, currency),
    })),
    sla: {
      firstResponse: firstResponseFigures(facts),
      resolution: resolutionFigures(facts),
      byUrgency: Urgency.values.map((urgency) => {
        const subset = facts.filter((fact) => fact.urgency === urgency)
        return { urgency, firstResponse: firstResponseFigures(subset), resolution: resolutionFigures(subset) }
      }),
      openOverdue,
    },
    escalations: {
      total: escalations.length,
      casesEscalated: facts.filter((fact) => fact.escalations.length > 0).length,
      byRung: [...rungs.values()].sort(
        (left, right) => left.level - right.level || (left.role < right.role ? -1 : 1),
      ),
      bySla: {
        firstResponse: escalations.filter((escalation) => escalation.sla === "firstResponse").length,
        resolution: escalations.filter((escalation) => escalation.sla === "resolution").length,
      },
      byHighestLevel: [...highest.entries()]
        .map(([level, cases]) => ({ level, cases }))
        .sort((left, right) => left.level - right.level),
    },
    approvals: {
      submitted: approvals.length,
      approved: approvals.filter((approval) => approval.outcome === "approved").length,
      rejected: approvals.filter((approval) => approval.outcome === "rejected").length,
      withdrawn: approvals.filter((approval) => approval.outcome === "withdrawn").length,
      pending: approvals.filter((approval) => approval.outcome === "pending").length,
      byDecidingRole: [...approvalRoles.entries()].map(([role, entry]) => ({
        role,
        count: entry.count,
        amount: Money.ofMinor(entry.amount, currency),
      })),
    },
    litigation: {
      started: facts.filter((fact) => fact.litigated).length,
      byVerdict: LitigationVerdict.values.map((verdict) => ({
        verdict,
        count: facts.filter((fact) => fact.litigationVerdict === verdict).length,
      })),
    },
    customerRefusals: facts.reduce((total, fact) => total + fact.customerRefusals, 0),
    reopened: {
      cases: facts.filter((fact) => fact.reopenCount > 0).length,
      times: facts.reduce((total, fact) => total + fact.reopenCount, 0),
    },
    losses: {
      total: totalLoss,
      averagePerResolved: resolved === 0 ? undefined : Money.scale(totalLoss, 1, resolved),
    },
    followUp: {
      due: facts.filter((fact) => fact.followUpDueAt !== undefined).length,
      recorded: scores.length,
      overdue: facts.filter((fact) => fact.followUpOverdue).length,
      averageSatisfaction:
        scores.length === 0 ? undefined : scores.reduce((total, score) => total + score, 0) / scores.length,
      distribution: ([1, 2, 3, 4, 5] as const).map((score) => ({
        score,
        count: scores.filter((value) => value === score).length,
      })),
    },
    pausedWorkingMinutes: facts.reduce((total, fact) => total + fact.pausedWorkingMinutes, 0),
    remindersSent: facts.reduce((total, fact) => total + fact.remindersSent, 0),
    causePareto: causePareto(facts),
  }
}

/** Reads the facts of every complaint, for reports that list complaints one by one. */
export function factsOfAll(
  logs: Iterable<ReadonlyArray<ComplaintEvent>>,
  calendar: BusinessCalendar,
  currency: string,
): ReadonlyArray<ComplaintFacts> {
  const out: Array<ComplaintFacts> = []
  for (const events of logs) if (events.length > 0) out.push(complaintFacts(events, calendar, currency))
  return out
}
