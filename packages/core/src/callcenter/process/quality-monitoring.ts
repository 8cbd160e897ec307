import { Result } from "effect"
import { z } from "zod"
import type { BusinessCalendar } from "../../calendar/business-calendar.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelStep,
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
import { type ScheduledLadder, type ScheduledRung, scheduleLadder } from "../../process/escalation-ladder.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { ladderTimer } from "../../process/ladder-timer.ts"
import { modelResult } from "../../process/model-result.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema, personIdSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { MonitoringMode } from "../labels/call-labels.ts"
import type { QualityMonitoringStatus } from "../labels/quality-monitoring-labels.ts"
import { type CalibrationResult, calibrate } from "../models/calibration.ts"
import { type MonitoringScore, scoreMonitoringSheet } from "../models/monitoring-score.ts"
import { type CallCentrePolicy, defaultCallCentrePolicy } from "../policy/call-centre-policy.ts"
import {
  defaultQualityMonitoringPolicy,
  type QualityMonitoringPolicy,
} from "../policy/quality-monitoring-policy.ts"
import { monitoringSheetInputSchema, monitoringSheetOf } from "../schema/monitoring-sheet-input.ts"

/** The process name of call quality monitoring; part of every idempotency key. */
export const qualityMonitoringName = "callcenter.qualityMonitoring"

/**
 * The shape of every command of call quality monitoring, checked before the decider reads it;
 * exported so callers can validate or generate commands without deciding them.
 */
export const qualityMonitoringCommandSchema = commandUnion(
  /** ① 抽取呼叫: a call drawn (`sampleCallsForMonitoring`) and given to an evaluator. */
  commandShape("SampleCall", {
    monitoringId: commandIdSchema,
    callId: commandIdSchema,
    agent: personIdSchema,
    evaluator: actorSchema,
    mode: MonitoringMode.schema,
  }),
  /** ② 监听评分: the evaluator's monitoring sheet (呼叫业务质量监控表) ◇ 合格？ */
  commandShape("ScoreCall", {
    evaluator: actorSchema,
    sheet: monitoringSheetInputSchema,
    strengths: commandTextSchema(2000).optional(),
    improvements: commandTextSchema(2000).optional(),
  }),
  /** The agent disputes the score: the call goes to ③ calibration. */
  commandShape("DisputeScore", { agent: actorSchema, reason: commandTextSchema(2000) }),
  /**
   * ③ 校准 (呼叫业务质量校准表): several evaluators score the call; the lead's sheet is the
   * reference and becomes the call's score.
   */
  commandShape("RecordCalibration", {
    lead: actorSchema,
    sheets: z.array(monitoringSheetInputSchema).min(2).max(20),
    agreedStandard: commandTextSchema(2000).optional(),
  }),
  /** The feedback timer: a reminder before it is due, the escalation rungs after. */
  timerCommand("CheckFeedback"),
  /** ④ 反馈辅导: the score and the coaching given to the agent, and what the agent said. */
  commandShape("GiveFeedback", {
    coach: actorSchema,
    agentComment: commandTextSchema(2000).optional(),
    actions: commandTextSchema(2000).optional(),
  }),
  /** ⑤ 不合格上报: the improvement plan for a failed call, and whether the agent is monitored again. */
  commandShape("RecordImprovementPlan", {
    supervisor: actorSchema,
    plan: commandTextSchema(5000),
    monitorAgain: z.boolean(),
  }),
  /** The improvement-plan timer. */
  timerCommand("ImprovementOverdue"),
  cancelCommandSchema,
)

/** The commands of call quality monitoring. */
export type QualityMonitoringCommand = ShapedCommand<typeof qualityMonitoringCommandSchema>

type Step<Type extends QualityMonitoringCommand["type"]> = StepFields<QualityMonitoringCommand, Type>

/** The events of call quality monitoring. */
export type QualityMonitoringEvent =
  | FlowEvent<"CallSampled", Step<"SampleCall"> & { policyVersion: string; scorecardVersion: string }>
  | FlowEvent<
      "CallScored",
      {
        evaluator: Actor
        score: MonitoringScore
        strengths: string | undefined
        improvements: string | undefined
        feedback: ScheduledLadder
      }
    >
  | FlowEvent<"ScoreDisputed", Step<"DisputeScore">>
  | FlowEvent<
      "Calibrated",
      {
        lead: Actor
        calibration: CalibrationResult
        score: MonitoringScore
        agreedStandard: string | undefined
        feedback: ScheduledLadder
      }
    >
  | FlowEvent<"FeedbackReminded">
  | FlowEvent<"FeedbackEscalated", { rung: ScheduledRung }>
  | FlowEvent<"FeedbackGiven", Step<"GiveFeedback"> & { improvementDueAt: Instant | undefined }>
  | FlowEvent<"ImprovementPlanned", Step<"RecordImprovementPlan">>
  | FlowEvent<"ImprovementOverdue">
  | CancelledEvent

