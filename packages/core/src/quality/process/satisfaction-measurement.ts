import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelWhileOpen,
} from "../../process/cancellation.ts"
import { commandDateSchema } from "../../process/command-date.ts"
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
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow } from "../../process/flow.ts"
import { gateDecisionStep } from "../../process/gate-decision-step.ts"
import type { ApprovalGateEvents } from "../../process/gate-events.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { policyRefused } from "../../process/policy-refused.ts"
import { returnedNotice } from "../../process/returned-notice.ts"
import { timer, timers } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { type Instant, instantSchema } from "../../time/instant.ts"
import type { MeasurementStatus } from "../labels/quality-labels.ts"
import { SatisfactionIndicator } from "../labels/quality-labels.ts"
import { describeEstimate } from "../models/describe-estimate.ts"
import {
  type IndicatorTargets,
  type MeasuredFigure,
  measurementFigures,
  missedTargets,
} from "../models/measurement-figures.ts"
import { evaluateSurvey, type SurveyResults } from "../models/survey-evaluation.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import { measurementReportForm } from "../schema/measurement-report-form.ts"
import { parseSurveyDefinition, type SurveyDefinition } from "../schema/survey-definition.ts"
import { parseSurveyResponse, type SurveyResponse } from "../schema/survey-response.ts"
import { approverSteps, minimumResponsesCheck } from "./survey-round.ts"

const processName = "quality.satisfactionMeasurement"

/**
 * The shape of every command of a satisfaction measurement round, checked before the decider
 * reads it; exported so callers can validate commands without deciding them.
 */
export const satisfactionMeasurementCommandSchema = commandUnion(
  /** ① the round's questionnaire, period, targets and owner (测量方案). */
  commandShape("PlanMeasurement", {
    id: commandIdSchema,
    definition: z.unknown(),
    periodStart: commandDateSchema,
    periodEnd: commandDateSchema,
    targets: z.partialRecord(SatisfactionIndicator.schema, z.number().min(-100).max(100)),
    owner: personIdSchema,
    reportDueAt: instantSchema,
  }),
  /** ② the survey answers the round measures (from a survey round, a host's form, an import). */
  commandShape("RecordResponses", { responses: z.array(z.unknown()).min(1, "record at least one response") }),
  /** ③ compute; `force` reports indicative figures below the policy's minimum of responses. */
  commandShape("Measure", { force: z.boolean().optional() }),
  /** ④ the measurement report's conclusions, sent to 审核 ✓. */
  commandShape("SubmitReport", { conclusions: commandTextSchema(5000) }),
  decideApprovalSchema,
  timerCommand("RemindReport"),
  cancelCommandSchema,
)

/** The commands of a satisfaction measurement round. */
export type MeasurementCommand = ShapedCommand<typeof satisfactionMeasurementCommandSchema>

type Step<Type extends MeasurementCommand["type"]> = StepFields<MeasurementCommand, Type>

/** The events of a satisfaction measurement round. */
export type MeasurementEvent =
  | FlowEvent<
      "MeasurementPlanned",
      Omit<Step<"PlanMeasurement">, "definition"> & { definition: SurveyDefinition; policyVersion: string }
    >
  | FlowEvent<"ResponsesRecorded", { responses: ReadonlyArray<SurveyResponse> }>
  | FlowEvent<
      "Measured",
      { results: SurveyResults; figures: ReadonlyArray<MeasuredFigure>; belowMinimum: boolean }
    >
  | ApprovalGateEvents<"Report", Step<"SubmitReport">>
  | FlowEvent<"ReportReminded">
  | CancelledEvent

/** The state of one measurement round. */
export interface MeasurementState extends GatedState {
  readonly status: MeasurementStatus
  readonly sequence: number
  readonly id: string
  readonly policyVersion: string
  readonly definition: SurveyDefinition | undefined
  readonly periodStart: string | undefined
  readonly periodEnd: string | undefined
  readonly targets: IndicatorTargets
  readonly owner: PersonId | undefined
  readonly reportDueAt: Instant | undefined
  readonly reportReminded: boolean
  readonly responses: ReadonlyArray<SurveyResponse>
  readonly results: SurveyResults | undefined
  /** The headline figures against their targets, as measured (kept in `Measured`). */
  readonly figures: ReadonlyArray<MeasuredFigure>
  readonly belowMinimum: boolean
  readonly conclusions: string | undefined
  readonly returns: number
}

/** Why a measurement command was refused. */
export type MeasurementRefusal = InvalidTransition | PolicyRefusal | ValidationError

