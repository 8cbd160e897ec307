// The quarter's satisfaction survey round (客户满意度调查流程), run through the quality module's
// survey-cycle decider after the simulated quarter: the plan is drafted, sent back once, approved;
// the questionnaire goes to every customer; the answers come from what the quarter did to each of
// them; the fieldwork timer closes the collection; the evaluation computes every index with its
// interval; the improvement plan it calls for is approved, carried out and followed up. Beside it
// the previous round (the quarter before) gives the previous-vs-current gaps.
import {
  type BusinessCalendar,
  type CivilDate,
  Complaints,
  handle,
  type Instant,
  type Label,
  label,
  type PersonId,
  personId,
  Quality,
} from "@tixi/core"
import { Result } from "effect"
import { nameOf } from "./company.ts"
import { type CustomerExperience, ExperienceSegment } from "./customer-experience.ts"
import { Random } from "./random.ts"
import {
  customerStandings,
  drawRound,
  kanoFeatures,
  type RoundSetting,
  satisfactionQuestionnaire,
} from "./survey-responses.ts"

/** One step of the round as the report lists it. */
export interface SurveyStep {
  /** Local date and time, "YYYY-MM-DD HH:MM". */
  readonly at: string
  readonly event: Quality.SurveyEvent["type"]
  readonly step: Label
  readonly note: Label | undefined
  readonly status: Quality.SurveyStatus
}

/** One improvement action, from the plan to its completion. */
export interface ReportedAction {
  readonly id: string
  readonly action: Label
  readonly target: Label
  readonly owner: string
  readonly ownerName: string
  readonly dueOn: CivilDate
  readonly completedOn: CivilDate | undefined
  readonly overdue: boolean
  /** What the evaluation found that calls for the action. */
  readonly because: Label
}

/** The survey part of the report, as data (JSON beside the tables). */
export interface SatisfactionSurveyReport {
  readonly surveyId: string
  readonly round: Label
  readonly policyVersion: string
  readonly questionnaire: { readonly id: string; readonly version: string; readonly questions: number }
  readonly steps: ReadonlyArray<SurveyStep>
  readonly status: Quality.SurveyStatus
  readonly customers: number
  readonly invited: number
  readonly responses: number
  readonly responseRate: number
  readonly respondentsByKind: { readonly organization: number; readonly person: number }
  /** The evaluation was forced below the policy's minimum number of responses. */
  readonly belowMinimum: boolean
  readonly csat: Quality.CsatResult
  readonly nps: Quality.NpsResult
  readonly ces: Quality.CesResult
  readonly complaintHandling: Quality.SatisfactionLevelResult
  readonly bySegment: ReadonlyArray<{
    readonly segment: ExperienceSegment
    readonly label: Label
    readonly customers: number
    readonly respondents: number
    readonly csat: Quality.Estimate
    readonly mean: Quality.Estimate
    readonly nps: Quality.Estimate
  }>
  readonly servqual: Quality.ServqualResult
  readonly rater: Quality.RaterResult
  readonly kano: ReadonlyArray<Quality.KanoFeatureResult & { readonly label: Label }>
  readonly channels: Readonly<Record<string, number>>
  readonly comments: number
  readonly previousRound: {
    readonly surveyId: string
    readonly round: Label
    readonly fieldwork: { readonly from: CivilDate; readonly to: CivilDate }
    readonly responses: number
    readonly csat: Quality.Estimate
    readonly nps: Quality.Estimate
    /** Current − previous share satisfied, with Newcombe's interval. */
    readonly csatChange: Quality.Comparison
    readonly items: ReadonlyArray<Quality.ItemChange>
    readonly improved: number
    readonly declined: number
    readonly notSignificant: number
    readonly insufficientSample: number
  }
  readonly improvementPlan: {
    readonly findings: Label
    readonly actions: ReadonlyArray<ReportedAction>
  }
  readonly followUp: { readonly at: string; readonly summary: Label; readonly effective: boolean }
  /** The effect requests the decider asked for over the round, by kind. */
  readonly effects: Readonly<Record<string, number>>
}

