import { z } from "zod"
import type { BusinessCalendar } from "../../calendar/index.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId } from "../../ids/ids.ts"
import { asWritten, label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { decideAtGate, type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelWhileOpen,
} from "../../process/cancellation.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
  timerCommand,
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { ladderDeadlines, ladderMarksDue, type ScheduledLadder } from "../../process/escalation-ladder.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import type { GateDecidedFields, GateReturnedFields } from "../../process/gate-events.ts"
import { workingDayLadders } from "../../process/working-day-ladders.ts"
import { type Actor, actorSchema, personIdSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { civilDateSchema } from "../../time/civil-date.ts"
import type { Instant } from "../../time/instant.ts"
import type { ComplaintAnalysisStatus } from "../labels/analysis-status.ts"
import { ContentCategory } from "../labels/content-category.ts"
import { ImprovementArea } from "../labels/improvement-area.ts"
import { RootCause } from "../labels/root-cause.ts"
import {
  analysedComplaintSchema,
  type PeriodAnalysisFigures,
  periodAnalysisFigures,
} from "../models/period-analysis.ts"
import { summaryRecordOf } from "../models/records.ts"
import type { CauseKey } from "../models/statistics.ts"
import { type ComplaintAnalysisPolicy, defaultComplaintAnalysisPolicy } from "../policy/analysis-policy.ts"
import { type SummaryRecord, summaryForm } from "../schema/summary-form.ts"

/** The process name of the periodic complaint analysis; part of every idempotency key. */
export const complaintAnalysisName = "complaint.analysis"

const causeKeys = new Set<string>(
  ContentCategory.values.flatMap((category) => RootCause.values.map((cause) => `${category}/${cause}`)),
)

/** A cause of the Pareto in commands: `category/rootCause`, e.g. `quality/serious`. */
export const causeKeySchema = z
  .string()
  .refine(
    (value) => causeKeys.has(value),
    "must be a content category and a root cause, e.g. quality/serious",
  ) as unknown as z.ZodType<CauseKey>

const improvementMeasureSchema = z.strictObject({
  measureId: commandIdSchema,
  cause: causeKeySchema,
  departmentId: departmentIdSchema,
  area: ImprovementArea.schema,
  action: commandTextSchema(2000),
  /** The person in the department who carries it out; the department's supervisor when absent. */
  owner: personIdSchema.optional(),
  workingDays: z.number().int().min(1).max(250),
})

/** One improvement measure (改进措施) a department proposes against a cause. */
export type ImprovementMeasure = ShapedCommand<typeof improvementMeasureSchema>

/**
 * The shape of every command of a complaint analysis, checked before the decider reads it;
 * exported so callers can validate or generate commands without deciding them.
 */
export const complaintAnalysisCommandSchema = commandUnion(
  /** ① the period's complaints, as the runtime read them; the figures are computed from them. */
  commandShape("CompileStatistics", {
    analysisId: commandIdSchema,
    analyst: actorSchema,
    from: civilDateSchema,
    to: civilDateSchema,
    complaints: z.array(analysedComplaintSchema).max(100_000),
  }),
  /** ② the causes to act on, from the Pareto (its class A when none are named). */
  commandShape("AnalyseCauses", {
    analyst: actorSchema,
    vitalCauses: z.array(causeKeySchema).min(1).max(50).optional(),
    mainProblems: commandTextSchema(4000),
  }),
  /** ③ the department responsible for each cause. */
  commandShape("AssignDepartments", {
    supervisor: actorSchema,
    assignments: z
      .array(z.strictObject({ cause: causeKeySchema, departmentId: departmentIdSchema }))
      .min(1)
      .max(100),
  }),
  /** ④ the departments' measures, for approval. */
  commandShape("ProposeMeasures", {
    proposer: actorSchema,
    measures: z.array(improvementMeasureSchema).min(1).max(100),
  }),
  decideApprovalSchema,
  /** ⑤ a department reports a measure carried out. */
  commandShape("ReportMeasureDone", {
    measureId: commandIdSchema,
    reporter: actorSchema,
    result: commandTextSchema(2000),
  }),
  timerCommand("FollowUpMeasures"),
  /** ◇ 是否有效: the supervisor judges the measures by the complaints since. */
  commandShape("VerifyEffectiveness", {
    verifier: actorSchema,
    effective: z.boolean(),
    findings: commandTextSchema(4000),
  }),
  cancelCommandSchema,
)

/** The commands of the complaint analysis. */
export type ComplaintAnalysisCommand = ShapedCommand<typeof complaintAnalysisCommandSchema>

type Step<Type extends ComplaintAnalysisCommand["type"]> = StepFields<ComplaintAnalysisCommand, Type>
type Assignment = Step<"AssignDepartments">["assignments"][number]

/** The events of the complaint analysis. */
export type ComplaintAnalysisEvent =
  | FlowEvent<
      "StatisticsCompiled",
      { analysisId: string; analyst: Actor; figures: PeriodAnalysisFigures; policyVersion: string }
    >
  | FlowEvent<
      "CausesAnalysed",
      { analyst: Actor; vitalCauses: ReadonlyArray<CauseKey>; mainProblems: string }
    >
  | FlowEvent<"DepartmentsAssigned", Step<"AssignDepartments">>
  | FlowEvent<"MeasuresProposed", Step<"ProposeMeasures"> & { approvalKey: string }>
  | FlowEvent<"MeasuresApproved", GateDecidedFields & { ladders: ReadonlyArray<ScheduledLadder> }>
  | FlowEvent<"MeasuresReturned", GateReturnedFields>
  | FlowEvent<"MeasureReminded", { measureId: string }>
  | FlowEvent<"MeasureEscalated", { measureId: string; level: number; role: Role }>
  | FlowEvent<"MeasureCompleted", Step<"ReportMeasureDone">>
  | FlowEvent<"EffectivenessConfirmed", Step<"VerifyEffectiveness">>
  | FlowEvent<"FoundIneffective", Step<"VerifyEffectiveness">>
  | CancelledEvent

/** A measure once approved: its ladder, how far it climbed, and what the department reported. */
export interface TrackedMeasure extends ImprovementMeasure {
  readonly ladder: ScheduledLadder | undefined
  readonly reminded: boolean
  /** The highest rung reached (0: none). */
  readonly level: number
  readonly completedAt: Instant | undefined
  readonly result: string | undefined
}

/** The state of one periodic complaint analysis. */
export interface ComplaintAnalysisState extends FlowState, GatedState {
  readonly status: ComplaintAnalysisStatus
  /** Events folded in so far: the sequence number of the next event. */
  readonly sequence: number
  readonly analysisId: string
  readonly policyVersion: string
  readonly analyst: Actor | undefined
  readonly figures: PeriodAnalysisFigures | undefined
  readonly vitalCauses: ReadonlyArray<CauseKey>
  readonly mainProblems: string | undefined
  readonly assignments: ReadonlyArray<Assignment>
  readonly proposer: Actor | undefined
  readonly measures: ReadonlyArray<TrackedMeasure>
  readonly approval: { readonly key: string; readonly requestedAt: Instant } | undefined
  /** How often the measures were found ineffective and new ones proposed. */
  readonly rounds: number
  readonly findings: string | undefined
}

/** Why a complaint analysis command is refused. */
export type ComplaintAnalysisRefusal = InvalidTransition | ValidationError

const initialState: ComplaintAnalysisState = {
  status: "none",
  sequence: 0,
  analysisId: "",
  policyVersion: "",
  analyst: undefined,
  figures: undefined,
  vitalCauses: [],
  mainProblems: undefined,
  assignments: [],
  proposer: undefined,
  measures: [],
  approval: undefined,
  decidedApprovals: [],
  rounds: 0,
  findings: undefined,
}

/** What the flow needs besides its policy. */
export interface ComplaintAnalysisOptions {
  /** Turns a measure's working days into its due instant and ladder (e.g. `chinaMainlandCalendar()`). */
  readonly calendar: BusinessCalendar
  readonly policy?: ComplaintAnalysisPolicy
}

/**
 * 客户投诉分析流程 (000 6.4.1): the period's statistics → the Pareto of causes → the departments
 * responsible → improvement measures ✓ → the follow-up of each measure → ◇ effective? → closed.
 * The figures, the approval key and each measure's ladder are decided once and kept in the
 * events, so replay never recomputes them under today's policy or calendar.
 */
export function complaintAnalysisProcess(
  options: ComplaintAnalysisOptions,
): ProcessDefinition<
  ComplaintAnalysisState,
  ComplaintAnalysisCommand,
  ComplaintAnalysisEvent,
  ComplaintAnalysisRefusal
> {
  const { calendar } = options
  const policy = options.policy ?? defaultComplaintAnalysisPolicy

  return defineFlow<
    ComplaintAnalysisState,
    ComplaintAnalysisCommand,
    ComplaintAnalysisEvent,
    ComplaintAnalysisRefusal
  >({
    name: complaintAnalysisName,
    initialState,
    commands: complaintAnalysisCommandSchema,
    idOf: (state) => state.analysisId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 统计本期投诉 (客户投诉专员) ◇ any investigated cause? no: closed with nothing to improve
      CompileStatistics: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the analysis was already started")
        if (command.to < command.from) return decision.refuse("the period ends before it starts")
        const foreign = command.complaints.find((complaint) => complaint.loss.currency !== policy.currency)
        if (foreign !== undefined)
          return decision.refuse(`complaint ${foreign.complaintId}: losses must be in ${policy.currency}`)
        const { analysisId, analyst, from, to, complaints, at } = command
        const figures = periodAnalysisFigures(complaints, { from, to }, policy.currency)
        const policyVersion = policy.version
        return decision.accept({
          type: "StatisticsCompiled",
          at,
          analysisId,
          analyst,
          figures,
          policyVersion,
        })
      },
      // ② 柏拉图分析投诉原因 (客户投诉专员): the vital few to act on
      AnalyseCauses: (state, command, decision) => {
        if (state.status !== "causes")
          return decision.refuse("causes are analysed once the statistics are in")
        const pareto = state.figures!.causePareto
        const vitalCauses =
          command.vitalCauses ?? pareto.filter((row) => row.class === "A").map((row) => row.key)
        const unknown = vitalCauses.find((cause) => !pareto.some((row) => row.key === cause))
        if (unknown !== undefined)
          return decision.refuse(`no complaint of the period has the cause ${unknown}`)
        const { analyst, mainProblems, at } = command
        return decision.accept({
          type: "CausesAnalysed",
          at,
          analyst,
          vitalCauses: [...new Set(vitalCauses)],
          mainProblems,
        })
      },
      // ③ 确定责任部门 (客户投诉主管): every vital cause has a department
      AssignDepartments: (state, command, decision) => {
        if (state.status !== "departments")
          return decision.refuse("departments are named for the causes chosen in the analysis")
        const stray = command.assignments.find((assignment) => !state.vitalCauses.includes(assignment.cause))
        if (stray !== undefined) return decision.refuse(`${stray.cause} is not a cause chosen to act on`)
        const orphan = state.vitalCauses.find(
          (cause) => !command.assignments.some((assignment) => assignment.cause === cause),
        )
        if (orphan !== undefined) return decision.refuse(`no department is responsible for ${orphan}`)
        return decision.accept({ ...command, type: "DepartmentsAssigned" })
      },
      // ④ 提出改进措施 (责任部门) → ✓ 客服经理 审批
      ProposeMeasures: (state, command, decision) => {
        if (state.status !== "proposing")
          return decision.refuse("measures are proposed once the departments are named")
        const refusal = measuresRefusal(state, command.measures, policy)
        if (refusal !== undefined) return decision.refuse(refusal)
        const approvalKey = decision.keyAt(0, "approval.submit")
        return decision.accept({ ...command, type: "MeasuresProposed", approvalKey })
      },
      // ✓ approved: ⑤ follow-up, each measure due in its working days — returned: back to ④
      DecideApproval: (state, command, decision) =>
        decideAtGate(state, command, state.status === "awaitingApproval", decision, {
          approved: ({ at, ...decided }) => {
            const ladders = workingDayLadders(calendar, at, state.measures, policy.followUp)
            return decision.accept({ type: "MeasuresApproved", at, ...decided, ladders })
          },
          returned: (decided) => decision.accept({ type: "MeasuresReturned", ...decided }),
        }),
      // ⑤ 跟踪落实改进措施 (责任部门 reports, 客户投诉专员 tracks)
      ReportMeasureDone: (state, command, decision) => {
        if (state.status !== "following") return decision.refuse("measures are reported done once approved")
        const measure = state.measures.find((candidate) => candidate.measureId === command.measureId)
        if (measure === undefined) return decision.refuse(`no measure ${command.measureId} in this analysis`)
        if (measure.completedAt !== undefined)
          return decision.refuse(`measure ${command.measureId} was already reported done`)
        return decision.accept({ ...command, type: "MeasureCompleted" })
      },
      // ⑤ reminders before the due date, escalation up the ladder after it
      FollowUpMeasures: (state, command, decision) => {
        if (state.status !== "following") return decision.accept()
        const events = openMeasures(state).flatMap((measure): ReadonlyArray<ComplaintAnalysisEvent> => {
          const { measureId } = measure
          const due = ladderMarksDue(measure.ladder!, measure, command.at)
          return [
            ...(due.remind ? [{ type: "MeasureReminded" as const, at: command.at, measureId }] : []),
            ...due.rungs.map((rung) => ({
              type: "MeasureEscalated" as const,
              at: command.at,
              measureId,
              level: rung.level,
              role: rung.role,
            })),
          ]
        })
        return decision.accept(...events)
      },
      // ◇ 改进是否有效 (客户投诉主管): yes → closed — no: back to ④ for further measures
      VerifyEffectiveness: (state, command, decision) => {
        if (state.status !== "verifying")
          return decision.refuse("the effect is verified once every measure is carried out")
        return decision.accept(
          command.effective
            ? { ...command, type: "EffectivenessConfirmed" }
            : { ...command, type: "FoundIneffective" },
        )
      },
      Cancel: cancelWhileOpen(["closed"], "only an open analysis can be cancelled", "awaitingApproval"),
    },
    folds: {
      StatisticsCompiled: (state, { analysisId, analyst, figures, policyVersion }) => ({
        ...state,
        status: figures.causePareto.length === 0 ? "closed" : "causes",
        analysisId,
        analyst,
        figures,
        policyVersion,
      }),
      CausesAnalysed: (state, { vitalCauses, mainProblems }) => ({
        ...state,
        status: "departments",
        vitalCauses,
        mainProblems,
      }),
      DepartmentsAssigned: (state, { assignments }) => ({ ...state, status: "proposing", assignments }),
      MeasuresProposed: (state, { proposer, measures, approvalKey, at }) => ({
        ...state,
        status: "awaitingApproval",
        proposer,
        measures: measures.map((measure) => ({
          ...measure,
          ladder: undefined,
          reminded: false,
          level: 0,
          completedAt: undefined,
          result: undefined,
        })),
        approval: { key: approvalKey, requestedAt: at },
      }),
      MeasuresApproved: (state, { ladders }) => ({
        ...gatePassed(state),
        status: "following",
        measures: state.measures.map((measure, index) => ({ ...measure, ladder: ladders[index] })),
      }),
      MeasuresReturned: (state) => ({ ...gateReturned(state), status: "proposing" }),
      MeasureReminded: (state, { measureId }) =>
        withMeasure(state, measureId, (measure) => ({ ...measure, reminded: true })),
      MeasureEscalated: (state, { measureId, level }) =>
        withMeasure(state, measureId, (measure) => ({ ...measure, level: Math.max(measure.level, level) })),
      MeasureCompleted: (state, { measureId, result, at }) => {
        const next = withMeasure(state, measureId, (measure) => ({ ...measure, completedAt: at, result }))
        return { ...next, status: openMeasures(next).length === 0 ? "verifying" : "following" }
      },
      EffectivenessConfirmed: (state, { findings }) => ({ ...state, status: "closed", findings }),
      FoundIneffective: (state, { findings }) => ({
        ...state,
        status: "proposing",
        findings,
        rounds: state.rounds + 1,
      }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      state.status !== "following"
        ? []
        : openMeasures(state).flatMap((measure) =>
            ladderDeadlines(`measure:${measure.measureId}`, measure.ladder!, measure, {
              type: "FollowUpMeasures",
            }),
          ),
    effects: {
      StatisticsCompiled: (state, _event, host) =>
        state.status === "closed"
          ? []
          : [
              host.task(personOf(state.analyst), {
                externalKey: `${state.analysisId}/causes`,
                subject: `投诉原因分析 Analyse the causes of ${periodOf(state)}`,
                body: `${state.figures!.total} complaints; ${state.figures!.causePareto.length} causes in the Pareto.`,
              }),
            ],
      CausesAnalysed: (state, _event, host) => [
        host.task(
          { role: "supervisor" },
          {
            externalKey: `${state.analysisId}/departments`,
            subject: `确定责任部门 Name the departments responsible (${periodOf(state)})`,
            body: `Causes to act on: ${state.vitalCauses.join(", ")}.`,
          },
        ),
      ],
      DepartmentsAssigned: (state, event, host) =>
        departmentsOf(event.assignments).map((departmentId) =>
          host.task(
            { role: "supervisor", departmentId },
            {
              externalKey: `${state.analysisId}/propose/${departmentId}`,
              subject: `提出改进措施 Propose improvement measures (${periodOf(state)})`,
              body: `Causes: ${causesOf(event.assignments, departmentId).join(", ")}.`,
            },
            `host.task.create:${departmentId}`,
          ),
        ),
      MeasuresProposed: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: complaintAnalysisName,
          businessKey: state.analysisId,
          title: label(
            `客户投诉改进措施：${periodOf(state)}`,
            `Complaint improvement measures: ${periodOf(state)}`,
          ),
          originator: { person: event.proposer.personId },
          formId: summaryForm.id,
          values: complaintAnalysisSummary(state),
          steps: [{ mode: "any", approvers: [{ role: policy.approverRole }] }],
        }),
      ],
      MeasuresApproved: (state, _event, host) =>
        state.measures.map((measure) =>
          host.task(
            ownerOf(measure),
            {
              externalKey: measureTaskKey(state, measure.measureId),
              subject: `落实改进措施 Carry out: ${measure.action.slice(0, 80)}`,
              body: `${measure.cause} · ${ImprovementArea.label(measure.area, "en")} · ${measure.workingDays} working days`,
              dueAt: measure.ladder!.dueAt,
            },
            `host.task.create:${measure.measureId}`,
          ),
        ),
      MeasuresReturned: (state, event, host) => [
        host.notify(
          [personOf(state.proposer)],
          "warning",
          label("改进措施未获批准", "Improvement measures not approved"),
          label(
            event.comment ?? "请修改改进措施后重新提交",
            event.comment ?? "revise the measures and submit again",
          ),
        ),
      ],
      MeasureReminded: (state, event, host) => {
        const measure = measureOf(state, event.measureId)
        return [
          host.notify(
            [ownerOf(measure)],
            "info",
            label("改进措施即将到期", "Improvement measure due soon"),
            asWritten(measure.action),
          ),
        ]
      },
      MeasureEscalated: (state, event, host) => {
        const measure = measureOf(state, event.measureId)
        return [
          host.notify(
            [{ role: event.role }],
            event.level > 1 ? "urgent" : "warning",
            label("改进措施逾期未完成", "Improvement measure overdue"),
            label(`${measure.departmentId}：${measure.action}`, `${measure.departmentId}: ${measure.action}`),
          ),
        ]
      },
      MeasureCompleted: (state, event, host) => [
        host.completeTask(measureTaskKey(state, event.measureId)),
        ...(state.status === "verifying"
          ? [
              host.task(
                { role: "supervisor" },
                {
                  externalKey: `${state.analysisId}/verify/${state.rounds}`,
                  subject: `验证改进效果 Verify the effect of the measures (${periodOf(state)})`,
                  body: `${state.measures.length} measures carried out.`,
                },
              ),
            ]
          : []),
      ],
      EffectivenessConfirmed: (state, event, host) => [
        host.notify(
          [{ role: policy.approverRole }, personOf(state.analyst)],
          "info",
          label("客户投诉分析已结案", "Complaint analysis closed"),
          label(`${periodOf(state)}：${event.findings}`, `${periodOf(state)}: ${event.findings}`),
        ),
      ],
      FoundIneffective: (state, event, host) =>
        departmentsOf(state.assignments).map((departmentId) =>
          host.task(
            { role: "supervisor", departmentId },
            {
              externalKey: `${state.analysisId}/propose/${departmentId}/${state.rounds}`,
              subject: `补充改进措施 Propose further measures (${periodOf(state)})`,
              body: event.findings,
            },
            `host.task.create:${departmentId}`,
          ),
        ),
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

/**
 * 客户投诉总结表 of an analysis: the period's figures, the main problems found, and the measures
 * by the link they improve (products and services under 具体对策). What the approvers see.
 */
export function complaintAnalysisSummary(state: ComplaintAnalysisState): SummaryRecord {
  const lines = (areas: ReadonlyArray<ImprovementArea>) =>
    state.measures
      .filter((measure) => areas.includes(measure.area))
      .map((measure) => `${measure.departmentId}：${measure.action}（${measure.workingDays}个工作日）`)
      .join("\n")
      .slice(0, 4000)
  const texts = {
    mainQualityProblems: state.mainProblems,
    countermeasures: lines(["product", "service"]),
    transport: lines(["transport"]),
    processing: lines(["processing"]),
    management: lines(["management"]),
    other: lines(["other"]),
  }
  return {
    ...summaryRecordOf(state.figures!),
    ...Object.fromEntries(Object.entries(texts).filter(([, text]) => text !== undefined && text !== "")),
  }
}

function measuresRefusal(
  state: ComplaintAnalysisState,
  measures: ReadonlyArray<ImprovementMeasure>,
  policy: ComplaintAnalysisPolicy,
): string | undefined {
  const ids = new Set<string>()
  for (const measure of measures) {
    if (ids.has(measure.measureId)) return `measure ${measure.measureId} is proposed twice`
    ids.add(measure.measureId)
    if (
      !state.assignments.some(
        (assignment) =>
          assignment.cause === measure.cause && assignment.departmentId === measure.departmentId,
      )
    )
      return `measure ${measure.measureId}: ${measure.departmentId} was not named responsible for ${measure.cause}`
    if (measure.workingDays > policy.maximumWorkingDays)
      return `measure ${measure.measureId}: at most ${policy.maximumWorkingDays} working days`
  }
  const uncovered = state.vitalCauses.find((cause) => !measures.some((measure) => measure.cause === cause))
  return uncovered === undefined ? undefined : `no measure addresses ${uncovered}`
}

const openMeasures = (state: ComplaintAnalysisState) =>
  state.measures.filter((measure) => measure.completedAt === undefined)

const measureOf = (state: ComplaintAnalysisState, measureId: string) =>
  state.measures.find((measure) => measure.measureId === measureId)!

const withMeasure = (
  state: ComplaintAnalysisState,
  measureId: string,
  change: (measure: TrackedMeasure) => TrackedMeasure,
): ComplaintAnalysisState => ({
  ...state,
  measures: state.measures.map((measure) => (measure.measureId === measureId ? change(measure) : measure)),
})

const measureTaskKey = (state: ComplaintAnalysisState, measureId: string) =>
  `${state.analysisId}/measure/${measureId}`

const periodOf = (state: ComplaintAnalysisState) =>
  state.figures === undefined ? state.analysisId : `${state.figures.period.from}–${state.figures.period.to}`

const personOf = (actor: Actor | undefined): Assignee =>
  actor === undefined ? { role: "officer" } : { person: actor.personId }

const ownerOf = (measure: ImprovementMeasure): Assignee =>
  measure.owner === undefined
    ? { role: "supervisor", departmentId: measure.departmentId }
    : { person: measure.owner }

const departmentsOf = (assignments: ReadonlyArray<Assignment>): ReadonlyArray<DepartmentId> => [
  ...new Set(assignments.map((assignment) => assignment.departmentId)),
]

const causesOf = (assignments: ReadonlyArray<Assignment>, departmentId: DepartmentId) =>
  assignments
    .filter((assignment) => assignment.departmentId === departmentId)
    .map((assignment) => assignment.cause)