/** Why a quality monitoring command is refused. */
export type QualityMonitoringRefusal = InvalidTransition | ValidationError

/** The state of one monitored call. */
export interface QualityMonitoringState extends FlowState {
  readonly status: QualityMonitoringStatus
  readonly sequence: number
  readonly monitoringId: string
  readonly callId: string
  readonly agent: PersonId | undefined
  readonly evaluator: Actor | undefined
  readonly policyVersion: string
  readonly score: MonitoringScore | undefined
  readonly calibration: CalibrationResult | undefined
  readonly feedback: ScheduledLadder | undefined
  readonly feedbackReminded: boolean
  readonly feedbackLevel: number
  readonly improvementDueAt: Instant | undefined
  readonly improvementOverdue: boolean
  readonly monitorAgain: boolean | undefined
  // No approval (✓) in this chart; the fields let `cancelStep` see that none is waited on.
  readonly approval: undefined
  readonly decidedApprovals: readonly []
}

const initialState: QualityMonitoringState = {
  status: "none",
  sequence: 0,
  monitoringId: "",
  callId: "",
  agent: undefined,
  evaluator: undefined,
  policyVersion: "",
  score: undefined,
  calibration: undefined,
  feedback: undefined,
  feedbackReminded: false,
  feedbackLevel: 0,
  improvementDueAt: undefined,
  improvementOverdue: false,
  monitorAgain: undefined,
  approval: undefined,
  decidedApprovals: [],
}

/** What call quality monitoring runs with. */
export interface QualityMonitoringOptions {
  /** The scorecard and the calibration tolerance come from the call-centre policy. */
  readonly callCentre?: CallCentrePolicy
  readonly monitoring?: QualityMonitoringPolicy
  /** The centre's working calendar (e.g. `chinaMainlandCalendar()`): feedback and plans fall in it. */
  readonly calendar: BusinessCalendar
}

/**
 * 质量监控工作流程 (000 9.4.4): ① a call drawn for monitoring → ② scored on the monitoring sheet
 * against the scorecard (`scoreMonitoringSheet`) ◇ 合格？ → a disputed score ③ calibrated by
 * several evaluators (`calibrate`; the lead's sheet becomes the score, evaluators out of
 * tolerance reported) → ④ feedback to the agent within the policy's working time (reminded and
 * escalated) → ◇ failed: ⑤ reported to the team lead for an improvement plan. Scores, ladders and
 * due instants are decided once and kept in the events.
 */
export function qualityMonitoringProcess(
  options: QualityMonitoringOptions,
): ProcessDefinition<
  QualityMonitoringState,
  QualityMonitoringCommand,
  QualityMonitoringEvent,
  QualityMonitoringRefusal
