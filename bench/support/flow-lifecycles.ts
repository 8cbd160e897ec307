// The eight approval-bearing flows of issue 13, each as one happy-path lifecycle of public
// commands (start → steps → approval submitted → approved → finished). The flow-kit bench and
// its test drive these same inputs before and after the flow-kit rewrite, so the rewrite is
// measured on commands whose shapes it must keep.
import {
  Accounts,
  type AnyProcessDefinition,
  CallCenter,
  type CommandOf,
  Credit,
  departmentId,
  Grading,
  label,
  Money,
  personId,
  Quality,
  type StateOf,
  type Unstamped,
} from "@tixi/core"

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour
const yuan = (amount: string) => Money.ofMajor(amount, "CNY")

const officer = { personId: personId("officer-wu"), role: "officer" as const }
const supervisor = { personId: personId("supervisor-sun"), role: "supervisor" as const }
const sales = { personId: personId("sales-ma"), role: "officer" as const }

/**
 * One command of a lifecycle, `after` milliseconds from the lifecycle's start. A function
 * builds the command from the state reached so far, for what only the process knows (the key of
 * the approval it opened).
 */
export interface FlowStep<D extends AnyProcessDefinition> {
  readonly after: number
  readonly command: Unstamped<CommandOf<D>> | ((state: StateOf<D>) => Unstamped<CommandOf<D>>)
}

/**
 * A flow's happy path: the definition, the commands of instance `index` in order, and the
 * status its state must end in — checked so the bench never measures refusals or a flow that
 * stopped short.
 */
export interface FlowLifecycle<D extends AnyProcessDefinition = AnyProcessDefinition> {
  readonly name: string
  readonly definition: D
  readonly steps: (id: string, index: number) => ReadonlyArray<FlowStep<D>>
  readonly finalStatus: string
  readonly statusOf: (state: StateOf<D>) => string
}

const defineFlow = <D extends AnyProcessDefinition>(
  definition: D,
  flow: NoInfer<Omit<FlowLifecycle<D>, "definition">>,
): FlowLifecycle => ({ ...flow, definition }) as unknown as FlowLifecycle

/** The key of the approval a state holds open (the credit, accounts and grading flows). */
const approvalKeyOf = (state: { readonly approval?: { readonly key: string } | undefined }) => {
  if (!state.approval) throw new Error("no approval open")
  return state.approval.key
}

const fiveCPolicy: Credit.CreditPolicy = {
  ...Credit.defaultCreditPolicy,
  scoring: { ...Credit.defaultCreditPolicy.scoring, model: "fiveC" },
}

/** Scores 70.0 with the 5C model → grade B, ¥150,000 asked for: the manager approves. */
const wholesalerFindings = {
  answers: { character: 80, capacity: 70, capital: 60, collateral: 50, conditions: 90 },
  annualRevenue: yuan("1200000"),
  openReceivables: yuan("150000"),
  openOrders: yuan("40000"),
  oldestOverdueDays: 0,
  bouncedPayments: 0,
  bankruptcySigns: [],
}

const creditEvaluation = defineFlow(Credit.creditEvaluationProcess(fiveCPolicy), {
  name: "credit evaluation",
  finalStatus: "notified",
  statusOf: (state) => state.status,
  steps: (id) => [
    {
      after: 0,
      command: {
        type: "Apply",
        evaluationId: id,
        customerId: "W01",
        customerName: "华中批发",
        applicant: sales,
        requestedLimit: yuan("150000"),
      },
    },
    {
      after: hour,
      command: {
        type: "StartInvestigation",
        investigator: officer,
        agency: "internal",
        methods: ["interview", "siteVisit"],
      },
    },
    { after: day, command: { type: "RecordFindings", investigator: officer, findings: wholesalerFindings } },
    {
      after: 26 * hour,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: approvalKeyOf(state),
        outcome: "approved",
        decidedBy: personId("manager-qian"),
      }),
    },
    { after: 75 * hour, command: { type: "ConfirmCustomerNotified", actor: officer, channel: "phone" } },
  ],
})

