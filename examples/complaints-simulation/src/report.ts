import { addDays, type CivilDate, Complaints, type Label, label, Money, Role } from "@tixi/core"
import { type CallCentreReport, runCallCentreDay } from "./call-centre.ts"
import { company, departmentEnglish, departmentNameOf } from "./company.ts"
import { customerExperiences } from "./customer-experience.ts"
import { type GradingCreditReport, gradeAndScore } from "./grading-credit.ts"
import { appraiseOfficers, type OfficerAppraisalReport } from "./officer-appraisal.ts"
import type { OrganisationAccessReport } from "./organisation-access.ts"
import { runSatisfactionSurvey, type SatisfactionSurveyReport } from "./satisfaction-survey.ts"
import type { SimulationOutcome } from "./simulation.ts"

/** A breakdown row as the report keeps it: the key, its labels, the count, share and loss. */
export interface ReportRow {
  readonly key: string
  readonly label: Label
  readonly count: number
  readonly share: number
  /** Yuan, exact decimal string. */
  readonly loss: string
}

/** One escalation, as the log keeps it. */
export interface EscalationEntry {
  readonly complaintId: string
  readonly sla: Complaints.SlaKind
  readonly level: number
  readonly role: string
  readonly dueAt: string
  readonly at: string
}

/**
 * Everything the demo shows, as data: written as JSON beside the terminal tables. It holds no
 * wall-clock time, so two runs with the same seed write the same bytes.
 */
