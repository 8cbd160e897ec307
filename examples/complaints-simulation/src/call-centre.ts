// A day of the 400 service hotline after the simulated quarter, planned and run the way a call
// centre's workforce planner does it with the call-centre module: thirteen weeks of calls per
// 15-minute interval (in the company's contact rhythm) → the forecast of the next working day →
// agents per interval by Erlang C to the 80/20 target (Erlang A beside it, for callers who hang
// up) → a shift schedule covering the requirement → the day itself, call by call → its KPIs from
// the switch's records.
import {
  addDays,
  type BusinessCalendar,
  CallCenter,
  type CivilDate,
  daysBetween,
  type Label,
  type Locale,
  label,
  type Weekday,
  weekdayOf,
} from "@tixi/core"
import { type FloorSetting, simulateFloorDay } from "./call-day.ts"
import {
  type Contact,
  contactPatternOf,
  expectedCalls,
  type HotlineSetting,
  hotlineHistory,
  hotlineSetting,
  intervalMinutes,
  intervalsPerDay,
} from "./call-history.ts"
import { Random } from "./random.ts"
import { pad, sparkline, table } from "./text-table.ts"

/** Peak intervals shown in the terminal (all 96 are in the JSON). */
const peakCount = 8
/**
 * The forecast's history covers at least eight weeks, reaching back before the simulated period
 * when it is shorter: a short run across 春节 would leave too few ordinary days to learn from.
 */
const minimumHistoryDays = 56

/** The floor's behaviour on the day; AHT = talk + after-call work = 300 s. */
export const floorSetting: Omit<FloorSetting, "absentShare" | "offPhoneShare"> = {
  talkSeconds: 250,
  wrapUpSeconds: 50,
  patienceSeconds: 150,
  unresolvedShare: 0.1,
  retryShare: 0.5,
}

/**
 * The shifts the centre works (早班, 中班, 晚班, 夜班 and four-hour part-timers), nine hours with an
 * unpaid hour for the meal, the night shift at a 20 % premium; part-timers are few.
 */
export const shiftTypes: ReadonlyArray<CallCenter.ShiftType> = [
  {
    id: "early",
    name: label("早班", "Early"),
    lengthMinutes: 540,
    earliestStart: "07:00",
    latestStart: "09:30",
    meal: { durationMinutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300, stepMinutes: 30 },
  },
  {
    id: "middle",
    name: label("中班", "Middle"),
    lengthMinutes: 540,
    earliestStart: "10:00",
    latestStart: "13:00",
    meal: { durationMinutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300, stepMinutes: 30 },
  },
  {
    id: "late",
    name: label("晚班", "Late"),
    lengthMinutes: 540,
    earliestStart: "14:00",
    latestStart: "16:00",
    meal: { durationMinutes: 60, earliestAfterMinutes: 180, latestAfterMinutes: 300, stepMinutes: 30 },
  },
  {
    id: "night",
    name: label("夜班", "Night"),
    lengthMinutes: 540,
    earliestStart: "22:00",
    latestStart: "23:00",
    meal: { durationMinutes: 60, earliestAfterMinutes: 240, latestAfterMinutes: 300, stepMinutes: 60 },
    costPerHour: 1.2,
  },
  {
    id: "partTime",
    name: label("兼职", "Part-time"),
    lengthMinutes: 240,
    earliestStart: "08:00",
    latestStart: "18:00",
    maxAgents: 10,
  },
]

/** One interval of the day, planned and as it happened. */
export interface IntervalRow {
  readonly interval: number
  readonly start: string
  /** Calls forecast. */
  readonly forecast: number
  /** Calls offered on the day (repeat calls included). */
  readonly offered: number
  /** Offered load of the forecast, Erlangs. */
  readonly load: number
  readonly erlangCAgents: number
  readonly erlangAAgents: number
  /** Erlang A's expected share of callers hanging up at its staffing. */
  readonly erlangAAbandonment: number | undefined
  /** Agents to have on shift (Erlang C and shrinkage): the schedule's requirement. */
  readonly required: number
  /** Agents the schedule puts on shift (not at a meal). */
  readonly scheduled: number
  /** Agents who were on the phones on the day. */
  readonly onPhones: number
  /** The service level Erlang C promises at the requirement. */
  readonly plannedServiceLevel: number
  readonly serviceLevel: number | undefined
  readonly averageSpeedOfAnswerSeconds: number | undefined
  readonly abandoned: number
}