const initialState: MeasurementState = {
  status: "none",
  sequence: 0,
  id: "",
  policyVersion: "",
  definition: undefined,
  periodStart: undefined,
  periodEnd: undefined,
  targets: {},
  owner: undefined,
  reportDueAt: undefined,
  reportReminded: false,
  responses: [],
  results: undefined,
  figures: [],
  belowMinimum: false,
  conclusions: undefined,
  returns: 0,
  approval: undefined,
  decidedApprovals: [],
}

const ownerOf = (state: MeasurementState): Assignee => personOrPost(state.owner, "supervisor")
const titleOf = (state: MeasurementState) =>
  label(`客户满意度测量 ${state.id}`, `Customer satisfaction measurement ${state.id}`)
/** A figure in words, with its target and whether it was met. */
const described = (figure: MeasuredFigure, locale: "zh-CN" | "en") => {
  const unit = figure.indicator === "csat" ? "share" : "score"
  const name = SatisfactionIndicator.label(figure.indicator, locale)
  const target =
    figure.target === undefined
      ? ""
      : locale === "en"
        ? ` (target ${figure.target})`
        : `（目标 ${figure.target}）`
  return `${name} ${describeEstimate(figure.estimate, { locale, unit })}${target}`
}

/**
 * The satisfaction measurement round (客户满意度测量工作流程, 002 6.13): ① plan the round —
 * questionnaire, period, a target per indicator → ② record the survey answers → ③ measure:
 * every index the questionnaire supports with its interval (CSAT, NPS, satisfaction index, RATER),
 * ◇ each against its target, the figures kept in the event → ④ the report 审核 ✓ → ⑤ published;
 * ◇ targets missed: the owner and the approvers are warned that improvement is due. A reminder
 * fires when the report is not in by its due date.
 */