export interface SimulationReport {
  readonly title: Label
  readonly seed: number
  readonly period: { readonly from: CivilDate; readonly to: CivilDate; readonly days: number }
  readonly calendar: {
    readonly id: string
    readonly name: Label
    readonly daysOff: ReadonlyArray<{ readonly date: CivilDate; readonly name: Label }>
    readonly makeUpWorkdays: ReadonlyArray<{ readonly date: CivilDate; readonly name: Label }>
  }
  readonly policy: {
    readonly version: string
    readonly sla: ReadonlyArray<{
      readonly urgency: Complaints.Urgency
      readonly firstResponseWorkingMinutes: number
      readonly resolutionWorkingMinutes: number
    }>
    readonly authority: Readonly<Record<string, number | "unlimited">>
  }
  readonly population: {
    readonly customers: number
    readonly organizations: number
    readonly persons: number
    readonly staff: number
  }
  readonly summary: {
    readonly complaints: number
    readonly dailyAverage: number
    readonly accepted: number
    readonly resolved: number
    readonly resolvedRatio: number | undefined
    readonly qualityComplaints: number
    readonly rejected: number
    readonly withdrawn: number
    readonly open: number
    readonly openOverdue: number
    readonly loss: string
    readonly averageLossPerResolved: string | undefined
    readonly litigations: number
    readonly reopened: number
    readonly averageSatisfaction: number | undefined
  }
  readonly weekly: ReadonlyArray<{
    readonly weekOf: CivilDate
    readonly complaints: number
    readonly escalations: Readonly<Record<string, number>>
    readonly note: Label | undefined
  }>
  readonly breakdowns: {
    readonly byCategory: ReadonlyArray<ReportRow>
    readonly byType: ReadonlyArray<ReportRow>
    readonly byChannel: ReadonlyArray<ReportRow>
    readonly byUrgency: ReadonlyArray<ReportRow>
    readonly byCause: ReadonlyArray<ReportRow>
    readonly byOutcome: ReadonlyArray<ReportRow>
    readonly byRejectionReason: ReadonlyArray<ReportRow>
    readonly byDepartment: ReadonlyArray<{
      readonly departmentId: string
      readonly label: Label
      readonly cases: number
      readonly weightedCases: number
      readonly loss: string
    }>
    readonly byRemedy: ReadonlyArray<{
      readonly kind: string
      readonly label: Label
      readonly cases: number
      readonly amount: string
    }>
  }
  readonly sla: {
    readonly overall: {
      readonly firstResponse: Complaints.SlaFigures
      readonly resolution: Complaints.SlaFigures
    }
    readonly byUrgency: ReadonlyArray<{
      readonly urgency: Complaints.Urgency
      readonly label: Label
      readonly firstResponseTarget: number
      readonly resolutionTarget: number
      readonly firstResponse: Complaints.SlaFigures
      readonly resolution: Complaints.SlaFigures
    }>
    readonly pausedWorkingMinutes: number
    readonly remindersSent: number
  }
  readonly escalations: {
    readonly total: number
    readonly casesEscalated: number
    readonly byRung: ReadonlyArray<{
      readonly level: number
      readonly role: string
      readonly label: Label
      readonly count: number
      readonly firstResponse: number
      readonly resolution: number
    }>
    readonly byHighestLevel: ReadonlyArray<{ readonly level: number; readonly cases: number }>
    /** The complaints that climbed highest, longest overdue first: their ladder, step by step. */
    readonly worst: ReadonlyArray<{
      readonly complaintId: string
      readonly customer: string
      readonly urgency: Complaints.Urgency
      readonly category: Complaints.ContentCategory | undefined
      readonly ladder: ReadonlyArray<{ readonly cycle: number; readonly role: string; readonly at: string }>
      readonly outcome: string
      readonly overdueWorkingDays: number
    }>
    readonly log: ReadonlyArray<EscalationEntry>
  }
  readonly approvals: {
    readonly submitted: number
    readonly approved: number
    readonly rejected: number
    readonly withdrawn: number
    readonly pending: number
    readonly byDecidingRole: ReadonlyArray<{
      readonly role: string
      readonly label: Label
      readonly count: number
      readonly amount: string
    }>
  }
  readonly litigation: {
    readonly started: number
    readonly byVerdict: ReadonlyArray<{
      readonly verdict: string
      readonly label: Label
      readonly count: number
    }>
  }
  readonly customerRefusals: number
  readonly followUp: Complaints.ComplaintStatistics["followUp"]
  readonly pareto: ReadonlyArray<{
    readonly key: string
    readonly label: Label
    readonly count: number
    readonly share: number
    readonly cumulativeShare: number
    readonly class: "A" | "B" | "C"
  }>
  readonly summaryForm: Complaints.SummaryRecord
  /** The same customers graded, credit-scored and screened for key accounts on the last day. */
  readonly gradingCredit: GradingCreditReport
  /** The quarter's satisfaction survey round, through the survey-cycle process after the last day. */
  readonly satisfaction: SatisfactionSurveyReport
  /** The 400 hotline's next working day: history, forecast, staffing, shift schedule and KPIs. */
  readonly callCentre: CallCentreReport
  /** The quarter's appraisal of the complaint officers on the ability × performance quadrant. */
  readonly officerAppraisal: OfficerAppraisalReport
  /** The organisation chart, a claim the directory refused, one complaint as three readers see it, the audit trail. */
  readonly organisationAccess: OrganisationAccessReport
  readonly system: {
    /** The durable engine the complaints ran on and the turns it took (commands and timers). */
    readonly engine: { readonly kind: string; readonly database: string; readonly turns: number }
    readonly runner: SimulationOutcome["runner"]
    readonly host: SimulationOutcome["host"]
    readonly policyRefusals: SimulationOutcome["policyRefusals"]
    readonly deadLetters: SimulationOutcome["deadLetters"]
    readonly unexpectedRefusals: SimulationOutcome["unexpectedRefusals"]
  }
}

const major = (amount: Money.Money) => Money.toMajorString(amount)

const extraLabels: Readonly<Record<string, Label>> = {
  unclassified: label("未分类", "Not classified"),
  notInvestigated: label("未调查", "Not investigated"),
  open: label("处理中", "Open"),
}

function rows<Key extends string>(
  breakdown: ReadonlyArray<Complaints.BreakdownRow<Key>>,
  labelOf: (key: Key) => Label,
): ReadonlyArray<ReportRow> {
  return breakdown.map((row) => ({
    key: row.key,
    label: labelOf(row.key),
    count: row.count,
    share: row.share,
    loss: major(row.loss),
  }))
}

