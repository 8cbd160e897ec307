import { Complaints, type Label, type Locale, Money, Role } from "@tixi/core"
import { renderCallCentre } from "./call-centre.ts"
import { renderGradingCredit } from "./grading-credit.ts"
import { renderOfficerAppraisal } from "./officer-appraisal.ts"
import { renderOrganisationAccess } from "./organisation-access.ts"
import type { ReportRow, SimulationReport } from "./report.ts"
import { renderSatisfactionSurvey } from "./satisfaction-survey-render.ts"
import { bar, pad, table } from "./text-table.ts"

/** Words of the report in both languages. */
const words = {
  period: { "zh-CN": "模拟期间", en: "Period" },
  to: { "zh-CN": "至", en: "to" },
  customers: { "zh-CN": "位客户", en: "customers" },
  organizations: { "zh-CN": "法人", en: "organisations" },
  persons: { "zh-CN": "自然人", en: "natural persons" },
  staff: { "zh-CN": "名员工", en: "staff" },
  calendar: { "zh-CN": "工作日历", en: "Calendar" },
  daysOff: { "zh-CN": "放假", en: "days off" },
  makeUp: { "zh-CN": "调休上班", en: "make-up working days" },
  policy: { "zh-CN": "制度版本", en: "Policy" },
  seed: { "zh-CN": "随机种子", en: "seed" },
  count: { "zh-CN": "件数", en: "Count" },
  share: { "zh-CN": "占比", en: "Share" },
  loss: { "zh-CN": "损失金额", en: "Loss" },
} satisfies Record<string, Label>

const headings = [
  { "zh-CN": "一、客户投诉总结表", en: "1. Complaint summary (客户投诉总结表)" },
  { "zh-CN": "二、每周投诉量与升级", en: "2. Complaints and escalations by week" },
  { "zh-CN": "三、投诉分类统计（客户投诉统计表）", en: "3. Complaints by category, channel and urgency" },
  { "zh-CN": "四、服务时限达成情况（按工作时间计）", en: "4. Service levels kept (in working time)" },
  { "zh-CN": "五、升级记录", en: "5. Escalation log" },
  { "zh-CN": "六、原因柏拉图（内容 · 原因）", en: "6. Pareto of causes (content · root cause)" },
  {
    "zh-CN": "七、责任部门（按责任比率分摊损失）",
    en: "7. Responsible departments (loss apportioned by share)",
  },
  { "zh-CN": "八、处理方案、审批与诉讼", en: "8. Remedies, approvals and litigation" },
  { "zh-CN": "九、回访满意度", en: "9. Follow-up satisfaction" },
  {
    "zh-CN": "十、运行情况（PGlite 上的持久化运行时与模拟宿主）",
    en: "10. The run (durable runtime over PGlite, simulated hosts)",
  },
] satisfies ReadonlyArray<Label>

const number = new Intl.NumberFormat("en-US")

/** An escalation path by date, a reopened cycle after a bar: 主管 02-13 → 经理 02-14 ｜ 重开 主管 03-12. */
function ladderText(
  ladder: ReadonlyArray<{ readonly cycle: number; readonly role: string; readonly at: string }>,
  locale: Locale,
): string {
  return ladder
    .map((step, index) => {
      const role = Role.is(step.role) ? Role.label(step.role, locale) : step.role
      const text = `${role} ${step.at.slice(5, 10)}`
      if (index === 0) return text
      return step.cycle !== ladder[index - 1]!.cycle
        ? ` ｜ ${locale === "zh-CN" ? "重开后" : "reopened:"} ${text}`
        : ` → ${text}`
    })
    .join("")
}