/** The call-centre part of the report, as data. */
export interface CallCentreReport {
  readonly date: CivilDate
  readonly weekday: Weekday
  readonly policyVersion: string
  readonly pattern: {
    readonly complaintsPerDay: number
    readonly phoneShare: number
    readonly setting: HotlineSetting
    readonly weekdayFactors: Readonly<Record<Weekday, number>>
  }
  readonly history: {
    readonly from: CivilDate
    readonly to: CivilDate
    readonly days: number
    readonly excluded: ReadonlyArray<CivilDate>
    readonly calls: number
    readonly phoneComplaints: number
  }
  readonly forecast: {
    readonly method: Label
    readonly parameters: CallCenter.HoltWintersParameters
    readonly fitErrorPercent: number
    readonly weekdayIndices: Readonly<Record<Weekday, number>>
    readonly horizonDays: number
    readonly total: number
    /** First-time calls on the day (what the forecast predicts; repeat calls come on top). */
    readonly actualFirstCalls: number
    readonly errorPercent: number
  }
  readonly staffing: {
    readonly targetServiceLevel: number
    readonly answerWithinSeconds: number
    readonly maxOccupancy: number
    readonly shrinkage: number
    readonly averageHandleSeconds: number
    readonly patienceSeconds: number
    readonly erlangC: CallCenter.DailyStaffing["totals"]
    readonly erlangA: CallCenter.DailyStaffing["totals"] & { readonly expectedAbandonment: number }
  }
  readonly schedule: {
    readonly shifts: ReadonlyArray<CallCenter.ScheduledShift>
    readonly headcount: number
    readonly paidAgentHours: number
    readonly requiredAgentHours: number
    /** Required floor-hours over paid hours: how little of the paid time the schedule wastes. */
    readonly efficiency: number
    readonly cost: number
    readonly lowerBoundCost: number | undefined
    readonly gapPercent: number | undefined
    readonly uncoveredIntervals: number
    readonly peakTeamLeads: number
    readonly method: string
  }
  readonly day: {
    readonly kpis: CallCenter.InboundKpis
    readonly absentAgents: number
    readonly repeatCalls: number
    readonly intervalsBelowTarget: number
  }
  readonly intervals: ReadonlyArray<IntervalRow>
  /** The intervals the terminal shows: the busiest by forecast, in time order. */
  readonly peaks: ReadonlyArray<number>
}

/** What the hotline's day needs from the simulation. */
export interface CallCentreInput {
  /** The quarter's complaints: when each arrived and whether by phone. */
  readonly contacts: ReadonlyArray<Contact>
  readonly calendar: BusinessCalendar
  readonly seed: number
  /** The simulated period the complaints come from; the hotline's history ends on its last day. */
  readonly periodStart: CivilDate
  readonly periodDays: number
}