const labelled =
  <Value extends string>(enumeration: { readonly labels: { readonly [K in Value]: Label } }) =>
  (key: string): Label =>
    (enumeration.labels as Record<string, Label>)[key] ?? extraLabels[key] ?? label(key, key)

const departmentLabel = (id: string) => label(departmentNameOf(id), departmentEnglish[id] ?? id)

/** What a week holds off the ordinary: days off (春节放假 7 天) and make-up working days (02-14 调休上班). */
function weekNote(
  daysOff: ReadonlyArray<{ readonly date: CivilDate; readonly name: Label }>,
  makeUp: ReadonlyArray<{ readonly date: CivilDate; readonly name: Label }>,
): Label | undefined {
  const parts: Array<Label> = []
  const names = [...new Set(daysOff.map((day) => day.name["zh-CN"]))]
  for (const name of names) {
    const days = daysOff.filter((day) => day.name["zh-CN"] === name)
    const english = days[0]!.name.en
    parts.push(
      label(
        `${name}放假 ${days.length} 天`,
        `${english}: ${days.length} day${days.length === 1 ? "" : "s"} off`,
      ),
    )
  }
  for (const day of makeUp)
    parts.push(label(`${day.date.slice(5)} 调休上班`, `${day.date.slice(5)} make-up working day`))
  if (parts.length === 0) return undefined
  return label(parts.map((part) => part["zh-CN"]).join("，"), parts.map((part) => part.en).join(", "))
}