const creditGradeChange = defineFlow(Credit.creditGradeChangeProcess(Credit.defaultCreditPolicy), {
  name: "credit grade change",
  finalStatus: "notified",
  statusOf: (state) => state.status,
  steps: (id) => [
    {
      after: 0,
      command: {
        type: "ReportAnomaly",
        changeId: id,
        customerId: "W01",
        customerName: "华中批发",
        reportedBy: officer,
        currentGrade: "B",
        currentLimit: yuan("200000"),
        annualTrade: yuan("1200000"),
        description: "两张支票被退回，货款逾期 45 天",
        signals: ["bouncedPayments"],
      },
    },
    {
      after: 4 * hour,
      command: {
        type: "RecordInvestigation",
        investigator: supervisor,
        cause: "资金紧张，连续退票",
        serious: true,
        proposedGrade: "C",
        measures: "改为部分预付，要求担保",
      },
    },
    {
      after: 8 * hour,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: approvalKeyOf(state),
        outcome: "approved",
      }),
    },
    { after: 9 * hour, command: { type: "ConfirmCustomerNotified", actor: officer, channel: "letter" } },
  ],
})

const creditLimitOverride = defineFlow(Credit.creditOverrideProcess(Credit.defaultCreditPolicy), {
  name: "credit-limit override",
  finalStatus: "approved",
  statusOf: (state) => state.status,
  steps: (id, index) => [
    {
      after: 0,
      command: {
        type: "RequestOverride",
        requestId: id,
        orderNumber: `SO-2026-${index}`,
        requestedBy: officer,
        reason: "旺季备货，客户承诺月底回款",
        // Exposure ¥250,000 against a ¥200,000 limit: past the tolerance, the manager decides.
        position: {
          customerId: "W01",
          grade: "B",
          limit: yuan("200000"),
          openReceivables: yuan("150000"),
          openOrders: yuan("40000"),
          oldestOverdueDays: 0,
          bouncedPayments: 0,
          bankruptcySigns: [],
          order: yuan("60000"),
        },
      },
    },
    {
      after: hour,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: approvalKeyOf(state),
        outcome: "approved",
      }),
    },
  ],
})

const keyAccountRevisit = defineFlow(Accounts.keyAccountRevisitProcess(Accounts.defaultAccountsPolicy), {
  name: "key-account revisit",
  finalStatus: "archived",
  statusOf: (state) => state.status,
  steps: (id) => [
    {
      after: 0,
      command: {
        type: "IssueNotice",
        revisitId: id,
        customerId: "K1",
        customerName: "华东五金",
        issuedBy: supervisor,
        dueAt: 0, // replaced by the start + 20 days in `lifecycleCommands`
        purpose: "季度回访",
      },
    },
    { after: day, command: { type: "Assign", assignedBy: supervisor, officer } },
    {
      after: 15 * day,
      command: {
        type: "RecordVisit",
        officer,
        visitedOn: "2026-05-19",
        findings: "设备运行正常，客户希望增加培训",
        qualityData: "故障响应平均 3.5 小时",
      },
    },
    { after: 16 * day, command: { type: "SubmitReport", officer, followUp: "安排两次操作培训" } },
    {
      after: 17 * day,
      command: (state) => ({
        type: "DecideApproval",
        approvalKey: approvalKeyOf(state),
        outcome: "approved",
      }),
    },
  ],
})

/** The grading the relationship-maintenance lifecycle records (②③), shared with its recorded scenarios. */
export const gradingSummary: Grading.GradingSummary = {
  policyVersion: Grading.defaultGradingPolicy.version,
  customers: 10,
  grades: { AAA: 2, AA: 2, A: 2, B: 4 },
  abc: { A: 3, B: 2, C: 5 },
  serviceTiers: { strategic: 2, key: 2, standard: 2, basic: 4 },
  upgrades: 0,
  downgrades: 0,
}

