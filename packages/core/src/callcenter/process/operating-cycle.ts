import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { FormValue } from "../../forms/form.ts"
import { asWritten, label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
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
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { formCommandField } from "../../process/form-command-field.ts"
import { gateDecisionStep } from "../../process/gate-decision-step.ts"
import type { GateDecisionEvents } from "../../process/gate-events.ts"
import { modelResult } from "../../process/model-result.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema, personIdSchema } from "../../roles/actor.ts"
import { AgentRating } from "../labels/call-labels.ts"
import { type OperatingCycleStatus, OperatingObjective } from "../labels/operating-cycle-labels.ts"
import { type AgentEvaluation, evaluateAgent } from "../models/agent-evaluation.ts"
import { type MonitoringScore, scoreMonitoringSheet } from "../models/monitoring-score.ts"
import { type CallCentrePolicy, defaultCallCentrePolicy } from "../policy/call-centre-policy.ts"
import { monitoringSheetInputSchema, monitoringSheetOf } from "../schema/monitoring-sheet-input.ts"
import { operatingPlanForm } from "../schema/operating-plan-form.ts"

/** The process name of the call centre's operating cycle; part of every idempotency key. */
export const operatingCycleName = "callcenter.operatingCycle"

/** The operating plan of a period (呼叫中心运作方案): ① position, ② goals, ③ methods. */
export type OperatingPlan = FormValue<(typeof operatingPlanForm)["fields"]>

const percent = z.number().min(0).max(100)

/** ⑥ What the period measured, in percent: from `callKpis` over its calls and the monitoring sheets. */
const measuredSchema = z.strictObject({
  serviceLevelPercent: percent,
  abandonmentPercent: percent,
  firstCallResolutionPercent: percent.optional(),
  monitoringPercent: percent,
})

/** What the period measured against its goals. */
export type OperatingMeasures = ShapedCommand<typeof measuredSchema>

/** ⑦ One agent's period: the monitored calls and the performance measures against their targets. */
const appraisalSchema = z.strictObject({
  agent: personIdSchema,
  sheets: z.array(monitoringSheetInputSchema).max(500),
  measures: z
    .array(
      z.strictObject({
        id: commandIdSchema,
        name: commandTextSchema(100),
        actual: z.number().finite().min(0),
        target: z.number().finite().positive("must be positive"),
        higherIsBetter: z.boolean(),
        weight: z.number().finite().positive("must be positive"),
      }),
    )
    .max(20),
})

/**
 * The shape of every command of the operating cycle, checked before the decider reads it;
 * exported so callers can validate or generate commands without deciding them.
 */
export const operatingCycleCommandSchema = commandUnion(
  /** ① 确定战略定位 ② 确定运作目标 ③ 确定管理方法, filed for 审核 (呼叫中心主管). */
  commandShape("SetDirection", {
    cycleId: commandIdSchema,
    supervisor: actorSchema,
    plan: formCommandField(operatingPlanForm),
  }),
  /** ✓ 审核 by the customer-service manager. */
  decideApprovalSchema,
  /** ④ 培训客户服务人员. */
  commandShape("RecordTraining", {
    supervisor: actorSchema,
    sessions: commandTextSchema(2000),
    agentsTrained: z.number().int().min(1).max(10_000),
  }),
  /** The timer at the end of the period: ⑤ is over, ⑥ is due. */
  timerCommand("PeriodEnded"),
  /** ⑥ 服务质量评估: what the period measured, compared with ② its goals. */
  commandShape("EvaluateService", {
    evaluator: actorSchema,
    measured: measuredSchema,
    findings: commandTextSchema(5000).optional(),
  }),
  /** ⑦ 呼叫中心专员绩效管理: every agent's monitored calls and measures, evaluated and rated. */
  commandShape("AppraiseAgents", {
    evaluator: actorSchema,
    agents: z.array(appraisalSchema).min(1).max(500),
  }),
  cancelCommandSchema,
)

/** The commands of the operating cycle. */
export type OperatingCycleCommand = ShapedCommand<typeof operatingCycleCommandSchema>

type Step<Type extends OperatingCycleCommand["type"]> = StepFields<OperatingCycleCommand, Type>

/** A goal of ② the period missed: what was aimed at and what was measured. */
export interface OperatingShortfall {
  readonly objective: OperatingObjective
  readonly target: number
  readonly actual: number
}

/** The events of the operating cycle. */
export type OperatingCycleEvent =
  | FlowEvent<"DirectionSet", Step<"SetDirection"> & { approvalKey: string; policyVersion: string }>
  | GateDecisionEvents<"DirectionApproved", "DirectionReturned">
  | FlowEvent<"StaffTrained", Step<"RecordTraining">>
  | FlowEvent<"PeriodEnded">
  | FlowEvent<"ServiceEvaluated", Step<"EvaluateService"> & { shortfalls: ReadonlyArray<OperatingShortfall> }>
  | FlowEvent<"AgentsAppraised", { evaluator: Actor; evaluations: ReadonlyArray<AgentEvaluation> }>
  | CancelledEvent

/** Why an operating cycle command is refused. */
export type OperatingCycleRefusal = InvalidTransition | ValidationError

/** The state of one operating period of the call centre. */
export interface OperatingCycleState extends FlowState, GatedState {
  readonly status: OperatingCycleStatus
  readonly sequence: number
  readonly cycleId: string
  readonly policyVersion: string
  readonly supervisor: Actor | undefined
  readonly plan: OperatingPlan | undefined
  readonly approval: { readonly key: string } | undefined
  readonly agentsTrained: number
  readonly measured: OperatingMeasures | undefined
  readonly shortfalls: ReadonlyArray<OperatingShortfall>
  readonly evaluations: ReadonlyArray<AgentEvaluation>
}

const initialState: OperatingCycleState = {
  status: "none",
  sequence: 0,
  cycleId: "",
  policyVersion: "",
  supervisor: undefined,
  plan: undefined,
  approval: undefined,
  decidedApprovals: [],
  agentsTrained: 0,
  measured: undefined,
  shortfalls: [],
  evaluations: [],
}

/** The goals of the plan the measures fall short of (② against ⑥). */
function shortfallsOf(plan: OperatingPlan, measured: OperatingMeasures): ReadonlyArray<OperatingShortfall> {
  const fcr = plan.firstCallResolutionPercent
  const checks: ReadonlyArray<[OperatingObjective, number | undefined, number | undefined, boolean]> = [
    ["serviceLevel", plan.serviceLevelPercent, measured.serviceLevelPercent, true],
    ["abandonment", plan.maxAbandonmentPercent, measured.abandonmentPercent, false],
    ["firstCallResolution", fcr, measured.firstCallResolutionPercent, true],
    ["monitoring", plan.monitoringPercent, measured.monitoringPercent, true],
  ]
  return checks.flatMap(([objective, target, actual, higherIsBetter]) =>
    target === undefined || actual === undefined || (higherIsBetter ? actual >= target : actual <= target)
      ? []
      : [{ objective, target, actual }],
  )
}

/**
 * 呼叫中心运行流程 (004 ch.8 §12): the supervisor sets ① the centre's position, ② its goals and
 * ③ its methods for a period; the customer-service manager approves them (✓ 审核, or sends them
 * back); ④ the agents are trained; ⑤ the centre answers and makes calls (the inbound and outbound
 * flows) until the period ends; ⑥ its service quality is evaluated against the goals; ⑦ every
 * agent is appraised from the monitored calls (`scoreMonitoringSheet`) and the performance
 * measures (`evaluateAgent`), and an improvement plan is asked for each unsatisfactory one.
 */
export function operatingCycleProcess(
  policy: CallCentrePolicy = defaultCallCentrePolicy,
): ProcessDefinition<OperatingCycleState, OperatingCycleCommand, OperatingCycleEvent, OperatingCycleRefusal> {
  /** ⑦ one agent: each monitored call scored on the policy's scorecard, then the period evaluated. */
  function appraise(
    appraisal: ShapedCommand<typeof appraisalSchema>,
    index: number,
  ): Result.Result<AgentEvaluation, ValidationError> {
    const scores: Array<MonitoringScore> = []
    for (const [sheetIndex, sheet] of appraisal.sheets.entries()) {
      const scored = modelResult(
        () => scoreMonitoringSheet(policy.scorecard, monitoringSheetOf(sheet, appraisal.agent)),
        ["agents", index, "sheets", sheetIndex],
      )
      if (Result.isFailure(scored)) return Result.fail(scored.failure)
      scores.push(scored.success)
    }
    return modelResult(
      () =>
        evaluateAgent({
          agentId: appraisal.agent,
          monitoring: scores,
          measures: appraisal.measures.map((measure) => ({
            ...measure,
            name: asWritten(measure.name),
          })),
          ratingBands: policy.ratingBands,
        }),
      ["agents", index],
    )
  }

  return defineFlow<OperatingCycleState, OperatingCycleCommand, OperatingCycleEvent, ValidationError>({
    name: operatingCycleName,
    initialState,
    commands: operatingCycleCommandSchema,
    idOf: (state) => state.cycleId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 确定战略定位 ② 确定运作目标 ③ 确定管理方法 (呼叫中心主管) → 审核
      SetDirection: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "returned")
          return decision.refuse("the direction is set for a new period, or again when sent back")
        if (state.status === "returned" && command.cycleId !== state.cycleId)
          return decision.refuse(`the plan sent back is that of period ${state.cycleId}`)
        return decision.accept({
          ...command,
          type: "DirectionSet",
          approvalKey: decision.keyAt(0, "approval.submit", command.cycleId),
          policyVersion: policy.version,
        })
      },
      // ✓ 审核 (客户服务经理): approved → ④; sent back → ①②③ again
      DecideApproval: gateDecisionStep((state) => state.status === "awaitingApproval", {
        approved: "DirectionApproved",
        returned: "DirectionReturned",
      }),
      // ④ 培训客户服务人员 (呼叫中心主管), then ⑤ 响应客户呼入 / 发起呼出业务 until the period ends
      RecordTraining: (state, command, decision) => {
        if (state.status !== "training")
          return decision.refuse("the agents are trained once the plan is approved")
        return decision.accept({ ...command, type: "StaffTrained" })
      },
      PeriodEnded: (state, command, decision) =>
        decision.acceptIf(state.status === "operating", { type: "PeriodEnded", at: command.at }),
      // ⑥ 服务质量评估 (呼叫中心主管)
      EvaluateService: (state, command, decision) => {
        if (state.status !== "evaluating")
          return decision.refuse("the service is evaluated once the period has ended")
        const shortfalls = shortfallsOf(state.plan!, command.measured)
        return decision.accept({ ...command, type: "ServiceEvaluated", shortfalls })
      },
      // ⑦ 呼叫中心专员绩效管理 (呼叫中心主管, for each 呼叫中心专员)
      AppraiseAgents: (state, command, decision) => {
        if (state.status !== "appraising")
          return decision.refuse("the agents are appraised after the service evaluation")
        const evaluations: Array<AgentEvaluation> = []
        for (const [index, appraisal] of command.agents.entries()) {
          const evaluated = appraise(appraisal, index)
          if (Result.isFailure(evaluated)) return Result.fail(evaluated.failure)
          evaluations.push(evaluated.success)
        }
        return decision.accept({
          type: "AgentsAppraised",
          at: command.at,
          evaluator: command.evaluator,
          evaluations,
        })
      },
      Cancel: cancelWhileOpen(["closed"], "only an open period can be cancelled", "awaitingApproval"),
    },
    folds: {
      DirectionSet: (state, event) => ({
        ...state,
        status: "awaitingApproval",
        cycleId: event.cycleId,
        policyVersion: event.policyVersion,
        supervisor: event.supervisor,
        plan: event.plan,
        approval: { key: event.approvalKey },
      }),
      DirectionApproved: (state) => ({ ...gatePassed(state), status: "training" }),
      DirectionReturned: (state) => ({ ...gateReturned(state), status: "returned" }),
      StaffTrained: (state, event) => ({ ...state, status: "operating", agentsTrained: event.agentsTrained }),
      PeriodEnded: (state) => ({ ...state, status: "evaluating" }),
      ServiceEvaluated: (state, event) => ({
        ...state,
        status: "appraising",
        measured: event.measured,
        shortfalls: event.shortfalls,
      }),
      AgentsAppraised: (state, event) => ({ ...state, status: "closed", evaluations: event.evaluations }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      timers(
        state.status === "operating" && timer("period-end", state.plan?.periodEnd, { type: "PeriodEnded" }),
      ),
    effects: {
      DirectionSet: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: operatingCycleName,
          businessKey: state.cycleId,
          title: label(`呼叫中心运作方案：${state.cycleId}`, `Call centre operating plan: ${state.cycleId}`),
          originator: supervisorOf(state),
          formId: operatingPlanForm.id,
          values: event.plan,
          steps: [{ mode: "any", approvers: [{ role: "manager" }] }],
        }),
      ],
      DirectionApproved: (state, _event, host) => [
        host.task(supervisorOf(state), {
          externalKey: `${state.cycleId}/training`,
          subject: `培训客户服务人员 Train the agents for ${state.cycleId}`,
          body: state.plan!.trainingPlan ?? state.plan!.managementMethods,
        }),
      ],
      DirectionReturned: (state, event, host) => [
        host.notify(
          [supervisorOf(state)],
          "warning",
          label("运作方案被退回", "Operating plan sent back"),
          label(event.comment ?? "请修改后重新提交", event.comment ?? "revise and submit again"),
        ),
      ],
      StaffTrained: (state, _event, host) => [host.completeTask(`${state.cycleId}/training`)],
      PeriodEnded: (state, _event, host) => [
        host.task(supervisorOf(state), {
          externalKey: `${state.cycleId}/evaluate`,
          subject: `服务质量评估与专员绩效管理 Evaluate ${state.cycleId}`,
          body: "Evaluate the period's service quality against its goals, then appraise every agent.",
        }),
      ],
      ServiceEvaluated: (state, event, host) =>
        event.shortfalls.length === 0
          ? []
          : [
              host.notify(
                [{ role: "manager" }],
                "warning",
                label("呼叫中心未达运作目标", "Call centre missed its goals"),
                label(
                  `${state.cycleId}：${event.shortfalls.map((gap) => OperatingObjective.label(gap.objective, "zh-CN")).join("、")}`,
                  `${state.cycleId}: ${event.shortfalls.map((gap) => OperatingObjective.label(gap.objective, "en")).join(", ")}`,
                ),
              ),
            ],
      AgentsAppraised: (state, event, host) => [
        host.completeTask(`${state.cycleId}/evaluate`),
        ...event.evaluations
          .filter((evaluation) => evaluation.rating === "unsatisfactory")
          .map((evaluation) =>
            host.task(
              supervisorOf(state),
              {
                externalKey: `${state.cycleId}/improve/${evaluation.agentId}`,
                subject: `绩效改进 Improvement plan for ${evaluation.agentId}`,
                body: `Rated ${AgentRating.label(evaluation.rating, "en")}: overall ${evaluation.overall.toFixed(1)}, critical errors ${evaluation.criticalErrors}.`,
              },
              `host.task.create:${evaluation.agentId}`,
            ),
          ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

const supervisorOf = (state: OperatingCycleState) => ({ person: state.supervisor!.personId })