/** Builds the report of a run. */
export function buildReport(outcome: SimulationOutcome): SimulationReport {
  const { calendar, policy, options } = outcome
  const statistics = Complaints.complaintStatistics(
    outcome.logs.map((log) => log.events),
    {
      calendar,
      currency: policy.currency,
      from: options.start,
      to: addDays(options.start, options.days - 1),
      asOf: outcome.endAt,
    },
  )
  const when = (at: number) => Complaints.localDateTime(calendar, at)
  const facts = new Map(
    Complaints.factsOfAll(
      outcome.logs.map((log) => log.events),
      calendar,
      policy.currency,
    ).map((fact) => [fact.complaintId, fact]),
  )

  const complaintsByCustomer = new Map<string, number>()
  for (const fact of facts.values())
    complaintsByCustomer.set(fact.customerId, (complaintsByCustomer.get(fact.customerId) ?? 0) + 1)

  const daysOff: Array<{ date: CivilDate; name: Label }> = []
  const makeUpWorkdays: Array<{ date: CivilDate; name: Label }> = []
  for (let day = 0; day < options.days; day++) {
    const date = addDays(options.start, day)
    const description = calendar.describeDay(date)
    if (description.kind === "holiday" && description.name) daysOff.push({ date, name: description.name })
    if (description.kind === "makeUpWorkday" && description.name)
      makeUpWorkdays.push({ date, name: description.name })
  }

  const log: Array<EscalationEntry> = []
  for (const { complaintId, events } of outcome.logs)
    for (const event of events)
      if (event.type === "Escalated")
        log.push({
          complaintId,
          sla: event.sla,
          level: event.level,
          role: event.role,
          dueAt: when(event.dueAt),
          at: when(event.at),
        })

  const weeks = Math.ceil(options.days / 7)
  const weekly = Array.from({ length: weeks }, (_, index) => {
    const weekOf = addDays(options.start, index * 7)
    const end = addDays(weekOf, 7)
    const inWeek = (date: string) => date >= weekOf && date < end
    const escalations: Record<string, number> = { supervisor: 0, manager: 0, director: 0 }
    for (const entry of log)
      if (inWeek(entry.at.slice(0, 10))) escalations[entry.role] = (escalations[entry.role] ?? 0) + 1
    return {
      weekOf,
      complaints: statistics.perDay
        .filter((day) => inWeek(day.date))
        .reduce((sum, day) => sum + day.count, 0),
      escalations,
      note: weekNote(
        daysOff.filter((day) => inWeek(day.date)),
        makeUpWorkdays.filter((day) => inWeek(day.date)),
      ),
    }
  })

  const worst = [...facts.values()]
    .filter((fact) => fact.escalations.length > 0)
    .map((fact) => {
      const highest = fact.escalations.reduce((top, escalation) =>
        escalation.level > top.level ? escalation : top,
      )
      const settledAt = fact.resolutions.at(-1)?.resolvedAt ?? fact.closedAt ?? outcome.endAt
      return {
        fact,
        highest,
        overdue:
          Math.max(0, calendar.workingMinutesBetween(highest.dueAt, Math.min(settledAt, outcome.endAt))) /
          calendar.standardDayMinutes,
      }
    })
    .sort(
      (left, right) =>
        right.highest.level - left.highest.level ||
        right.overdue - left.overdue ||
        (left.fact.complaintId < right.fact.complaintId ? -1 : 1),
    )
    .slice(0, 8)
    .map(({ fact, overdue }) => ({
      complaintId: fact.complaintId,
      customer: fact.customerName,
      urgency: fact.urgency,
      category: fact.category,
      ladder: fact.escalations.map((escalation) => ({
        cycle: escalation.cycle,
        role: escalation.role,
        at: when(escalation.at),
      })),
      outcome: fact.outcome ?? "open",
      overdueWorkingDays: Math.round(overdue * 10) / 10,
    }))

  const roleLabel = (role: string) => (Role.is(role) ? Role.labels[role] : label(role, role))
  const customers = outcome.customers
  return {
    title: label("tixi 客户投诉管理 · 90 天模拟", "tixi complaints management · a 90-day simulation"),
    seed: options.seed,
    period: statistics.period,
    calendar: { id: calendar.definition.id, name: calendar.definition.name, daysOff, makeUpWorkdays },
    policy: {
      version: policy.version,
      sla: Complaints.Urgency.values.map((urgency) => ({
        urgency,
        firstResponseWorkingMinutes: policy.sla[urgency].firstResponseWorkingMinutes,
        resolutionWorkingMinutes: policy.sla[urgency].resolutionWorkingMinutes,
      })),
      authority: { ...(policy.authority.limits["complaint.remedy"] ?? {}) } as Record<
        string,
        number | "unlimited"
      >,
    },
    population: {
      customers: customers.length,
      organizations: customers.filter((customer) => customer.kind === "organization").length,
      persons: customers.filter((customer) => customer.kind === "person").length,
      staff: company.people.length,
    },
    summary: {
      complaints: statistics.total,
      dailyAverage: Math.round(statistics.dailyAverage * 10) / 10,
      accepted: statistics.accepted,
      resolved: statistics.resolved,
      resolvedRatio: statistics.resolvedRatio,
      qualityComplaints: statistics.qualityCount,
      rejected: statistics.rejected,
      withdrawn: statistics.withdrawn,
      open: statistics.open,
      openOverdue: statistics.sla.openOverdue,
      loss: major(statistics.losses.total),
      averageLossPerResolved:
        statistics.losses.averagePerResolved && major(statistics.losses.averagePerResolved),
      litigations: statistics.litigation.started,
      reopened: statistics.reopened.cases,
      averageSatisfaction:
        statistics.followUp.averageSatisfaction === undefined
          ? undefined
          : Math.round(statistics.followUp.averageSatisfaction * 100) / 100,
    },
    weekly,
    breakdowns: {
      byCategory: rows(statistics.byCategory, labelled(Complaints.ContentCategory)),
      byType: rows(statistics.byType, labelled(Complaints.ComplaintType)),
      byChannel: rows(statistics.byChannel, labelled(Complaints.Channel)),
      byUrgency: rows(statistics.byUrgency, labelled(Complaints.Urgency)),
      byCause: rows(statistics.byCause, labelled(Complaints.RootCause)),
      byOutcome: rows(statistics.byOutcome, labelled(Complaints.ResolutionOutcome)),
      byRejectionReason: rows(statistics.byRejectionReason, labelled(Complaints.RejectionReason)),
      byDepartment: statistics.byDepartment.map((row) => ({
        departmentId: row.departmentId,
        label: departmentLabel(row.departmentId),
        cases: row.cases,
        weightedCases: row.weightedCases,
        loss: major(row.loss),
      })),
      byRemedy: statistics.byRemedy.map((row) => ({
        kind: row.kind,
        label: Complaints.RemedyKind.labels[row.kind],
        cases: row.cases,
        amount: major(row.amount),
      })),
    },
    sla: {
      overall: { firstResponse: statistics.sla.firstResponse, resolution: statistics.sla.resolution },
      byUrgency: statistics.sla.byUrgency.map((row) => ({
        urgency: row.urgency,
        label: Complaints.Urgency.labels[row.urgency],
        firstResponseTarget: policy.sla[row.urgency].firstResponseWorkingMinutes,
        resolutionTarget: policy.sla[row.urgency].resolutionWorkingMinutes,
        firstResponse: row.firstResponse,
        resolution: row.resolution,
      })),
      pausedWorkingMinutes: Math.round(statistics.pausedWorkingMinutes),
      remindersSent: statistics.remindersSent,
    },
    escalations: {
      total: statistics.escalations.total,
      casesEscalated: statistics.escalations.casesEscalated,
      byRung: statistics.escalations.byRung.map((rung) => ({
        level: rung.level,
        role: rung.role,
        label: roleLabel(rung.role),
        count: rung.count,
        firstResponse: log.filter((entry) => entry.level === rung.level && entry.sla === "firstResponse")
          .length,
        resolution: log.filter((entry) => entry.level === rung.level && entry.sla === "resolution").length,
      })),
      byHighestLevel: statistics.escalations.byHighestLevel,
      worst,
      log,
    },
    approvals: {
      ...statistics.approvals,
      byDecidingRole: statistics.approvals.byDecidingRole.map((row) => ({
        role: row.role,
        label: roleLabel(row.role),
        count: row.count,
        amount: major(row.amount),
      })),
    },
    litigation: {
      started: statistics.litigation.started,
      byVerdict: statistics.litigation.byVerdict.map((row) => ({
        verdict: row.verdict,
        label: Complaints.LitigationVerdict.labels[row.verdict],
        count: row.count,
      })),
    },
    customerRefusals: statistics.customerRefusals,
    followUp: statistics.followUp,
    pareto: statistics.causePareto.map((row) => {
      const [category, cause] = row.key.split("/") as [Complaints.ContentCategory, Complaints.RootCause]
      const categoryLabel = Complaints.ContentCategory.labels[category]
      const causeLabel = Complaints.RootCause.labels[cause]
      return {
        key: row.key,
        label: label(
          `${categoryLabel["zh-CN"]} · ${causeLabel["zh-CN"]}`,
          `${categoryLabel.en} · ${causeLabel.en}`,
        ),
        count: row.count,
        share: row.share,
        cumulativeShare: row.cumulativeShare,
        class: row.class,
      }
    }),
    summaryForm: Complaints.summaryRecordOf(statistics),
    gradingCredit: gradeAndScore(
      outcome.customers,
      options.seed,
      addDays(options.start, options.days - 1),
      complaintsByCustomer,
    ),
    satisfaction: runSatisfactionSurvey({
      experiences: customerExperiences(customers, [...facts.values()]),
      calendar,
      seed: options.seed,
      quarterStart: options.start,
      quarterEnd: addDays(options.start, options.days - 1),
    }),
    callCentre: runCallCentreDay({
      contacts: [...facts.values()].map((fact) => ({
        at: fact.receivedAt,
        byPhone: fact.channel === "phone",
      })),
      calendar,
      seed: options.seed,
      periodStart: options.start,
      periodDays: options.days,
    }),
    officerAppraisal: appraiseOfficers({
      logs: outcome.logs.map((log) => log.events),
      calendar,
      currency: policy.currency,
      from: options.start,
      to: addDays(options.start, options.days - 1),
      asOf: outcome.endAt,
      seed: options.seed,
    }),
    organisationAccess: outcome.organisationAccess,
    system: {
      engine: { kind: outcome.engine.engine, database: "PGlite", turns: outcome.engine.turns },
      runner: outcome.runner,
      host: outcome.host,
      policyRefusals: outcome.policyRefusals,
      deadLetters: outcome.deadLetters,
      unexpectedRefusals: outcome.unexpectedRefusals,
    },
  }
}