const clock = (interval: number) => {
  const minutes = interval * intervalMinutes
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`
}

/** Plans and runs the hotline's next working day after the history. */
export function runCallCentreDay(input: CallCentreInput): CallCentreReport {
  const { calendar } = input
  const policy = CallCenter.defaultCallCentrePolicy
  const random = new Random(input.seed ^ 0x0ca1_1ce7)
  const pattern = contactPatternOf(input.contacts, calendar, input.periodStart, input.periodDays)
  const historyDays = Math.max(input.periodDays, minimumHistoryDays)
  const historyStart = addDays(input.periodStart, input.periodDays - historyDays)
  const history = hotlineHistory(
    random,
    pattern,
    hotlineSetting,
    calendar,
    historyStart,
    historyDays,
    input.contacts.filter((contact) => contact.byPhone).map((contact) => contact.at),
    input.periodStart,
  )
  const lastDay = history.at(-1)!.date
  const date = calendar.addWorkingDays(addDays(lastDay, 1), 0)
  const horizonDays = daysBetween(lastDay, date)
  const forecast = CallCenter.forecastCalls({ history, horizonDays })
  const forecastDay = forecast.days.at(-1)!

  // Staffing: the policy's target, model and shrinkage; Erlang A beside it for the same day.
  const shrinkage = CallCenter.totalShrinkage(policy.shrinkage)
  const averageHandleSeconds = floorSetting.talkSeconds + floorSetting.wrapUpSeconds
  const common = {
    intervalMinutes,
    calls: forecastDay.calls,
    averageHandleSeconds,
    target: {
      targetServiceLevel: policy.targetServiceLevel,
      answerWithinSeconds: policy.answerWithinSeconds,
      maxOccupancy: policy.maxOccupancy,
    },
    shrinkage,
    minimumAgents: policy.minimumAgents,
    teamLeadSpan: policy.teamLeadSpan,
  }
  const erlangC = CallCenter.staffDay({ ...common, model: policy.staffingModel })
  const erlangA = CallCenter.staffDay({
    ...common,
    model: { kind: "erlangA", averagePatienceSeconds: floorSetting.patienceSeconds },
  })
  const requirement = erlangC.intervals.map((row) => row.scheduledAgents)
  const schedule = CallCenter.scheduleShifts({
    intervalMinutes,
    requirement,
    shiftTypes,
    wrapsMidnight: true,
    teamLeadSpan: policy.teamLeadSpan,
  })

  // The day: the true traffic (the forecast only estimates it) against the schedule's agents.
  const dayLevel = policy.shrinkage
    .filter((component) => component.id === "absence" || component.id === "leave")
    .reduce((sum, component) => sum + component.share, 0)
  const dayStart = calendar.startOfDay(date)
  const truth = expectedCalls(pattern, hotlineSetting, calendar, date, daysBetween(historyStart, date))
  const floor = simulateFloorDay(random, dayStart, truth, schedule.shifts, {
    ...floorSetting,
    absentShare: dayLevel,
    offPhoneShare: (shrinkage - dayLevel) / (1 - dayLevel),
  })
  const kpis = CallCenter.callKpis(floor.records, {
    answerWithinSeconds: policy.answerWithinSeconds,
    shortAbandonSeconds: policy.shortAbandonSeconds,
    serviceLevelConvention: policy.serviceLevelConvention,
    ringSeconds: policy.ringSeconds,
    rings: policy.rings,
    repeatWindowHours: policy.repeatWindowHours,
    staffedAgentSeconds: floor.staffedAgentSeconds,
    intervals: { start: dayStart, minutes: intervalMinutes, count: intervalsPerDay },
  })

  const intervals: Array<IntervalRow> = erlangC.intervals.map((row, index) => {
    const actual = kpis.intervals![index]!
    return {
      interval: index,
      start: clock(index),
      forecast: row.calls,
      offered: actual.offered,
      load: row.load,
      erlangCAgents: row.agents,
      erlangAAgents: erlangA.intervals[index]!.agents,
      erlangAAbandonment: erlangA.intervals[index]!.probabilityOfAbandonment,
      required: row.scheduledAgents,
      scheduled: schedule.coverage[index]!,
      onPhones: floor.onPhones[index]!,
      plannedServiceLevel: row.serviceLevel,
      serviceLevel: actual.serviceLevel,
      averageSpeedOfAnswerSeconds: actual.averageSpeedOfAnswerSeconds,
      abandoned: actual.abandoned,
    }
  })
  const peaks = [...intervals]
    .sort((left, right) => right.forecast - left.forecast || left.interval - right.interval)
    .slice(0, peakCount)
    .map((row) => row.interval)
    .sort((left, right) => left - right)
  const firstCalls = floor.records.length - floor.repeatCalls
  const expectedAbandonment =
    erlangA.totals.calls === 0
      ? 0
      : erlangA.intervals.reduce((sum, row) => sum + (row.probabilityOfAbandonment ?? 0) * row.calls, 0) /
        erlangA.totals.calls
  return {
    date,
    weekday: weekdayOf(date),
    policyVersion: policy.version,
    pattern: {
      complaintsPerDay: pattern.complaintsPerDay,
      phoneShare: pattern.phoneShare,
      setting: hotlineSetting,
      weekdayFactors: pattern.weekdayFactors,
    },
    history: {
      from: history[0]!.date,
      to: lastDay,
      days: history.length,
      excluded: history.filter((day) => day.excluded).map((day) => day.date),
      calls: history.reduce((sum, day) => sum + day.calls.reduce((total, calls) => total + calls, 0), 0),
      phoneComplaints: input.contacts.filter((contact) => contact.byPhone).length,
    },
    forecast: {
      method: label(
        "日总量：Holt–Winters（阻尼加法趋势 × 乘法星期因子，参数按一步预测误差选取）；时段：近几周同星期的日内分布",
        forecast.method,
      ),
      parameters: forecast.parameters,
      fitErrorPercent: forecast.fitErrorPercent,
      weekdayIndices: forecast.weekdayIndices,
      horizonDays,
      total: forecastDay.total,
      actualFirstCalls: firstCalls,
      errorPercent: firstCalls === 0 ? 0 : (100 * (forecastDay.total - firstCalls)) / firstCalls,
    },
    staffing: {
      targetServiceLevel: policy.targetServiceLevel,
      answerWithinSeconds: policy.answerWithinSeconds,
      maxOccupancy: policy.maxOccupancy,
      shrinkage,
      averageHandleSeconds,
      patienceSeconds: floorSetting.patienceSeconds,
      erlangC: erlangC.totals,
      erlangA: { ...erlangA.totals, expectedAbandonment },
    },
    schedule: {
      shifts: schedule.shifts,
      headcount: schedule.headcount,
      paidAgentHours: schedule.paidAgentHours,
      requiredAgentHours: schedule.requiredAgentHours,
      efficiency: schedule.paidAgentHours === 0 ? 1 : schedule.requiredAgentHours / schedule.paidAgentHours,
      cost: schedule.cost,
      lowerBoundCost: schedule.lowerBoundCost,
      gapPercent: schedule.gapPercent,
      uncoveredIntervals: schedule.shortfall.filter((units) => units > 0).length,
      peakTeamLeads: Math.max(...schedule.teamLeads),
      method: schedule.method,
    },
    day: {
      kpis: kpis.inbound,
      absentAgents: floor.absentAgents,
      repeatCalls: floor.repeatCalls,
      intervalsBelowTarget: intervals.filter(
        (row) =>
          row.serviceLevel !== undefined && row.offered > 0 && row.serviceLevel < policy.targetServiceLevel,
      ).length,
    },
    intervals,
    peaks,
  }
}

// ── Rendering ──

const weekdayNames: Readonly<Record<Locale, ReadonlyArray<string>>> = {
  "zh-CN": ["一", "二", "三", "四", "五", "六", "日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
}

const headings = {
  section: label("呼叫中心的一天 · 400 服务热线", "A day at the call centre · the 400 service line"),
  forecast: label("话务历史与预测", "Call history and forecast"),
  staffing: label("人员需求与排班", "Staffing and the shift schedule"),
  peaks: label("高峰时段（每 15 分钟）", "Peak intervals (15 minutes each)"),
  kpis: label("当日指标（由交换机通话记录计算）", "The day's KPIs (from the switch's call records)"),
}

/** Renders the call-centre part of the report for a terminal. */
export function renderCallCentre(report: CallCentreReport, locale: Locale): string {
  const t = (text: Label) => text[locale]
  const zh = locale === "zh-CN"
  const out: Array<string> = []
  const section = (heading: Label) => out.push("", t(heading), "")
  const number = new Intl.NumberFormat("en-US")
  const n = (value: number) => number.format(Math.round(value))
  const share = (value: number | undefined) => (value === undefined ? "—" : `${(value * 100).toFixed(1)}%`)
  const seconds = (value: number | undefined) =>
    value === undefined ? "—" : zh ? `${value.toFixed(1)} 秒` : `${value.toFixed(1)} s`
  const weekday = (day: Weekday) => weekdayNames[locale][day - 1]!
  const { forecast, staffing, schedule, history } = report

  out.push(
    "",
    zh
      ? `── ${t(headings.section)} · ${report.date}（星期${weekday(report.weekday)}） ──`
      : `── ${t(headings.section)} · ${weekday(report.weekday)} ${report.date} ──`,
  )
  section(headings.forecast)
  const indices = ([1, 2, 3, 4, 5, 6, 7] as const)
    .map((day) => `${weekday(day)} ${forecast.weekdayIndices[day].toFixed(2)}`)
    .join(zh ? "　" : "  ")
  const parameters = forecast.parameters
  out.push(
    zh
      ? `  历史：${history.from} 至 ${history.to}，${history.days} 天（${Math.round(history.days / 7)} 周）× 96 个时段，来电 ${n(history.calls)} 通，其中本季度电话投诉 ${n(history.phoneComplaints)} 通；节假日和调休上班日 ${history.excluded.length} 天不参与建模。`
      : `  History: ${history.from} to ${history.to}, ${history.days} days (${Math.round(history.days / 7)} weeks) × 96 intervals, ${n(history.calls)} calls, the quarter's ${n(history.phoneComplaints)} phone complaints among them; ${history.excluded.length} holidays and make-up working days left out of the model.`,
    zh
      ? `  话务节律取自本季度投诉的到达时间（普通日每天 ${report.pattern.complaintsPerDay.toFixed(1)} 件投诉，每件投诉对应 ${report.pattern.setting.callsPerComplaint} 通来电）。`
      : `  The rhythm is that of the quarter's complaints (${report.pattern.complaintsPerDay.toFixed(1)} on an ordinary day, ${report.pattern.setting.callsPerComplaint} calls of every kind per complaint).`,
    `  ${zh ? "预测方法" : "Method"}${zh ? "：" : ": "}${t(forecast.method)}`,
    zh
      ? `  α ${parameters.level}，β ${parameters.trend}，γ ${parameters.season}，φ ${parameters.damping}；一步预测误差 MAPE ${forecast.fitErrorPercent.toFixed(1)}%；星期指数 ${indices}`
      : `  α ${parameters.level}, β ${parameters.trend}, γ ${parameters.season}, φ ${parameters.damping}; one-step MAPE ${forecast.fitErrorPercent.toFixed(1)} %; weekday indices ${indices}`,
    zh
      ? `  ${report.date}（下一个工作日，提前 ${forecast.horizonDays} 天）预测 ${n(forecast.total)} 通；实际首次来电 ${n(forecast.actualFirstCalls)} 通（预测误差 ${forecast.errorPercent >= 0 ? "+" : ""}${forecast.errorPercent.toFixed(1)}%），另有重拨与重复来电 ${n(report.day.repeatCalls)} 通。`
      : `  ${report.date} (the next working day, ${forecast.horizonDays} days ahead): ${n(forecast.total)} calls forecast; ${n(forecast.actualFirstCalls)} first calls came (forecast error ${forecast.errorPercent >= 0 ? "+" : ""}${forecast.errorPercent.toFixed(1)} %), plus ${n(report.day.repeatCalls)} retries and repeat calls.`,
  )
  const rows = report.intervals
  const most = Math.max(...rows.map((row) => Math.max(row.forecast, row.offered)))
  const agents = Math.max(...rows.map((row) => Math.max(row.required, row.scheduled)))
  out.push(
    "",
    `  ${pad(zh ? "预测来电" : "Forecast", 10)}${sparkline(
      rows.map((row) => row.forecast),
      most,
    )}`,
    `  ${pad(zh ? "实际来电" : "Offered", 10)}${sparkline(
      rows.map((row) => row.offered),
      most,
    )}`,
    `  ${pad(zh ? "需在班" : "Required", 10)}${sparkline(
      rows.map((row) => row.required),
      agents,
    )}`,
    `  ${pad(zh ? "已排班" : "Scheduled", 10)}${sparkline(
      rows.map((row) => row.scheduled),
      agents,
    )}`,
    `  ${pad("", 10)}${"0".padEnd(24)}${"06".padEnd(24)}${"12".padEnd(24)}${"18".padEnd(23)}24`,
  )

  section(headings.staffing)
  const c = staffing.erlangC
  const a = staffing.erlangA
  out.push(
    zh
      ? `  目标：${share(staffing.targetServiceLevel)} 的来电 ${staffing.answerWithinSeconds} 秒内接听，占用率不超过 ${share(staffing.maxOccupancy)}；平均处理时长 ${staffing.averageHandleSeconds} 秒；折损（休息、培训、缺勤、休假等）${share(staffing.shrinkage)}。`
      : `  Target: ${share(staffing.targetServiceLevel)} of calls answered within ${staffing.answerWithinSeconds} s, occupancy at most ${share(staffing.maxOccupancy)}; handle time ${staffing.averageHandleSeconds} s; shrinkage (breaks, training, absence, leave…) ${share(staffing.shrinkage)}.`,
    zh
      ? `  Erlang C：在线坐席 ${c.productiveAgentHours.toFixed(1)} 人时，需排班 ${c.scheduledAgentHours.toFixed(1)} 人时，峰值在线 ${c.peakAgents} 人、在班 ${c.peakScheduledAgents} 人、组长 ${c.peakTeamLeads} 人（每组 12–14 人）。`
      : `  Erlang C: ${c.productiveAgentHours.toFixed(1)} agent-hours on the phones, ${c.scheduledAgentHours.toFixed(1)} to schedule; peak ${c.peakAgents} on the phones, ${c.peakScheduledAgents} on shift, ${c.peakTeamLeads} team leads (12–14 agents each).`,
    zh
      ? `  Erlang A（来电者平均耐心 ${staffing.patienceSeconds} 秒）：在线坐席 ${a.productiveAgentHours.toFixed(1)} 人时（比 Erlang C 少 ${share(1 - a.productiveAgentHours / c.productiveAgentHours)}），预计放弃率 ${share(a.expectedAbandonment)}；排班仍按制度采用 Erlang C。`
      : `  Erlang A (callers' mean patience ${staffing.patienceSeconds} s): ${a.productiveAgentHours.toFixed(1)} agent-hours on the phones (${share(1 - a.productiveAgentHours / c.productiveAgentHours)} fewer than Erlang C), ${share(a.expectedAbandonment)} expected to hang up; the schedule follows the policy's Erlang C.`,
    "",
  )
  // One line per shift start; the meal times of its agents after it.
  const grouped = new Map<
    string,
    { shift: CallCenter.ScheduledShift; agents: number; meals: Array<string> }
  >()
  for (const shift of schedule.shifts) {
    const key = `${shift.shiftTypeId} ${shift.start}`
    const entry = grouped.get(key) ?? { shift, agents: 0, meals: [] }
    entry.agents += shift.agents
    if (shift.meal) entry.meals.push(`${shift.meal.start}×${shift.agents}`)
    grouped.set(key, entry)
  }
  out.push(
    table(
      [
        { heading: zh ? "班次" : "Shift" },
        { heading: zh ? "上班" : "From" },
        { heading: zh ? "下班" : "To" },
        { heading: zh ? "人数" : "Agents", align: "right" },
        { heading: zh ? "带薪工时" : "Paid h", align: "right" },
        { heading: zh ? "用餐开始（人数）" : "Meal starts (agents)" },
      ],
      [...grouped.values()].map(({ shift, agents: count, meals }) => [
        t(shift.name),
        shift.start,
        shift.end,
        String(count),
        (shift.paidHours * count).toFixed(0),
        meals.join(" "),
      ]),
    ),
  )
  out.push(
    "",
    zh
      ? `  排班 ${schedule.headcount} 人，带薪 ${schedule.paidAgentHours.toFixed(0)} 人时；需求 ${schedule.requiredAgentHours.toFixed(1)} 人时，排班效率 ${share(schedule.efficiency)}；每个时段在班人数 ≥ 需求（未覆盖时段 ${schedule.uncoveredIntervals} 个），成本与线性规划下界相差 ${schedule.gapPercent === undefined ? "—" : `${schedule.gapPercent.toFixed(1)}%`}；峰值组长 ${schedule.peakTeamLeads} 人。`
      : `  ${schedule.headcount} agents scheduled, ${schedule.paidAgentHours.toFixed(0)} paid hours for ${schedule.requiredAgentHours.toFixed(1)} required: schedule efficiency ${share(schedule.efficiency)}; every interval covered (${schedule.uncoveredIntervals} short), cost within ${schedule.gapPercent === undefined ? "—" : `${schedule.gapPercent.toFixed(1)} %`} of the LP lower bound; ${schedule.peakTeamLeads} team leads at the peak.`,
  )

  section(headings.peaks)
  out.push(
    table(
      [
        { heading: zh ? "时段" : "Interval" },
        { heading: zh ? "预测" : "Forecast", align: "right" },
        { heading: zh ? "实际" : "Offered", align: "right" },
        { heading: "Erl", align: "right" },
        { heading: "Erlang C", align: "right" },
        { heading: zh ? "Erlang A（放弃率）" : "Erlang A (abandon)", align: "right" },
        { heading: zh ? "需在班" : "Required", align: "right" },
        { heading: zh ? "已排班" : "Scheduled", align: "right" },
        { heading: zh ? "在线" : "On phones", align: "right" },
        { heading: zh ? "计划 SL" : "Plan SL", align: "right" },
        { heading: zh ? "实际 SL" : "SL", align: "right" },
        { heading: "ASA", align: "right" },
        { heading: zh ? "放弃" : "Abandoned", align: "right" },
      ],
      report.peaks.map((index) => {
        const row = rows[index]!
        return [
          `${row.start}–${clock(index + 1)}`,
          row.forecast.toFixed(1),
          String(row.offered),
          row.load.toFixed(1),
          String(row.erlangCAgents),
          `${row.erlangAAgents} (${share(row.erlangAAbandonment)})`,
          String(row.required),
          String(row.scheduled),
          String(row.onPhones),
          share(row.plannedServiceLevel),
          share(row.serviceLevel),
          seconds(row.averageSpeedOfAnswerSeconds),
          String(row.abandoned),
        ]
      }),
    ),
  )

  section(headings.kpis)
  const kpis = report.day.kpis
  out.push(
    table(
      [
        { heading: zh ? "指标" : "KPI" },
        { heading: zh ? "目标" : "Target", align: "right" },
        { heading: zh ? "当日" : "The day", align: "right" },
      ],
      [
        [
          zh ? "来电 / 接听 / 放弃（短时放弃）" : "Offered / answered / abandoned (short)",
          "",
          `${n(kpis.offered)} / ${n(kpis.answered)} / ${n(kpis.abandoned)} (${n(kpis.shortAbandoned)})`,
        ],
        [
          zh
            ? `服务水平（${staffing.answerWithinSeconds} 秒内接听，按全部来电）`
            : `Service level (within ${staffing.answerWithinSeconds} s, of all offered)`,
          share(staffing.targetServiceLevel),
          share(kpis.serviceLevel),
        ],
        [zh ? "平均应答速度 ASA" : "Average speed of answer", "", seconds(kpis.averageSpeedOfAnswerSeconds)],
        [
          zh ? "放弃率（不含短时放弃）" : "Abandonment (short abandons excluded)",
          "",
          share(kpis.abandonmentRate),
        ],
        [zh ? "占用率" : "Occupancy", `≤ ${share(staffing.maxOccupancy)}`, share(kpis.occupancy)],
        [
          zh ? "平均处理时长 AHT" : "Average handle time",
          seconds(staffing.averageHandleSeconds),
          seconds(kpis.averageHandleSeconds),
        ],
        [
          zh ? "首次解决率（72 小时内无重复来电）" : "First-call resolution (no repeat within 72 h)",
          "",
          share(kpis.firstCallResolution),
        ],
        [zh ? "三声内接听" : "Answered within three rings", "", share(kpis.answeredWithinRings)],
        [zh ? "最长等待" : "Longest wait", "", seconds(kpis.longestWaitSeconds)],
        [
          zh ? "排班效率（需求人时 / 带薪人时）" : "Schedule efficiency (required / paid hours)",
          "",
          share(schedule.efficiency),
        ],
      ],
    ),
  )
  out.push(
    "",
    zh
      ? `  当日缺勤 ${report.day.absentAgents} 人；${report.day.intervalsBelowTarget} 个时段服务水平低于目标。`
      : `  ${report.day.absentAgents} scheduled agents did not come in; ${report.day.intervalsBelowTarget} intervals fell below the target.`,
  )
  return out.join("\n")
}