/** Renders the report for a terminal, in Chinese (the default) or English. */
export function renderReport(
  report: SimulationReport,
  locale: Locale,
  elapsedSeconds: number,
  outputPath: string,
  /** The folder of this run's database and how many transactions it committed (they vary by run). */
  storage?: { readonly folder: string; readonly transactions: number },
): string {
  const t = (text: Label) => text[locale]
  const zh = locale === "zh-CN"
  const n = (value: number) => number.format(value)
  const pct = (value: number | undefined) => (value === undefined ? "—" : `${(value * 100).toFixed(1)}%`)
  const yuan = (major: string) => Money.format(Money.ofMajor(major, "CNY"), locale)
  const duration = (minutes: number | undefined) => {
    if (minutes === undefined) return "—"
    if (minutes < 60) return zh ? `${Math.round(minutes)} 分钟` : `${Math.round(minutes)} min`
    if (minutes < 480) return zh ? `${(minutes / 60).toFixed(1)} 小时` : `${(minutes / 60).toFixed(1)} h`
    return zh ? `${(minutes / 480).toFixed(1)} 工作日` : `${(minutes / 480).toFixed(1)} wd`
  }
  const target = (minutes: number) =>
    minutes < 480
      ? zh
        ? `${minutes / 60} 小时`
        : `${minutes / 60} h`
      : zh
        ? `${minutes / 480} 工作日`
        : `${minutes / 480} wd`
  const shortDate = (date: string) => date.slice(5)
  // Chinese takes full-width brackets and commas; English the ASCII ones, with a space before.
  const paren = (text: string) => (zh ? `（${text}）` : ` (${text})`)
  const comma = zh ? "，" : ", "
  const out: Array<string> = []
  const section = (index: number) => out.push("", t(headings[index]!), "")
  const { summary, population } = report

  // Title and setting.
  const daysOff = report.calendar.daysOff
  const offNames = [...new Set(daysOff.map((day) => t(day.name)))]
  out.push(t(report.title))
  out.push(
    `${t(words.period)} ${report.period.from} ${t(words.to)} ${report.period.to}${paren(`${report.period.days} ${zh ? "天" : "days"}`)} · ` +
      `${n(population.customers)} ${t(words.customers)}${paren(`${t(words.organizations)} ${population.organizations}${comma}${t(words.persons)} ${population.persons}`)} · ` +
      `${population.staff} ${t(words.staff)}`,
  )
  out.push(
    `${t(words.calendar)}: ${t(report.calendar.name)} — ${offNames
      .map((name) => {
        const days = daysOff.filter((day) => t(day.name) === name)
        const first = shortDate(days[0]!.date)
        const last = shortDate(days.at(-1)!.date)
        return `${name} ${first === last ? first : `${first}–${last}`}`
      })
      .join(zh ? "，" : ", ")} ${t(words.daysOff)}${zh ? "；" : "; "}` +
      `${report.calendar.makeUpWorkdays.map((day) => shortDate(day.date)).join(zh ? "、" : ", ")} ${t(words.makeUp)}`,
  )
  out.push(
    `${t(words.policy)} ${report.policy.version} · ${t(words.seed)} ${report.seed} · ` +
      (zh
        ? `模拟时钟，实际用时 ${elapsedSeconds.toFixed(1)} 秒`
        : `simulated clock, ran in ${elapsedSeconds.toFixed(1)} s of real time`),
  )

  // 1. Summary (总结表).
  section(0)
  const pairs: ReadonlyArray<[Label, string]> = [
    [{ "zh-CN": "投诉次数", en: "Complaints" }, n(summary.complaints)],
    [{ "zh-CN": "每天投诉次数", en: "Complaints a day" }, summary.dailyAverage.toFixed(1)],
    [
      { "zh-CN": "已解决投诉次数", en: "Resolved" },
      `${n(summary.resolved)}${paren(pct(summary.resolvedRatio))}`,
    ],
    [{ "zh-CN": "涉及产品质量的次数", en: "About product quality" }, n(summary.qualityComplaints)],
    [{ "zh-CN": "不予受理", en: "Not accepted" }, n(summary.rejected)],
    [{ "zh-CN": "客户撤回", en: "Withdrawn" }, n(summary.withdrawn)],
    [
      { "zh-CN": "期末未结（已超期）", en: "Open at the end (overdue)" },
      `${n(summary.open)}${paren(n(summary.openOverdue))}`,
    ],
    [
      { "zh-CN": "损失合计（件均）", en: "Loss (per resolved)" },
      `${yuan(summary.loss)}${paren(summary.averageLossPerResolved ? yuan(summary.averageLossPerResolved) : "—")}`,
    ],
    [
      { "zh-CN": "诉讼 / 重开", en: "Litigation / reopened" },
      `${n(summary.litigations)} / ${n(summary.reopened)}`,
    ],
    [
      { "zh-CN": "回访平均满意度", en: "Average satisfaction" },
      summary.averageSatisfaction === undefined ? "—" : `${summary.averageSatisfaction.toFixed(2)} / 5`,
    ],
  ]
  const colon = zh ? "：" : ": "
  for (let index = 0; index < pairs.length; index += 2) {
    const left = pairs[index]!
    const right = pairs[index + 1]
    const first = `  ${t(left[0])}${colon}${left[1]}`
    out.push(right ? `${pad(first, 44)}${t(right[0])}${colon}${right[1]}` : first)
  }

  // 2. Weekly arrivals and escalations.
  section(1)
  const most = Math.max(...report.weekly.map((week) => week.complaints))
  out.push(
    table(
      [
        { heading: zh ? "周起始" : "Week of" },
        { heading: zh ? "投诉" : "Complaints", align: "right" },
        { heading: "" },
        { heading: zh ? "升级 主管/经理/总监" : "Escalated to sup./mgr./dir.", align: "right" },
        { heading: zh ? "备注" : "Note" },
      ],
      report.weekly.map((week) => [
        shortDate(week.weekOf),
        n(week.complaints),
        bar(week.complaints, most, 24),
        `${week.escalations.supervisor ?? 0} / ${week.escalations.manager ?? 0} / ${week.escalations.director ?? 0}`,
        week.note ? t(week.note) : "",
      ]),
    ),
  )

  // 3. Breakdowns.
  section(2)
  const breakdown = (title: Label, rowsOf: ReadonlyArray<ReportRow>, withLoss = true) =>
    table(
      [
        { heading: t(title) },
        { heading: t(words.count), align: "right" },
        { heading: t(words.share), align: "right" },
        ...(withLoss ? [{ heading: t(words.loss), align: "right" as const }] : []),
      ],
      rowsOf
        .filter((row) => row.count > 0)
        .map((row) => [t(row.label), n(row.count), pct(row.share), ...(withLoss ? [yuan(row.loss)] : [])]),
    )
  out.push(breakdown({ "zh-CN": "投诉内容", en: "Content" }, report.breakdowns.byCategory))
  out.push("")
  out.push(breakdown({ "zh-CN": "投诉方式", en: "Channel" }, report.breakdowns.byChannel))
  out.push("")
  out.push(breakdown({ "zh-CN": "投诉类型", en: "Type" }, report.breakdowns.byType))
  out.push("")
  out.push(breakdown({ "zh-CN": "处理结果", en: "Outcome" }, report.breakdowns.byOutcome))
  out.push("")
  out.push(
    breakdown(
      { "zh-CN": "不予受理理由", en: "Reason for not accepting" },
      report.breakdowns.byRejectionReason,
      false,
    ),
  )

  // 4. Service levels.
  section(3)
  out.push(
    table(
      [
        { heading: zh ? "紧急程度" : "Urgency" },
        { heading: t(words.count), align: "right" },
        { heading: zh ? "首次响应时限" : "Respond within", align: "right" },
        { heading: zh ? "按时率" : "On time", align: "right" },
        { heading: zh ? "中位数" : "Median", align: "right" },
        { heading: "P90", align: "right" },
        { heading: zh ? "办理时限" : "Resolve within", align: "right" },
        { heading: zh ? "按时率" : "On time", align: "right" },
        { heading: zh ? "中位数" : "Median", align: "right" },
        { heading: "P90", align: "right" },
      ],
      [
        ...report.sla.byUrgency.map((row) => [
          t(row.label),
          n(report.breakdowns.byUrgency.find((entry) => entry.key === row.urgency)?.count ?? 0),
          target(row.firstResponseTarget),
          pct(row.firstResponse.onTimeRatio),
          duration(row.firstResponse.workingMinutes.median),
          duration(row.firstResponse.workingMinutes.p90),
          target(row.resolutionTarget),
          pct(row.resolution.onTimeRatio),
          duration(row.resolution.workingMinutes.median),
          duration(row.resolution.workingMinutes.p90),
        ]),
        [
          zh ? "合计" : "All",
          n(summary.complaints),
          "",
          pct(report.sla.overall.firstResponse.onTimeRatio),
          duration(report.sla.overall.firstResponse.workingMinutes.median),
          duration(report.sla.overall.firstResponse.workingMinutes.p90),
          "",
          pct(report.sla.overall.resolution.onTimeRatio),
          duration(report.sla.overall.resolution.workingMinutes.median),
          duration(report.sla.overall.resolution.workingMinutes.p90),
        ],
      ],
    ),
  )
  out.push("")
  out.push(
    zh
      ? `  按时：首次响应 ${n(report.sla.overall.firstResponse.onTime)}/${n(report.sla.overall.firstResponse.measured)}，办理 ${n(report.sla.overall.resolution.onTime)}/${n(report.sla.overall.resolution.measured)}（承诺办理期限 vs 实际办理日，诉讼案件除外）。` +
          `等待客户暂停计时共 ${duration(report.sla.pausedWorkingMinutes)}，已从时限中扣除；督促提醒 ${n(report.sla.remindersSent)} 次。`
      : `  On time: first responses ${n(report.sla.overall.firstResponse.onTime)}/${n(report.sla.overall.firstResponse.measured)}, resolutions ${n(report.sla.overall.resolution.onTime)}/${n(report.sla.overall.resolution.measured)} (promised vs actual handling date; litigation excluded). ` +
          `The clock stood still ${duration(report.sla.pausedWorkingMinutes)} in all while waiting on customers; ${n(report.sla.remindersSent)} reminders went out.`,
  )

  // 5. Escalations.
  section(4)
  const escalations = report.escalations
  const highest = (level: number) => escalations.byHighestLevel.find((row) => row.level === level)?.cases ?? 0
  out.push(
    zh
      ? `  共升级 ${n(escalations.total)} 次，涉及 ${n(escalations.casesEscalated)} 件投诉（${pct(escalations.casesEscalated / Math.max(1, summary.complaints))}）；最高升至主管 ${n(highest(1))} 件、经理 ${n(highest(2))} 件、总监 ${n(highest(3))} 件。完整记录见 JSON。`
      : `  ${n(escalations.total)} escalations on ${n(escalations.casesEscalated)} complaints (${pct(escalations.casesEscalated / Math.max(1, summary.complaints))}); highest rung reached: supervisor ${n(highest(1))}, manager ${n(highest(2))}, director ${n(highest(3))}. The full log is in the JSON.`,
  )
  out.push("")
  out.push(
    table(
      [
        { heading: zh ? "升级至" : "Escalated to" },
        { heading: zh ? "次数" : "Times", align: "right" },
        { heading: zh ? "首次响应超时" : "First response late", align: "right" },
        { heading: zh ? "办理超时" : "Resolution late", align: "right" },
      ],
      escalations.byRung.map((rung) => [
        t(rung.label),
        n(rung.count),
        n(rung.firstResponse),
        n(rung.resolution),
      ]),
    ),
  )
  out.push("")
  out.push(
    zh ? "  升级最高、超期最久的投诉：" : "  The complaints that climbed highest and stayed overdue longest:",
  )
  out.push(
    table(
      [
        { heading: zh ? "编号" : "Complaint" },
        { heading: zh ? "紧急" : "Urgency" },
        { heading: zh ? "内容" : "Content" },
        { heading: zh ? "超期" : "Overdue", align: "right" },
        { heading: zh ? "升级路径" : "Ladder" },
        { heading: zh ? "结果" : "Outcome" },
      ],
      escalations.worst.map((entry) => [
        entry.complaintId,
        Complaints.Urgency.label(entry.urgency, locale),
        entry.category ? Complaints.ContentCategory.label(entry.category, locale) : "—",
        zh ? `${entry.overdueWorkingDays.toFixed(1)} 工作日` : `${entry.overdueWorkingDays.toFixed(1)} wd`,
        ladderText(entry.ladder, locale),
        entry.outcome === "open"
          ? zh
            ? "处理中"
            : "open"
          : Complaints.ResolutionOutcome.label(entry.outcome as Complaints.ResolutionOutcome, locale),
      ]),
    ),
  )

  // 6. Pareto.
  section(5)
  const paretoTop = report.pareto.slice(0, 12)
  const largest = Math.max(1, ...paretoTop.map((row) => row.count))
  out.push(
    table(
      [
        { heading: zh ? "原因" : "Cause" },
        { heading: t(words.count), align: "right" },
        { heading: "" },
        { heading: t(words.share), align: "right" },
        { heading: zh ? "累计" : "Cumulative", align: "right" },
        { heading: zh ? "类" : "Class" },
      ],
      paretoTop.map((row) => [
        t(row.label),
        n(row.count),
        bar(row.count, largest, 20),
        pct(row.share),
        pct(row.cumulativeShare),
        row.class,
      ]),
    ),
  )
  const vital = report.pareto.filter((row) => row.class === "A")
  out.push(
    "",
    zh
      ? `  A 类（关键少数）${vital.length} 项原因占已调查投诉的 ${pct(vital.at(-1)?.cumulativeShare)}，共 ${report.pareto.length} 项。`
      : `  Class A (the vital few): ${vital.length} of ${report.pareto.length} causes make up ${pct(vital.at(-1)?.cumulativeShare)} of the investigated complaints.`,
  )

  // 7. Departments.
  section(6)
  out.push(
    table(
      [
        { heading: zh ? "部门" : "Department" },
        { heading: zh ? "涉及件数" : "Cases", align: "right" },
        { heading: zh ? "折合件数" : "Weighted", align: "right" },
        { heading: t(words.loss), align: "right" },
      ],
      report.breakdowns.byDepartment.map((row) => [
        t(row.label),
        n(row.cases),
        row.weightedCases.toFixed(1),
        yuan(row.loss),
      ]),
    ),
  )

  // 8. Remedies, approvals, litigation.
  section(7)
  out.push(
    table(
      [
        { heading: zh ? "处理方式" : "Remedy" },
        { heading: zh ? "件数" : "Cases", align: "right" },
        { heading: zh ? "金额" : "Amount", align: "right" },
      ],
      report.breakdowns.byRemedy
        .filter((row) => row.cases > 0)
        .map((row) => [t(row.label), n(row.cases), yuan(row.amount)]),
    ),
  )
  out.push("")
  const approvals = report.approvals
  out.push(
    zh
      ? `  超出经办人权限的方案送审 ${n(approvals.submitted)} 次：批准 ${n(approvals.approved)}，驳回 ${n(approvals.rejected)}（驳回后修改方案），撤回 ${n(approvals.withdrawn)}，期末待批 ${n(approvals.pending)}。`
      : `  Remedies above the handler's authority went to approval ${n(approvals.submitted)} times: approved ${n(approvals.approved)}, rejected ${n(approvals.rejected)} (then revised), withdrawn ${n(approvals.withdrawn)}, pending at the end ${n(approvals.pending)}.`,
  )
  out.push(
    table(
      [
        { heading: zh ? "审批人" : "Decided by" },
        { heading: zh ? "次数" : "Times", align: "right" },
        { heading: zh ? "方案金额" : "Amount", align: "right" },
      ],
      approvals.byDecidingRole.map((row) => [t(row.label), n(row.count), yuan(row.amount)]),
    ),
  )
  out.push("")
  out.push(
    zh
      ? `  客户不满意方案 ${n(report.customerRefusals)} 次（修改方案再协商）；进入诉讼程序 ${n(report.litigation.started)} 件，已结：${report.litigation.byVerdict.map((row) => `${t(row.label)} ${row.count}`).join("，")}。`
      : `  Customers refused a solution ${n(report.customerRefusals)} times (revised and negotiated again); ${n(report.litigation.started)} went to litigation, decided: ${report.litigation.byVerdict.map((row) => `${t(row.label).toLowerCase()} ${row.count}`).join(", ")}.`,
  )

  // 9. Follow-up.
  section(8)
  const followUp = report.followUp
  const top = Math.max(1, ...followUp.distribution.map((row) => row.count))
  out.push(
    table(
      [{ heading: zh ? "满意度" : "Score" }, { heading: t(words.count), align: "right" }, { heading: "" }],
      followUp.distribution
        .slice()
        .reverse()
        .map((row) => [
          `${row.score} ${Complaints.SatisfactionLevel.label(String(row.score) as Complaints.SatisfactionLevel, locale)}`,
          n(row.count),
          bar(row.count, top, 30),
        ]),
    ),
  )
  out.push(
    "",
    zh
      ? `  应回访 ${n(followUp.due)} 件，已回访 ${n(followUp.recorded)} 件，逾期提醒 ${n(followUp.overdue)} 件；不满意（≤2 分）通知主管，其中 ${n(summary.reopened)} 件重开处理。`
      : `  ${n(followUp.due)} follow-up visits due, ${n(followUp.recorded)} made, ${n(followUp.overdue)} overdue reminders; scores of 2 or less went to the supervisor, and ${n(summary.reopened)} complaints were reopened.`,
  )

  // 10. The run.
  section(9)
  const runner = report.system.runner
  const engine = report.system.engine
  const stored = storage
    ? zh
      ? `，以 ${n(storage.transactions)} 次事务（组提交）写入 ${engine.database}（${storage.folder}）`
      : `, committed to ${engine.database} in ${storage.folder} in ${n(storage.transactions)} transactions (group commit)`
    : ""
  const kind = zh ? ({ embedded: "嵌入式", cluster: "集群" }[engine.kind] ?? engine.kind) : engine.kind
  out.push(
    zh
      ? `  运行于 tixi 持久化运行时（${kind}引擎，${engine.database}）：持久化步骤 ${n(engine.turns)} 个（其中定时器 ${n(runner.deadlinesFired)} 次）${stored}。`
      : `  Ran on tixi's durable runtime (${kind} engine, ${engine.database}): ${n(engine.turns)} durable turns, ${n(runner.deadlinesFired)} of them timers${stored}.`,
  )
  const host = report.system.host
  const effects = Object.entries(runner.effectsPerformed)
    .map(([kind, count]) => `${kind} ${n(count ?? 0)}`)
    .join(" · ")
  const notices = host.notifications
  out.push(
    zh
      ? `  命令 ${n(runner.commands)} 条（拒绝 ${n(runner.refusals)}，其中制度拒绝 ${n(Object.values(report.system.policyRefusals).reduce((a, b) => a + b, 0))}，如超过投诉时效的受理），事件 ${n(runner.events)} 个，定时器触发 ${n(runner.deadlinesFired)} 次。`
      : `  ${n(runner.commands)} commands (${n(runner.refusals)} refused, ${n(Object.values(report.system.policyRefusals).reduce((a, b) => a + b, 0))} of them by the policy, such as accepting a purchase beyond the complaint window), ${n(runner.events)} events, ${n(runner.deadlinesFired)} timers fired.`,
  )
  out.push(`  ${zh ? "副作用" : "Effects"}: ${effects}`)
  out.push(
    zh
      ? `  宿主：工单 ${n(host.cases)}（未结 ${n(host.openCases)}），任务 ${n(host.tasks)}（未完成 ${n(host.openTasks)}），客户往来记录 ${n(host.activities)}，通知 ${n((notices.info ?? 0) + (notices.warning ?? 0) + (notices.urgent ?? 0))}（紧急 ${n(notices.urgent ?? 0)}）。`
      : `  Host: ${n(host.cases)} cases (${n(host.openCases)} open), ${n(host.tasks)} tasks (${n(host.openTasks)} open), ${n(host.activities)} timeline activities, ${n((notices.info ?? 0) + (notices.warning ?? 0) + (notices.urgent ?? 0))} notifications (${n(notices.urgent ?? 0)} urgent).`,
  )
  out.push(
    zh
      ? `  模拟宿主故障 ${n(host.injectedOutages)} 次，均自动重试成功（重试 ${n(runner.effectRetries)} 次）；死信 ${n(runner.deadLetters)} 条。`
      : `  ${n(host.injectedOutages)} simulated host outages, all retried successfully (${n(runner.effectRetries)} retries); ${n(runner.deadLetters)} dead letters.`,
  )
  if (report.system.unexpectedRefusals.length > 0)
    out.push(
      `  ! ${report.system.unexpectedRefusals.length} unexpected refusals: ${report.system.unexpectedRefusals.slice(0, 3).join("; ")}`,
    )
  out.push(renderGradingCredit(report.gradingCredit, locale))
  out.push(renderSatisfactionSurvey(report.satisfaction, locale))
  out.push(renderCallCentre(report.callCentre, locale))
  out.push(renderOfficerAppraisal(report.officerAppraisal, locale))
  out.push(renderOrganisationAccess(report.organisationAccess, locale))
  out.push("", zh ? `JSON 已写入 ${outputPath}` : `JSON written to ${outputPath}`)
  return out.join("\n")
}