/** What a survey round needs. */
export interface SurveyRoundInput {
  readonly experiences: ReadonlyArray<CustomerExperience>
  readonly calendar: BusinessCalendar
  readonly seed: number
  /** The first day of the quarter surveyed. */
  readonly quarterStart: CivilDate
  /** The last day of the quarter surveyed; the round starts on the next working day. */
  readonly quarterEnd: CivilDate
}

const quarterNumerals = ["一", "二", "三", "四"]

/** The quarter a date falls in, as an id part and a name: 2026Q1, 2026 年第一季度. */
function quarterOf(date: CivilDate, offset = 0): { readonly id: string; readonly name: Label } {
  const year = Number(date.slice(0, 4))
  const index = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + offset
  const shiftedYear = year + Math.floor(index / 4)
  const quarter = ((index % 4) + 4) % 4
  return {
    id: `${shiftedYear}Q${quarter + 1}`,
    name: label(`${shiftedYear} 年第${quarterNumerals[quarter]}季度`, `Q${quarter + 1} ${shiftedYear}`),
  }
}

const stepLabels: Readonly<Record<Quality.SurveyEvent["type"], Label>> = {
  PlanDrafted: label("拟订调查方案", "Survey plan drafted"),
  PlanSubmitted: label("方案送审", "Plan submitted"),
  PlanRejected: label("方案退回", "Plan sent back"),
  PlanApproved: label("方案批准", "Plan approved"),
  SurveySent: label("发放问卷", "Questionnaires sent"),
  ResponseRecorded: label("回收问卷", "Response recorded"),
  CollectionClosed: label("回收结束（调查期满）", "Collection closed (fieldwork over)"),
  Evaluated: label("调查评价", "Survey evaluated"),
  ImprovementPlanSubmitted: label("改进方案送审", "Improvement plan submitted"),
  ImprovementPlanApproved: label("改进方案批准", "Improvement plan approved"),
  ImprovementPlanRejected: label("改进方案退回", "Improvement plan sent back"),
  ActionCompleted: label("措施完成", "Action completed"),
  ActionOverdue: label("措施超期", "Action overdue"),
  FollowUpDue: label("跟踪反馈到期", "Follow-up due"),
  FollowedUp: label("跟踪反馈，结束", "Followed up and closed"),
}

/** The survey decider driven like a runner would: commands decided, timers fired when due, effects counted. */
class SurveyRound {
  readonly process = Quality.satisfactionSurveyProcess(Quality.defaultQualityPolicy)
  state: Quality.SurveyState = this.process.initialState
  sequence = 0
  readonly steps: Array<SurveyStep> = []
  readonly effects: Record<string, number> = {}

  readonly instanceId: string
  readonly calendar: BusinessCalendar

  constructor(instanceId: string, calendar: BusinessCalendar) {
    this.instanceId = instanceId
    this.calendar = calendar
  }

  /** Decides a command; a refusal is a bug of the demo, so it throws with the decider's reason. */
  apply(command: Quality.SurveyCommand, note?: Label): ReadonlyArray<Quality.SurveyEvent> {
    const handled = handle(this.process, this.state, command)
    if (Result.isFailure(handled)) throw new Error(`survey ${command.type}: ${handled.failure.message}`)
    let state = this.state
    for (const event of handled.success.events) {
      state = this.process.evolve(state, event)
      for (const effect of this.process.effects(state, event, {
        instanceId: this.instanceId,
        sequence: this.sequence++,
      }))
        this.effects[effect.kind] = (this.effects[effect.kind] ?? 0) + 1
      if (event.type !== "ResponseRecorded" && event.type !== "ActionCompleted")
        this.steps.push({
          at: Complaints.localDateTime(this.calendar, event.at),
          event: event.type,
          step: stepLabels[event.type],
          note,
          status: state.status,
        })
    }
    this.state = state
    return handled.success.events
  }

  /** Fires the process's own timers that fall due up to `until`, earliest first. */
  fireTimersUntil(until: Instant): void {
    for (;;) {
      const due = this.process
        .deadlines(this.state)
        .filter((deadline) => deadline.dueAt <= until)
        .sort((left, right) => left.dueAt - right.dueAt || (left.key < right.key ? -1 : 1))[0]
      if (due === undefined) return
      this.apply({ ...due.command, at: due.dueAt } as Quality.SurveyCommand)
    }
  }
}