const relationshipMaintenance = defineFlow(
  Grading.relationshipMaintenanceProcess(Grading.defaultGradingPolicy),
  {
    name: "relationship maintenance",
    finalStatus: "closed",
    statusOf: (state) => state.status,
    steps: (id) => [
      {
        after: 0,
        command: {
          type: "StartCycle",
          cycleId: id,
          periodFrom: "2025-01-01",
          periodTo: "2025-12-31",
          owner: supervisor,
        },
      },
      { after: day, command: { type: "RecordGrading", grading: gradingSummary } },
      { after: 2 * day, command: { type: "RegisterRoster", registered: 10 } },
      {
        after: 3 * day,
        command: {
          type: "SubmitServicePlan",
          author: supervisor,
          plan: "AAA：专人服务、每月回访；AA：每两月回访；A：季度回访；B：电话关怀",
        },
      },
      {
        after: 4 * day,
        command: (state) => ({
          type: "DecideApproval",
          approvalKey: approvalKeyOf(state),
          outcome: "approved",
        }),
      },
      { after: 90 * day, command: { type: "RecordExecution", actor: supervisor, report: "回访完成率 92%" } },
      {
        after: 97 * day,
        command: {
          type: "RecordImprovement",
          actor: supervisor,
          problems: "B 级客户响应慢",
          improvements: "B 级客户改为线上服务",
        },
      },
    ],
  },
)

const qualityReview = defineFlow(Quality.qualityReviewProcess(), {
  name: "quality review",
  finalStatus: "closed",
  statusOf: (state) => state.status,
  steps: (id) => [
    {
      after: 0,
      command: {
        type: "Plan",
        id,
        kind: "inspection",
        departmentId: departmentId("customer-service"),
        scope: "热线服务质量",
        criteria: "客户服务质量标准规范",
        plannedFor: 0, // replaced by the start + 2 days in `lifecycleCommands`
        lead: personId("director-li"),
      },
    },
    {
      after: 2 * day,
      command: {
        type: "RecordFindings",
        checklist: [
          {
            item: "铃响三声内接听",
            standard: "来电铃响 3 声内必须应答",
            conforming: false,
            finding: "高峰时段 22% 来电超过三声",
          },
        ],
        nonconformities: [
          { id: "NC1", description: "高峰时段接听超时", standard: "呼叫中心管理办法 §3", severity: "major" },
        ],
      },
    },
    {
      after: 3 * day,
      command: {
        type: "ProposeCorrectiveAction",
        nonconformityId: "NC1",
        rootCause: "排班未覆盖 10 点高峰",
        correctiveAction: "按 Erlang C 重排班",
        responsible: personId("supervisor-sun"),
      },
    },
    { after: 4 * day, command: { type: "DecideApproval", nonconformityId: "NC1", outcome: "approved" } },
    {
      after: 8 * day,
      command: { type: "CompleteCorrectiveAction", nonconformityId: "NC1", evidence: "新排班表" },
    },
    {
      after: 15 * day,
      command: {
        type: "VerifyCorrectiveAction",
        nonconformityId: "NC1",
        effective: true,
        note: "高峰超时降至 4%",
        by: personId("manager-qian"),
      },
    },
    {
      after: 16 * day,
      command: { type: "Close", conclusion: "整改有效", standardised: ["排班按 Erlang C 每周复核"] },
    },
  ],
})

const surveyDefinition: Quality.SurveyDefinition = {
  id: "satisfaction-bench",
  version: "1",
  title: label("客户满意度调查", "Customer satisfaction survey"),
  questions: [Quality.csatQuestion("overall"), Quality.npsQuestion("recommend")],
}

/** The responses a survey collects: the default policy's minimum, so it evaluates without force. */
export const surveyResponses = Quality.defaultQualityPolicy.survey.minimumResponses