> {
  const callCentre = options.callCentre ?? defaultCallCentrePolicy
  const policy = options.monitoring ?? defaultQualityMonitoringPolicy
  const { calendar } = options
  const feedbackLadder = (from: Instant) =>
    scheduleLadder(calendar, from, policy.feedbackWithinWorkingMinutes, {
      remindBeforeWorkingMinutes: policy.feedbackRemindBeforeWorkingMinutes,
      rungs: policy.feedbackEscalation,
    })
  const feedbackTimer = ladderTimer<QualityMonitoringState, QualityMonitoringCommand>({
    key: "feedback",
    command: { type: "CheckFeedback" },
    climbing: (state) =>
      state.status === "scored"
        ? {
            ladder: state.feedback!,
            progress: { reminded: state.feedbackReminded, level: state.feedbackLevel },
          }
        : undefined,
    events: { reminded: "FeedbackReminded", escalated: "FeedbackEscalated" },
  })
  const closed = (state: QualityMonitoringState) => state.status === "closed" || state.status === "cancelled"

  return defineFlow<
    QualityMonitoringState,
    QualityMonitoringCommand,
    QualityMonitoringEvent,
    ValidationError
  >({
    name: qualityMonitoringName,
    initialState,
    commands: qualityMonitoringCommandSchema,
    idOf: (state) => state.monitoringId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 抽取呼叫 (质量监控专员 / 呼叫中心组长)
      SampleCall: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the call was already drawn")
        return decision.accept({
          ...command,
          type: "CallSampled",
          policyVersion: policy.version,
          scorecardVersion: callCentre.scorecard.version,
        })
      },
      // ② 监听评分 ◇ 合格？ (evaluator)
      ScoreCall: (state, command, decision) => {
        if (state.status !== "toScore") return decision.refuse("a drawn call is scored once")
        if (command.sheet.callId !== state.callId)
          return decision.refuse(`the sheet must score call ${state.callId}`)
        const scored = modelResult(
          () => scoreMonitoringSheet(callCentre.scorecard, monitoringSheetOf(command.sheet, state.agent!)),
          ["sheet"],
        )
        if (Result.isFailure(scored)) return Result.fail(scored.failure)
        return decision.accept({
          type: "CallScored",
          at: command.at,
          evaluator: command.evaluator,
          score: scored.success,
          strengths: command.strengths,
          improvements: command.improvements,
          feedback: feedbackLadder(command.at),
        })
      },
      // The agent disputes the score before feedback is closed: ③ 校准
      DisputeScore: (state, command, decision) => {
        if (state.status !== "scored")
          return decision.refuse("a score is disputed before its feedback is given")
        if (command.agent.personId !== state.agent)
          return decision.refuse("only the agent whose call was scored disputes the score")
        if (state.calibration !== undefined) return decision.refuse("a calibrated score is final")
        return decision.accept({ ...command, type: "ScoreDisputed" })
      },
      // ③ 校准 (校准主持人 with the evaluators): the lead's sheet is the reference
      RecordCalibration: (state, command, decision) => {
        if (state.status !== "calibrating")
          return decision.refuse("a call is calibrated once its score is disputed")
        const sheets = command.sheets.map((sheet) => monitoringSheetOf(sheet, state.agent!))
        const lead = sheets.findIndex((sheet) => sheet.evaluatorId === command.lead.personId)
        const calibrated = modelResult(
          () => ({
            calibration: calibrate(callCentre.scorecard, sheets, {
              tolerancePoints: callCentre.calibrationTolerancePoints,
              referenceEvaluatorId: command.lead.personId,
            }),
            score: scoreMonitoringSheet(callCentre.scorecard, sheets[lead]!),
          }),
          ["sheets"],
        )
        if (Result.isFailure(calibrated)) return Result.fail(calibrated.failure)
        return decision.accept({
          type: "Calibrated",
          at: command.at,
          lead: command.lead,
          ...calibrated.success,
          agreedStandard: command.agreedStandard,
          feedback: feedbackLadder(command.at),
        })
      },
      // ④ 反馈辅导 due: a reminder to the evaluator before it is due, the escalation rungs after
      CheckFeedback: feedbackTimer.step,
      // ④ 反馈辅导 (evaluator or team lead, with the agent) ◇ 合格？ no: ⑤ 不合格上报
      GiveFeedback: (state, command, decision) => {
        if (state.status !== "scored") return decision.refuse("feedback is given on a scored call")
        const improvementDueAt = state.score!.passed
          ? undefined
          : calendar.addWorkingMinutes(command.at, policy.improvementWithinWorkingMinutes)
        return decision.accept({ ...command, type: "FeedbackGiven", improvementDueAt })
      },
      // ⑤ 改进计划 (呼叫中心组长)
      RecordImprovementPlan: (state, command, decision) => {
        if (state.status !== "improving")
          return decision.refuse("an improvement plan follows a failed call's feedback")
        return decision.accept({ ...command, type: "ImprovementPlanned" })
      },
      ImprovementOverdue: (state, command, decision) =>
        decision.acceptIf(state.status === "improving" && !state.improvementOverdue, {
          type: "ImprovementOverdue",
          at: command.at,
        }),
      Cancel: cancelStep(
        (state) =>
          state.status === "none" || closed(state) ? "only a call being monitored can be dropped" : undefined,
        () => false,
      ),
    },
    folds: {
      CallSampled: (state, event) => ({
        ...state,
        status: "toScore",
        monitoringId: event.monitoringId,
        callId: event.callId,
        agent: event.agent,
        evaluator: event.evaluator,
        policyVersion: event.policyVersion,
      }),
      CallScored: (state, event) => ({
        ...state,
        status: "scored",
        score: event.score,
        feedback: event.feedback,
      }),
      ScoreDisputed: (state) => ({ ...state, status: "calibrating" }),
      Calibrated: (state, event) => ({
        ...state,
        status: "scored",
        score: event.score,
        calibration: event.calibration,
        feedback: event.feedback,
        feedbackReminded: false,
        feedbackLevel: 0,
      }),
      FeedbackReminded: (state) => ({ ...state, feedbackReminded: true }),
      FeedbackEscalated: (state, event) => ({ ...state, feedbackLevel: event.rung.level }),
      FeedbackGiven: (state, event) => ({
        ...state,
        status: event.improvementDueAt === undefined ? "closed" : "improving",
        improvementDueAt: event.improvementDueAt,
      }),
      ImprovementPlanned: (state, event) => ({
        ...state,
        status: "closed",
        monitorAgain: event.monitorAgain,
      }),
      ImprovementOverdue: (state) => ({ ...state, improvementOverdue: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      timers<QualityMonitoringCommand>(
        ...feedbackTimer.deadlines(state),
        state.status === "improving" &&
          timer(
            "improvement",
            state.improvementDueAt,
            { type: "ImprovementOverdue" },
            state.improvementOverdue,
          ),
      ),
    effects: {
      CallSampled: (state, event, host) => [
        host.task(
          { person: event.evaluator.personId },
          {
            externalKey: `${state.monitoringId}/score`,
            subject: `监听评分 Score call ${state.callId}`,
            body: `Agent ${event.agent}, ${MonitoringMode.label(event.mode, "en")} monitoring.`,
          },
        ),
      ],
      CallScored: (state, event, host) => [
        host.completeTask(`${state.monitoringId}/score`),
        host.task(
          { person: event.evaluator.personId },
          {
            externalKey: feedbackTaskKey(state),
            subject: `反馈辅导 Feed back call ${state.callId} to ${state.agent}`,
            body: scoreLine(event.score),
            dueAt: event.feedback.dueAt,
          },
        ),
      ],
      ScoreDisputed: (state, event, host) => [
        host.notify(
          [{ role: "supervisor" }],
          "info",
          label("监控评分申诉，需校准", "Monitoring score disputed: calibrate"),
          label(`呼叫 ${state.callId}：${event.reason}`, `Call ${state.callId}: ${event.reason}`),
        ),
      ],
      Calibrated: (state, event, host) =>
        event.calibration.calibrated
          ? []
          : [
              host.notify(
                [{ role: "supervisor" }],
                "warning",
                label("评分人未达校准标准", "Evaluators out of calibration"),
                label(
                  `呼叫 ${state.callId}：${outOfTolerance(event.calibration)}`,
                  `Call ${state.callId}: ${outOfTolerance(event.calibration)}`,
                ),
              ),
            ],
      FeedbackReminded: (state, _event, host) => [
        host.notify(
          [{ person: state.evaluator!.personId }],
          "info",
          label("监控反馈即将到期", "Monitoring feedback due soon"),
          label(`呼叫 ${state.callId} 尚未反馈坐席`, `Call ${state.callId} is not yet fed back to the agent`),
        ),
      ],
      FeedbackEscalated: (state, event, host) => [
        host.notify(
          [{ role: event.rung.role }],
          "warning",
          label("监控反馈逾期", "Monitoring feedback overdue"),
          label(
            `呼叫 ${state.callId} 的反馈已逾期（第 ${event.rung.level} 级）`,
            `Call ${state.callId}'s feedback is overdue (level ${event.rung.level})`,
          ),
        ),
      ],
      FeedbackGiven: (state, event, host) => [
        host.completeTask(feedbackTaskKey(state)),
        ...(event.improvementDueAt === undefined
          ? []
          : [
              host.notify(
                [{ role: policy.failureEscalatesTo }],
                "warning",
                label("监控不合格", "Monitored call failed"),
                label(
                  `坐席 ${state.agent}：${scoreLine(state.score!)}`,
                  `Agent ${state.agent}: ${scoreLine(state.score!)}`,
                ),
              ),
              host.task(
                { role: policy.failureEscalatesTo },
                {
                  externalKey: `${state.monitoringId}/improve`,
                  subject: `改进计划 Improvement plan for ${state.agent}`,
                  body: event.actions ?? scoreLine(state.score!),
                  dueAt: event.improvementDueAt,
                },
              ),
            ]),
      ],
      ImprovementPlanned: (state, _event, host) => [host.completeTask(`${state.monitoringId}/improve`)],
      ImprovementOverdue: (state, _event, host) => [
        host.notify(
          [{ role: "manager" }],
          "warning",
          label("改进计划逾期", "Improvement plan overdue"),
          label(
            `坐席 ${state.agent} 的改进计划尚未提交`,
            `Agent ${state.agent}'s improvement plan is not in`,
          ),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

const feedbackTaskKey = (state: QualityMonitoringState) => `${state.monitoringId}/feedback`
const scoreLine = (score: MonitoringScore) =>
  `${score.percent.toFixed(1)}%${score.passed ? "" : " (failed)"}${
    score.criticalErrors.length === 0 ? "" : `, critical: ${score.criticalErrors.join(", ")}`
  }`
const outOfTolerance = (calibration: CalibrationResult) =>
  calibration.evaluators
    .filter((evaluator) => !evaluator.withinTolerance || !evaluator.agreesOnCriticalErrors)
    .map(
      (evaluator) =>
        `${evaluator.evaluatorId} ${evaluator.deviation >= 0 ? "+" : ""}${evaluator.deviation.toFixed(1)}`,
    )
    .join(", ")