const owners = {
  director: personId("director-li"),
  manager: personId("manager-qian"),
  surveyOwner: personId("supervisor-zhou"),
  supervisor: personId("supervisor-sun"),
}

/** What each SERVQUAL dimension's shortfall calls for, who owns it, and what counts as done. */
const dimensionActions: Readonly<
  Record<Quality.ServqualDimension, { action: Label; target: Label; owner: PersonId }>
> = {
  responsiveness: {
    action: label(
      "首次响应超时的投诉当天转主管跟进；春节等高峰前两周加排投诉专员",
      "Complaints past their first-response limit go to a supervisor the same day; add officers two weeks before peaks such as Spring Festival",
    ),
    target: label("响应性差距缩小到 −0.5 以内", "Responsiveness gap within −0.5"),
    owner: owners.supervisor,
  },
  reliability: {
    action: label(
      "承诺办理期限前一个工作日提醒经办人，超期案件每周复盘",
      "Remind the handler one working day before the promised date; review overdue cases every week",
    ),
    target: label("按时办理率不低于 90%", "At least 90 % resolved on time"),
    owner: owners.manager,
  },
  assurance: {
    action: label(
      "投诉专员产品与法规知识培训并考核",
      "Product and regulation training, with a test, for every complaints officer",
    ),
    target: label("考核全部合格", "Every officer passes"),
    owner: owners.manager,
  },
  empathy: {
    action: label(
      "不予受理的投诉一律电话说明理由并提供替代方案",
      "Every complaint not accepted is explained by phone, with an alternative offered",
    ),
    target: label("不予受理客户回访率 100%", "Every such customer called"),
    owner: owners.surveyOwner,
  },
  tangibles: {
    action: label("更新产品资料与对账单版式", "Redesign the product leaflets and statements"),
    target: label("新版资料启用", "New materials in use"),
    owner: owners.director,
  },
}

const percent = (share: number | null) => (share === null ? "—" : `${(share * 100).toFixed(1)}%`)
/** A number with its sign, the minus as the typographic − (what the reports print for gaps and changes). */
export const signed = (value: number | null, decimals = 2) =>
  value === null ? "—" : `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value).toFixed(decimals)}`

/**
 * The actions the evaluation calls for: the SERVQUAL dimensions that fall significantly short,
 * largest importance-weighted shortfall first (at most three); a call-back of every detractor;
 * and a pilot of the feature the Kano analysis finds customers would welcome most.
 */
function actionsFrom(results: Quality.SurveyResults, kano: SatisfactionSurveyReport["kano"]) {
  const actions: Array<{
    action: Label
    target: Label
    owner: PersonId
    because: Label
  }> = []
  const shortfalls = (results.rater?.dimensions ?? [])
    .filter((row) => {
      const dimension = results.servqual?.dimensions.find((entry) => entry.dimension === row.dimension)
      return row.weightedGap !== null && dimension?.gap.verdict === "lower"
    })
    .sort((left, right) => left.weightedGap! - right.weightedGap!)
    .slice(0, 3)
  for (const row of shortfalls) {
    const name = Quality.ServqualDimension.labels[row.dimension]
    actions.push({
      ...dimensionActions[row.dimension],
      because: label(
        `${name["zh-CN"]}差距 ${signed(row.gap)}（加权 ${signed(row.weightedGap)}），显著低于期望`,
        `${name.en} gap ${signed(row.gap)} (weighted ${signed(row.weightedGap)}), significantly short of expectations`,
      ),
    })
  }
  const detractors = results.nps[0]?.result.detractors ?? 0
  if (detractors > 0)
    actions.push({
      action: label(
        `七日内回访全部 ${detractors} 位贬损者（推荐意愿 0–6 分），逐一记录原因`,
        `Call back all ${detractors} detractors (0–6 on recommendation) within seven days and record why`,
      ),
      target: label("贬损者回访率 100%", "Every detractor called back"),
      owner: owners.surveyOwner,
      because: label(`贬损者 ${detractors} 位`, `${detractors} detractors`),
    })
  const welcome = kano
    .filter((feature) => feature.category === "attractive" || feature.category === "oneDimensional")
    .sort((left, right) => (right.better ?? 0) - (left.better ?? 0))[0]
  if (welcome)
    actions.push({
      action: label(`试点“${welcome.label["zh-CN"]}”`, `Pilot ${welcome.label.en}`),
      target: label("试点覆盖 50 位客户并评估", "Piloted with 50 customers and assessed"),
      owner: owners.director,
      because: label(
        `Kano：${Quality.KanoCategory.label(welcome.category, "zh-CN")}，Better 系数 ${(welcome.better ?? 0).toFixed(2)}`,
        `Kano: ${Quality.KanoCategory.label(welcome.category, "en")}, better coefficient ${(welcome.better ?? 0).toFixed(2)}`,
      ),
    })
  return actions
}