const satisfactionSurvey = defineFlow(Quality.satisfactionSurveyProcess(), {
  name: "satisfaction survey",
  finalStatus: "closed",
  statusOf: (state) => state.status,
  steps: (id) => [
    {
      after: 0,
      command: {
        type: "DraftPlan",
        id,
        definition: surveyDefinition,
        plan: {
          objective: "了解客户对客服热线的满意程度",
          population: "近三个月联系过热线的客户",
          sampleSize: 200,
          channels: ["sms", "phone"],
          fieldworkStart: 0, // replaced by the start + 1 day in `lifecycleCommands`
          owner: personId("supervisor-sun"),
        },
      },
    },
    { after: 1000, command: { type: "SubmitPlan" } },
    { after: hour, command: { type: "DecideApproval", approval: "plan", outcome: "approved" } },
    { after: day, command: { type: "Send", invited: 400 } },
    ...Array.from({ length: surveyResponses }, (_, response) => ({
      after: day + (response + 1) * minute,
      command: {
        type: "RecordResponse" as const,
        response: {
          surveyId: surveyDefinition.id,
          surveyVersion: surveyDefinition.version,
          respondentId: `customer-${response}`,
          submittedAt: 0, // replaced by the command's instant in `lifecycleCommands`
          answers: { overall: 1 + ((response * 7) % 5), recommend: (response * 3) % 11 },
        },
      },
    })),
    { after: 15 * day, command: { type: "CloseCollection" } },
    { after: 16 * day, command: { type: "Evaluate" } },
    {
      after: 17 * day,
      command: {
        type: "ProposeImprovementPlan",
        findings: "等待时间过长，回电不及时",
        actions: [{ id: "A1", action: "高峰时段增加坐席", owner: personId("supervisor-sun"), dueAt: 0 }],
      },
    },
    {
      after: 18 * day,
      command: { type: "DecideApproval", approval: "improvementPlan", outcome: "approved" },
    },
    { after: 25 * day, command: { type: "CompleteAction", actionId: "A1", note: "新增 6 个坐席" } },
    { after: 50 * day, command: { type: "FollowUp", summary: "复测 CSAT 提升 8 个百分点", effective: true } },
  ],
})

const serviceRequest = defineFlow(CallCenter.serviceRequestProcess(), {
  name: "call-centre service request",
  finalStatus: "closed",
  statusOf: (state) => state.status,
  steps: (id, index) => [
    {
      after: 0,
      command: {
        type: "Receive",
        id,
        callId: `call-${index}`,
        agentId: personId("agent-07"),
        customerKey: "cust-9",
        need: "发票金额有误，要求更正",
      },
    },
    {
      after: minute,
      command: { type: "Transfer", departmentId: departmentId("finance"), reason: "需财务核对" },
    },
    {
      after: 3 * hour,
      command: { type: "RecordDepartmentAnswer", answer: "金额已更正", by: personId("finance-zhou") },
    },
    { after: 4 * hour, command: { type: "GiveFeedback", customerSatisfied: true } },
    { after: 5 * hour, command: { type: "Close", note: "客户确认" } },
  ],
})

/** The eight flows issue 13 rewrites on the flow kit, in the order. */
export const flowLifecycles: ReadonlyArray<FlowLifecycle> = [
  creditEvaluation,
  creditGradeChange,
  creditLimitOverride,
  keyAccountRevisit,
  relationshipMaintenance,
  qualityReview,
  satisfactionSurvey,
  serviceRequest,
]

const monday = Date.UTC(2026, 0, 5, 1, 0) // Monday 5 January 2026, 09:00 in Shanghai

/** When instance `index` starts: spread over working weeks so the instances do not all coincide. */
export const startOf = (index: number) => monday + (index % 5000) * 7 * minute

/**
 * Fills the instants that depend on the start (due dates, planned dates, submission times) into a
 * command stamped at `at`; every other field is the step's own.
 */
function stamp(command: Record<string, unknown>, at: number, start: number): Record<string, unknown> {
  switch (command.type) {
    case "IssueNotice":
      return { ...command, at, dueAt: start + 20 * day }
    case "Plan":
      return { ...command, at, plannedFor: start + 2 * day }
    case "DraftPlan":
      return {
        ...command,
        at,
        plan: { ...(command.plan as Record<string, unknown>), fieldworkStart: start + day },
      }
    case "RecordResponse":
      return {
        ...command,
        at,
        response: { ...(command.response as Record<string, unknown>), submittedAt: at },
      }
    case "ProposeImprovementPlan":
      return {
        ...command,
        at,
        actions: (command.actions as Array<Record<string, unknown>>).map((action) => ({
          ...action,
          dueAt: start + 40 * day,
        })),
      }
    default:
      return { ...command, at }
  }
}