export function satisfactionMeasurementProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<MeasurementState, MeasurementCommand, MeasurementEvent, MeasurementRefusal> {
  const enoughResponses = minimumResponsesCheck(
    policy.survey.minimumResponses,
    "measurement.minimumResponses",
    "measure",
  )
  const { survey } = policy
  const reviewers = survey.planApprovers.map((role): Assignee => ({ role }))

  return defineFlow<MeasurementState, MeasurementCommand, MeasurementEvent, PolicyRefusal | ValidationError>({
    name: processName,
    initialState,
    commands: satisfactionMeasurementCommandSchema,
    idOf: (state) => state.id || "(new)",
    finished: ["published", "cancelled"],
    steps: {
      // ① 确定测量指标、对象与目标 (quality supervisor)
      PlanMeasurement: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the round is planned once")
        const definition = parseSurveyDefinition(command.definition)
        if (Result.isFailure(definition)) return Result.fail(definition.failure)
        if (command.periodEnd < command.periodStart)
          return policyRefused("measurement.period", "the period must end on or after its start")
        if (command.reportDueAt <= command.at)
          return policyRefused("measurement.reportDue", "the report must be due in the future")
        return decision.accept({
          ...command,
          type: "MeasurementPlanned",
          definition: definition.success,
          policyVersion: policy.version,
        })
      },
      // ② 采集测量数据 (survey officer): each answer fits the questionnaire, one per respondent
      RecordResponses: (state, command, decision) => {
        if (state.status !== "planned")
          return decision.refuse("answers are recorded before the round is measured")
        const seen = new Set(state.responses.map((response) => response.respondentId))
        const responses: Array<SurveyResponse> = []
        for (const raw of command.responses) {
          const response = parseSurveyResponse(state.definition!, raw)
          if (Result.isFailure(response)) return Result.fail(response.failure)
          const who = response.success.respondentId
          if (seen.has(who))
            return policyRefused(
              "measurement.oneResponsePerRespondent",
              `respondent ${who} has already answered`,
            )
          seen.add(who)
          responses.push(response.success)
        }
        return decision.accept({ type: "ResponsesRecorded", at: command.at, responses })
      },
      // ③ 计算满意度指数 (analyst) ◇ enough answers? no: refused unless forced ◇ each target met?
      Measure: (state, command, decision) => {
        if (state.status !== "planned")
          return decision.refuse("the round is measured once, after its answers")
        const checked = enoughResponses(state.responses.length, command.force)
        if (Result.isFailure(checked)) return Result.fail(checked.failure)
        const belowMinimum = checked.success
        const results = evaluateSurvey(state.definition!, state.responses, policy.indices)
        const figures = measurementFigures(results, state.targets)
        return decision.accept({ type: "Measured", at: command.at, results, figures, belowMinimum })
      },
      // ④ 编写测量报告 (quality supervisor) → 审核 ✓ (manager)
      SubmitReport: (state, command, decision) => {
        if (state.status !== "measured") return decision.refuse("the report follows the measurement")
        return decision.accept({
          type: "ReportSubmitted",
          at: command.at,
          conclusions: command.conclusions.trim(),
          approvalKey: decision.keyAt(0, "approval.submit"),
        })
      },
      // ✓ approved: ⑤ 发布测量结果 — rejected or withdrawn: back to ④
      DecideApproval: gateDecisionStep((state) => state.status === "reportSubmitted", {
        approved: "ReportApproved",
        returned: "ReportReturned",
      }),
      // timer: the report not in by its due date
      RemindReport: (state, command, decision) =>
        decision.acceptIf(
          (state.status === "planned" || state.status === "measured") && !state.reportReminded,
          { type: "ReportReminded", at: command.at },
        ),
      Cancel: cancelWhileOpen(
        ["published"],
        "only an open measurement round can be cancelled",
        "reportSubmitted",
      ),
    },
    folds: {
      MeasurementPlanned: (state, { type: _, at: __, ...planned }) => ({
        ...state,
        ...planned,
        status: "planned",
      }),
      ResponsesRecorded: (state, event) => ({
        ...state,
        responses: [...state.responses, ...event.responses],
      }),
      Measured: (state, { type: _, at: __, ...measured }) => ({ ...state, ...measured, status: "measured" }),
      ReportSubmitted: (state, { approvalKey, conclusions }) => ({
        ...state,
        status: "reportSubmitted",
        conclusions,
        approval: { key: approvalKey },
      }),
      ReportApproved: (state) => ({ ...gatePassed(state), status: "published" }),
      ReportReturned: (state) => ({ ...gateReturned(state), status: "measured", returns: state.returns + 1 }),
      ReportReminded: (state) => ({ ...state, reportReminded: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    // ◇ report due and not in? remind the owner
    deadlines: (state) =>
      timers<MeasurementCommand>(
        (state.status === "planned" || state.status === "measured") &&
          timer("report-due", state.reportDueAt, { type: "RemindReport" }, state.reportReminded),
      ),
    effects: {
      MeasurementPlanned: (state, event, host) => [
        host.task(ownerOf(state), {
          externalKey: `${state.id}/responses`,
          subject: `采集满意度测量数据 ${state.id}`,
          body: `${event.periodStart} – ${event.periodEnd}`,
          dueAt: event.reportDueAt,
        }),
      ],
      Measured: (state, { figures, belowMinimum }, host) => [
        host.completeTask(`${state.id}/responses`),
        host.notify(
          [ownerOf(state)],
          belowMinimum ? "warning" : "info",
          titleOf(state),
          label(
            `测量完成（${state.responses.length} 份）：${figures.map((figure) => described(figure, "zh-CN")).join("；")}`,
            `Measured (${state.responses.length} responses): ${figures.map((figure) => described(figure, "en")).join("; ")}`,
          ),
        ),
      ],
      ReportSubmitted: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: processName,
          businessKey: state.id,
          title: label(`${titleOf(state)["zh-CN"]} · 测量报告审核`, `${titleOf(state).en} · report`),
          originator: ownerOf(state),
          formId: measurementReportForm.id,
          values: {
            periodStart: state.periodStart,
            periodEnd: state.periodEnd,
            responses: state.responses.length,
            figures: state.figures.map(({ indicator, questionId, estimate, target, met }) => ({
              indicator,
              questionId,
              value: estimate.value,
              target,
              met,
            })),
            conclusions: event.conclusions,
          },
          steps: approverSteps(survey.planApprovers),
        }),
      ],
      ReportReturned: (state, event, host) => [
        returnedNotice(host, {
          to: ownerOf(state),
          title: titleOf(state),
          subject: state.id,
          comment: event.comment,
          otherwise: label(
            "请修改测量报告后重新提交。",
            "Revise the measurement report and submit it again.",
          ),
        }),
      ],
      // ⑤ 发布测量结果 ◇ targets missed? improvement is due
      ReportApproved: (state, _event, host) => {
        const missed = missedTargets(state.figures)
        return [
          host.notify(
            [ownerOf(state), ...reviewers],
            missed.length > 0 ? "warning" : "info",
            titleOf(state),
            missed.length > 0
              ? label(
                  `测量结果已发布；未达目标，需制定改进措施：${missed.map((figure) => described(figure, "zh-CN")).join("；")}`,
                  `Results published; targets missed, improvement is due: ${missed.map((figure) => described(figure, "en")).join("; ")}`,
                )
              : label(
                  "测量结果已发布，各项指标均未低于目标。",
                  "Results published; no indicator fell below its target.",
                ),
          ),
        ]
      },
      ReportReminded: (state, _event, host) => [
        host.notify(
          [ownerOf(state)],
          "warning",
          titleOf(state),
          label("测量报告已到期，请尽快提交。", "The measurement report is due; submit it soon."),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