/** Each response's mean perception per SERVQUAL dimension, read once per response. */
const perceptions = new WeakMap<Quality.SurveyResponse, Partial<Record<Quality.ServqualDimension, number>>>()

/** A respondent's mean perception of a dimension, for the round-to-round comparison. */
function perceptionOf(
  response: Quality.SurveyResponse,
  dimension: Quality.ServqualDimension,
): number | undefined {
  let means = perceptions.get(response)
  if (means === undefined) {
    const sums: Partial<Record<Quality.ServqualDimension, { total: number; count: number }>> = {}
    for (const [questionId, answer] of Object.entries(response.answers)) {
      if (!questionId.startsWith("servqual") || typeof answer !== "object" || Array.isArray(answer)) continue
      const of = Quality.servqualDimensionOfItem(Number(questionId.slice("servqual".length)))
      const sum = sums[of] ?? { total: 0, count: 0 }
      sum.total += (answer as Quality.ServqualItemAnswer).perception
      sum.count += 1
      sums[of] = sum
    }
    means = Object.fromEntries(
      Object.entries(sums).map(([key, sum]) => [key, sum!.total / sum!.count]),
    ) as Partial<Record<Quality.ServqualDimension, number>>
    perceptions.set(response, means)
  }
  return means[dimension]
}

const numbersOf = (
  responses: ReadonlyArray<Quality.SurveyResponse>,
  read: (response: Quality.SurveyResponse) => unknown,
) =>
  responses.flatMap((response) => {
    const value = read(response)
    return typeof value === "number" ? [value] : []
  })

/**
 * Runs the quarter's survey round and the previous round's comparison. Every answer comes from
 * the seed and each customer's experience, so the same inputs give the same report.
 */