/**
 * The stamped command of step `step` for instance `index`, given the state so far: what a runner
 * is handed (the command) with the instant its clock stamps on it.
 */
export function stampedCommand<D extends AnyProcessDefinition>(
  step: FlowStep<D>,
  state: StateOf<D>,
  start: number,
): CommandOf<D> {
  const command = typeof step.command === "function" ? step.command(state) : step.command
  return stamp(command as Record<string, unknown>, start + step.after, start) as CommandOf<D>
}

/** What a lifecycle asks of the definition besides decide and evolve (all of it in the bench). */
export interface Parts {
  readonly deadlines: boolean
  readonly effects: boolean
}

/**
 * One lifecycle through the definition as the in-memory runner drives it: for every command
 * decide, evolve each event, build its effects, list the deadlines. Throws on a refusal; returns
 * the status reached and a count of the work done (so none of it is optimised away).
 */
export function runLifecycle(
  flow: FlowLifecycle,
  index: number,
  parts: Parts = { deadlines: true, effects: true },
): { readonly status: string; readonly work: number } {
  const { definition } = flow
  const id = `FK-${index}`
  const start = startOf(index)
  let state = definition.initialState
  let sequence = 0
  let work = 0
  for (const step of flow.steps(id, index)) {
    const command = stampedCommand(step, state, start)
    const decided = definition.decide(state, command)
    if (decided._tag === "Failure") {
      throw new Error(
        `${flow.name} ${id} ${command.type}: ${String(decided.failure.message ?? decided.failure._tag)}`,
      )
    }
    for (const event of decided.success) {
      state = definition.evolve(state, event)
      if (parts.effects) work += definition.effects(state, event, { instanceId: id, sequence }).length
      sequence += 1
    }
    if (parts.deadlines) work += definition.deadlines(state).length
  }
  return { status: flow.statusOf(state), work: work + sequence }
}

/**
 * BASELINE state — the floor: a plain object with the step reached, a version and the events'
 * instants spread into it, and a stand-in approval key for the steps that read one.
 */
interface PlainState {
  readonly step: number
  readonly id: string
  readonly version: number
  readonly approval: { readonly key: string }
  readonly data: Readonly<Record<string, unknown>>
}
type PlainCommand = { readonly type: string; readonly at: number } & Record<string, unknown>

/**
 * The baseline's decide: a bare switch on the command's type that accepts it only as the next
 * step of the path (one event, the command spread into it). No validation, no policy, no
 * approvals, no calendar, no deadlines, no effects.
 */
function plainDecide(command: PlainCommand, expected: string | undefined) {
  switch (command.type) {
    case expected:
      return [{ ...command, type: `${command.type}Done` }]
    default:
      return []
  }
}

function plainEvolve(state: PlainState, event: PlainCommand): PlainState {
  return {
    ...state,
    step: state.step + 1,
    version: state.version + 1,
    data: { ...state.data, [event.type]: event.at },
  }
}

/**
 * The same lifecycle as `runLifecycle` — the same commands built and stamped the same way —
 * through the bare switch over plain objects. Returns the steps it took (all of them, or it throws).
 */
export function runBaselineLifecycle(flow: FlowLifecycle, index: number): number {
  const id = `FK-${index}`
  const start = startOf(index)
  const steps = flow.steps(id, index)
  let state: PlainState = { step: 0, id, version: 0, approval: { key: `${id}/approval` }, data: {} }
  for (const step of steps) {
    const command = stampedCommand(step, state as never, start) as PlainCommand
    const expected = (typeof step.command === "function" ? undefined : step.command.type) ?? command.type
    for (const event of plainDecide(command, expected)) state = plainEvolve(state, event)
  }
  if (state.step !== steps.length)
    throw new Error(`baseline ${flow.name} ${id} stopped at step ${state.step}`)
  return state.version
}