export function runSatisfactionSurvey(input: SurveyRoundInput): SatisfactionSurveyReport {
  const { experiences, calendar } = input
  const policy = Quality.defaultQualityPolicy
  const interval = {
    confidence: policy.indices.confidence,
    minimumSampleSize: policy.indices.minimumSampleSize,
  }
  const current = quarterOf(input.quarterStart)
  const previous = quarterOf(input.quarterStart, -1)
  const standings = customerStandings(new Random(input.seed ^ 0x5a7e_0001), experiences.length)
  const random = new Random(input.seed ^ 0x5a7e_0002)
  const definition = satisfactionQuestionnaire(current.id)
  const surveyId = `CS-${current.id}`
  const round = new SurveyRound(surveyId, calendar)
  const day = (workingDays: number) => calendar.addWorkingDays(input.quarterEnd, workingDays)
  const at = (date: CivilDate, time: string) => calendar.instantAt(date, time)

  // ① The plan: a sample first, sent back by the manager, then every customer.
  const fieldworkStart = at(day(3), "09:00")
  const plan = (sampleSize: number, population: string): Quality.SurveyPlan => ({
    objective: `了解客户对${current.name["zh-CN"]}产品与服务的满意程度，找出改进重点`,
    population,
    sampleSize,
    channels: ["phone", "sms", "web"],
    fieldworkStart,
    owner: owners.surveyOwner,
  })
  const sample = Math.round(experiences.length / 2)
  round.apply(
    {
      type: "DraftPlan",
      at: at(day(1), "09:30"),
      id: surveyId,
      definition,
      plan: plan(sample, "随机抽样客户"),
    },
    label(`随机抽样 ${sample} 位客户`, `a random sample of ${sample} customers`),
  )
  round.apply({ type: "SubmitPlan", at: at(day(1), "10:00") })
  const rejection = label(
    "抽样会漏掉本季度投诉过的部分客户，请改为全部客户普查",
    "A sample would miss customers who complained this quarter: survey every customer",
  )
  round.apply(
    {
      type: "DecideApproval",
      at: at(day(1), "16:20"),
      approval: "plan",
      outcome: "rejected",
      comment: rejection["zh-CN"],
    },
    rejection,
  )
  round.apply(
    {
      type: "DraftPlan",
      at: at(day(2), "09:40"),
      id: surveyId,
      definition,
      plan: plan(experiences.length, `全部 ${experiences.length} 位客户`),
    },
    label(`改为普查全部 ${experiences.length} 位客户`, `revised: all ${experiences.length} customers`),
  )
  round.apply({ type: "SubmitPlan", at: at(day(2), "10:00") })
  round.apply({ type: "DecideApproval", at: at(day(2), "14:30"), approval: "plan", outcome: "approved" })
  round.apply(
    { type: "Send", at: fieldworkStart, invited: experiences.length },
    label("电话、短信、网页", "phone, SMS and web"),
  )

  // ② Fieldwork: the answers arrive until the fieldwork timer closes the collection.
  const fieldworkEnd = round.state.plan!.fieldworkEnd
  const setting: RoundSetting = {
    surveyVersion: definition.version,
    fieldworkStart,
    fieldworkEnd,
    breachWeight: 1,
  }
  const drawn = drawRound(random, definition, experiences, standings, setting)
  for (const { response } of drawn)
    round.apply({ type: "RecordResponse", at: response.submittedAt, response })
  round.fireTimersUntil(fieldworkEnd)
  const evaluatedOn = calendar.addWorkingDays(calendar.dateOf(fieldworkEnd), 1)
  const belowMinimum = drawn.length < policy.survey.minimumResponses
  round.apply(
    { type: "Evaluate", at: at(evaluatedOn, "10:00"), ...(belowMinimum ? { force: true } : {}) },
    belowMinimum
      ? label("回收份数不足最低要求，结果仅供参考", "below the minimum responses: indicative only")
      : undefined,
  )
  const results = round.state.results!
  const responses = round.state.responses

  // The previous round, as archived: the same questionnaire, the quarter before, without its backlog.
  const previousDefinition = satisfactionQuestionnaire(previous.id)
  const previousFrom = calendar.dateOf(at(input.quarterStart, "09:00") - 14 * 86_400_000)
  const previousSetting: RoundSetting = {
    surveyVersion: previousDefinition.version,
    fieldworkStart: at(previousFrom, "09:00"),
    fieldworkEnd: at(calendar.dateOf(at(input.quarterStart, "09:00") - 86_400_000), "18:00"),
    breachWeight: 0.45,
  }
  const previousResponses = drawRound(
    new Random(input.seed ^ 0x5a7e_0003),
    previousDefinition,
    experiences,
    standings,
    previousSetting,
  ).map(({ response }) => Result.getOrThrow(Quality.parseSurveyResponse(previousDefinition, response)))
  const previousResults = Quality.evaluateSurvey(previousDefinition, previousResponses, policy.indices)
  const csatOf = (evaluation: Quality.SurveyResults) => evaluation.csat[0]!.result
  const npsOf = (evaluation: Quality.SurveyResults) => evaluation.nps[0]!.result
  const satisfied = (evaluation: Quality.SurveyResults) => {
    const estimate = csatOf(evaluation).csat
    return { successes: Math.round((estimate.value ?? 0) * estimate.sampleSize), trials: estimate.sampleSize }
  }
  const itemNames: ReadonlyArray<{
    id: string
    name: Label
    read: (response: Quality.SurveyResponse) => unknown
  }> = [
    {
      id: "overall",
      name: label("总体满意度（1–5）", "Overall satisfaction (1–5)"),
      read: (r) => r.answers.overall,
    },
    {
      id: "recommend",
      name: label("推荐意愿（0–10）", "Likelihood to recommend (0–10)"),
      read: (r) => r.answers.recommend,
    },
    {
      id: "effort",
      name: label("解决问题的容易程度（1–7）", "Ease of getting an issue handled (1–7)"),
      read: (r) => r.answers.effort,
    },
    ...Quality.raterOrder.map((dimension) => ({
      id: `perception.${dimension}`,
      name: label(
        `感知：${Quality.ServqualDimension.label(dimension, "zh-CN")}（1–7）`,
        `Perceived ${Quality.ServqualDimension.label(dimension, "en").toLowerCase()} (1–7)`,
      ),
      read: (response: Quality.SurveyResponse) => perceptionOf(response, dimension),
    })),
  ]
  const gaps = Quality.gapAnalysis(
    itemNames.map((item) => ({
      itemId: item.id,
      name: item.name,
      previous: numbersOf(previousResponses, item.read),
      current: numbersOf(responses, item.read),
    })),
    interval,
  )

  // Segments: the same indices over the respondents of each kind of experience.
  const experienceOf = new Map(experiences.map((experience) => [experience.customerId, experience]))
  const bySegment = ExperienceSegment.values.map((segment) => {
    const mine = responses.filter((response) => experienceOf.get(response.respondentId)?.segment === segment)
    const overall = numbersOf(mine, (response) => response.answers.overall)
    const result = Quality.csat(overall, {
      ...interval,
      scale: { min: 1, max: 5 },
      topBoxes: policy.indices.csatTopBoxes,
    })
    return {
      segment,
      label: ExperienceSegment.labels[segment],
      customers: experiences.filter((experience) => experience.segment === segment).length,
      respondents: mine.length,
      csat: result.csat,
      mean: result.mean,
      nps: Quality.nps(
        numbersOf(mine, (response) => response.answers.recommend),
        interval,
      ).nps,
    }
  })

  const kano = results.kano.map((feature) => ({
    ...feature,
    label: kanoFeatures.find((entry) => entry.id === feature.feature)!.feature,
  }))

  // ③ The improvement plan the evaluation calls for, approved by the manager and the director.
  const proposedOn = calendar.addWorkingDays(evaluatedOn, 1)
  const proposedAt = at(proposedOn, "10:00")
  const planned = actionsFrom(results, kano).map((entry, index) => ({
    ...entry,
    id: `A${index + 1}`,
    dueOn: calendar.addWorkingDays(proposedOn, 10 + 2 * index),
  }))
  const csatNow = csatOf(results).csat
  const npsNow = npsOf(results).nps
  const worst = [...(results.servqual?.dimensions ?? [])]
    .sort((left, right) => (left.gap.value ?? 0) - (right.gap.value ?? 0))
    .slice(0, 2)
  const findings = label(
    `CSAT ${percent(csatNow.value)}（n = ${csatNow.sampleSize}），NPS ${signed(npsNow.value, 1)}；差距最大：${worst
      .map((row) => `${Quality.ServqualDimension.label(row.dimension, "zh-CN")} ${signed(row.gap.value)}`)
      .join("、")}；与上一轮相比显著下降 ${gaps.declined} 项、显著提高 ${gaps.improved} 项`,
    `CSAT ${percent(csatNow.value)} (n = ${csatNow.sampleSize}), NPS ${signed(npsNow.value, 1)}; largest gaps: ${worst
      .map(
        (row) =>
          `${Quality.ServqualDimension.label(row.dimension, "en").toLowerCase()} ${signed(row.gap.value)}`,
      )
      .join(
        ", ",
      )}; against the previous round ${gaps.declined} items significantly lower, ${gaps.improved} higher`,
  )
  round.apply(
    {
      type: "ProposeImprovementPlan",
      at: proposedAt,
      findings: findings["zh-CN"],
      actions: planned.map((entry) => ({
        id: entry.id,
        action: entry.action["zh-CN"],
        owner: entry.owner,
        dueAt: at(entry.dueOn, "18:00"),
        target: entry.target["zh-CN"],
      })),
    },
    label(`${planned.length} 项措施`, `${planned.length} actions`),
  )
  round.apply(
    {
      type: "DecideApproval",
      at: at(calendar.addWorkingDays(proposedOn, 1), "16:00"),
      approval: "improvementPlan",
      outcome: "approved",
    },
    label("经理审核、总监审批", "reviewed by the manager, approved by the director"),
  )

  // ④ Implementation: each owner completes the action, most on time, now and then late.
  const completions = planned
    .map((entry) => {
      const late = random.chance(0.25)
      const completedOn = late
        ? calendar.addWorkingDays(entry.dueOn, random.int(1, 3))
        : calendar.addWorkingDays(entry.dueOn, -random.int(0, 6))
      return {
        id: entry.id,
        completedAt: at(completedOn, `${String(random.int(9, 17)).padStart(2, "0")}:00`),
      }
    })
    .sort((left, right) => left.completedAt - right.completedAt)
  for (const completion of completions) {
    round.fireTimersUntil(completion.completedAt)
    round.apply({
      type: "CompleteAction",
      at: completion.completedAt,
      actionId: completion.id,
      note: "已按方案完成",
    })
  }
  // The follow-up falls due a month after approval, or once the last action is done if later.
  const followUpDueAt = round.state.followUpDueAt!
  const lastDone = Math.max(followUpDueAt, ...completions.map((completion) => completion.completedAt))
  round.fireTimersUntil(lastDone)
  const overdue = round.state.actions.filter((action) => action.overdue)
  const followUpAt = at(calendar.addWorkingDays(calendar.dateOf(lastDone), 1), "10:00")
  const summary = label(
    `${planned.length} 项措施全部完成${overdue.length > 0 ? `，其中 ${overdue.length} 项逾期` : "，均按期"}；效果由下一轮调查检验`,
    `All ${planned.length} actions done${overdue.length > 0 ? `, ${overdue.length} of them late` : ", all on time"}; the next round will tell whether they worked`,
  )
  round.apply(
    { type: "FollowUp", at: followUpAt, summary: summary["zh-CN"], effective: overdue.length === 0 },
    summary,
  )

  const tracked = new Map(round.state.actions.map((action) => [action.id, action]))
  const csatResult = csatOf(results)
  const previousCsat = csatOf(previousResults)
  return {
    surveyId,
    round: current.name,
    policyVersion: round.state.policyVersion,
    questionnaire: { id: definition.id, version: definition.version, questions: definition.questions.length },
    steps: round.steps,
    status: round.state.status,
    customers: experiences.length,
    invited: round.state.plan!.sampleSize,
    responses: responses.length,
    responseRate: responses.length / round.state.plan!.sampleSize,
    respondentsByKind: {
      organization: responses.filter(
        (response) => experienceOf.get(response.respondentId)?.kind === "organization",
      ).length,
      person: responses.filter((response) => experienceOf.get(response.respondentId)?.kind === "person")
        .length,
    },
    belowMinimum: round.state.belowMinimum,
    csat: csatResult,
    nps: npsOf(results),
    ces: results.ces[0]!.result,
    complaintHandling: results.satisfactionLevels[0]!.result,
    bySegment,
    servqual: results.servqual!,
    rater: results.rater!,
    kano,
    channels: results.choices.find((choice) => choice.questionId === "channel")?.result ?? {},
    comments: results.comments.find((entry) => entry.questionId === "suggestions")?.result ?? 0,
    previousRound: {
      surveyId: `CS-${previous.id}`,
      round: previous.name,
      fieldwork: {
        from: calendar.dateOf(previousSetting.fieldworkStart),
        to: calendar.dateOf(previousSetting.fieldworkEnd),
      },
      responses: previousResponses.length,
      csat: previousCsat.csat,
      nps: npsOf(previousResults).nps,
      csatChange: Quality.compare(
        Quality.differenceOfProportions(satisfied(results), satisfied(previousResults), interval),
      ),
      items: gaps.items,
      improved: gaps.improved,
      declined: gaps.declined,
      notSignificant: gaps.notSignificant,
      insufficientSample: gaps.insufficientSample,
    },
    improvementPlan: {
      findings,
      actions: planned.map((entry) => {
        const action = tracked.get(entry.id)!
        return {
          id: entry.id,
          action: entry.action,
          target: entry.target,
          owner: entry.owner,
          ownerName: nameOf(entry.owner),
          dueOn: entry.dueOn,
          completedOn: action.completedAt === undefined ? undefined : calendar.dateOf(action.completedAt),
          overdue: action.overdue,
          because: entry.because,
        }
      }),
    },
    followUp: {
      at: Complaints.localDateTime(calendar, followUpAt),
      summary,
      effective: overdue.length === 0,
    },
    effects: round.effects,
  }
}
