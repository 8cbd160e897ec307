import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type Locale, label } from "../../labels/label.ts"
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
import { defineFlow } from "../../process/flow.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { policyRefused } from "../../process/policy-refused.ts"
import { recordStep } from "../../process/record-step.ts"
import { timer, timers } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { dayMillis, type Instant, instantSchema } from "../../time/instant.ts"
import { SurveyChannel, type SurveyStatus } from "../labels/quality-labels.ts"
import { describeEstimate } from "../models/describe-estimate.ts"
import { evaluateSurvey, type SurveyResults } from "../models/survey-evaluation.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import type { SurveyDefinition } from "../schema/survey-definition.ts"
import type { SurveyResponse } from "../schema/survey-response.ts"
import {
  actionCompletedEffects,
  actionDeadlines,
  actionOverdueNotice,
  actionTasks,
  completeActionStep,
  type FollowedUpEvent,
  followUpStep,
  improvementActionsSchema,
  markActionOverdueStep,
  type TrackedAction,
  trackActions,
  withAction,
} from "./improvement-actions.ts"
import {
  approverSteps,
  closeCollectionStep,
  draftedDefinition,
  minimumResponsesCheck,
  recordResponseStep,
} from "./survey-round.ts"

const processName = "quality.satisfactionSurvey"
const words = commandTextSchema(5000)

const planSchema = z.strictObject({
  objective: words,
  population: words,
  sampleSize: z.number().int().min(1),
  channels: z.array(SurveyChannel.schema).min(1, "choose at least one channel"),
  fieldworkStart: instantSchema,
  /** When collection closes; the policy's fieldwork length after the start when absent. */
  fieldworkEnd: instantSchema.optional(),
  owner: personIdSchema,
})

/** The survey plan (客户满意度调查方案) submitted for approval. */
export type SurveyPlan = ShapedCommand<typeof planSchema>

/** A plan as drafted: its fieldwork end known, from the plan or the policy's fieldwork length. */
export type ScheduledPlan = SurveyPlan & { readonly fieldworkEnd: Instant }

/** Which approval a decision belongs to: the survey has two ✓ steps and no approval keys. */
export type SurveyApproval = "plan" | "improvementPlan"

/** A rejection kept for the record: which plan was sent back, why and when. */
export interface SurveyRejection {
  readonly stage: SurveyApproval
  readonly comment: string | undefined
  readonly at: Instant
}

/** The state of one survey round. */
export interface SurveyState {
  readonly status: SurveyStatus
  readonly id: string
  readonly policyVersion: string
  readonly definition: SurveyDefinition | undefined
  readonly plan: ScheduledPlan | undefined
  /** Incremented by each submission, so each approval has its own key. */
  readonly planSubmissions: number
  readonly responses: ReadonlyArray<SurveyResponse>
  readonly results: SurveyResults | undefined
  /** The evaluation was forced below the policy's minimum number of responses. */
  readonly belowMinimum: boolean
  readonly findings: string | undefined
  readonly actions: ReadonlyArray<TrackedAction>
  readonly improvementSubmissions: number
  readonly followUpDueAt: Instant | undefined
  readonly followUpTaskOpen: boolean
  readonly followUp:
    | { readonly at: Instant; readonly summary: string; readonly effective: boolean }
    | undefined
  /** The comments of every rejection, for the record. */
  readonly rejections: ReadonlyArray<SurveyRejection>
}

/**
 * The shape of every command of a satisfaction survey, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const satisfactionSurveyCommandSchema = commandUnion(
  /** ① the plan drafted (or redrafted after a rejection): questionnaire, sample, channels, fieldwork. */
  commandShape("DraftPlan", { id: commandIdSchema, definition: z.unknown(), plan: planSchema }),
  commandShape("SubmitPlan", {}),
  /** The approvers' decision on the plan or the improvement plan (审核/审批 ✓), by stage. */
  commandShape("DecideApproval", {
    approval: z.enum(["plan", "improvementPlan"]),
    outcome: z.enum(["approved", "rejected", "withdrawn"]),
    comment: z.string().max(2000).optional(),
  }),
  commandShape("Send", { invited: z.number().int().min(1) }),
  /** One customer's answers, checked against the questionnaire of the plan. */
  commandShape("RecordResponse", { response: z.unknown() }),
  timerCommand("CloseCollection"),
  /** ② evaluate; `force` reports indicative figures below the policy's minimum of responses. */
  commandShape("Evaluate", { force: z.boolean().optional() }),
  /** ③ the improvement plan: findings and actions, each with its owner and due date. */
  commandShape("ProposeImprovementPlan", {
    findings: words,
    actions: improvementActionsSchema,
  }),
  commandShape("CompleteAction", { actionId: commandIdSchema, note: words }),
  commandShape("MarkActionOverdue", { actionId: commandIdSchema }),
  timerCommand("MarkFollowUpDue"),
  /** ④ 跟踪反馈: whether the improvement worked; closes the round. */
  commandShape("FollowUp", { summary: words, effective: z.boolean() }),
)

/** The commands of the survey cycle. */
export type SurveyCommand = ShapedCommand<typeof satisfactionSurveyCommandSchema>

type Step<Type extends SurveyCommand["type"]> = StepFields<SurveyCommand, Type>
type Commented = { comment: string | undefined }

/** The events of the survey cycle. */
export type SurveyEvent =
  | FlowEvent<
      "PlanDrafted",
      { id: string; definition: SurveyDefinition; plan: ScheduledPlan; policyVersion: string }
    >
  | FlowEvent<"PlanSubmitted">
  | FlowEvent<"PlanApproved", Commented>
  | FlowEvent<"PlanRejected", Commented>
  | FlowEvent<"SurveySent", Step<"Send">>
  | FlowEvent<"ResponseRecorded", { response: SurveyResponse }>
  | FlowEvent<"CollectionClosed", { responses: number }>
  | FlowEvent<"Evaluated", { results: SurveyResults; belowMinimum: boolean }>
  | FlowEvent<"ImprovementPlanSubmitted", Step<"ProposeImprovementPlan">>
  | FlowEvent<"ImprovementPlanApproved", Commented & { followUpDueAt: Instant }>
  | FlowEvent<"ImprovementPlanRejected", Commented>
  | FlowEvent<"ActionCompleted", Step<"CompleteAction">>
  | FlowEvent<"ActionOverdue", Step<"MarkActionOverdue">>
  | FlowEvent<"FollowUpDue">
  | FollowedUpEvent

/** Why a survey command was refused. */
export type SurveyRefusal = InvalidTransition | PolicyRefusal | ValidationError

const initialState: SurveyState = {
  status: "none",
  id: "",
  policyVersion: "",
  definition: undefined,
  plan: undefined,
  planSubmissions: 0,
  responses: [],
  results: undefined,
  belowMinimum: false,
  findings: undefined,
  actions: [],
  improvementSubmissions: 0,
  followUpDueAt: undefined,
  followUpTaskOpen: false,
  followUp: undefined,
  rejections: [],
}

/** The state once a plan is sent back: to `status`, the rejection kept for the record. */
const returned = (state: SurveyState, status: SurveyStatus, rejection: SurveyRejection): SurveyState => ({
  ...state,
  status,
  rejections: [...state.rejections, rejection],
})
const ownerOf = (state: SurveyState) => personOrPost(state.plan?.owner, "supervisor")
const titleOf = (state: SurveyState) => state.definition?.title ?? label("满意度调查", "Satisfaction survey")

/** The effects of an event that tells the plan's owner, under the questionnaire's title, in both languages. */
const tell =
  <Event>(severity: "info" | "warning", text: (event: Event) => readonly [zh: string, en: string]) =>
  (state: SurveyState, event: Event, host: HostEffects) => [
    host.notify([ownerOf(state)], severity, titleOf(state), label(...text(event))),
  ]
/** The effects of a plan sent back at its ✓: the owner warned with the approvers' comment. */
const sentBack = (zh: string, en: string) =>
  tell("warning", ({ comment }: Commented) => [
    `${zh}被退回：${comment ?? ""}`,
    `The ${en} was sent back: ${comment ?? ""}`,
  ])

/** The headline figures of an evaluation in one language: every CSAT and NPS with its interval. */
const headline = (results: SurveyResults, locale: Locale) =>
  [
    ...results.csat.map((row) => `CSAT ${describeEstimate(row.result.csat, { locale, unit: "share" })}`),
    ...results.nps.map((row) => `NPS ${describeEstimate(row.result.nps, { locale, unit: "score" })}`),
  ].join(locale === "en" ? "; " : "；")

/**
 * The satisfaction survey cycle (客户满意度调查流程, 000 2.4.4; 大客户满意度调查流程, 004 ch.4 §11) as a
 * decider: ① draft the plan → 审核 ✓ → send → collect responses until fieldwork ends → ② evaluate
 * (every index with its interval, computed here and recorded in the event) → ③ improvement plan →
 * 审核/审批 ✓ → implement the actions, each with its owner and due date → ④ follow up and close.
 * Rejected plans go back for revision. The evaluation is refused below the policy's minimum number
 * of responses unless forced, and then it is marked as such.
 */
export function satisfactionSurveyProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<SurveyState, SurveyCommand, SurveyEvent, SurveyRefusal> {
  const enoughResponses = minimumResponsesCheck(
    policy.survey.minimumResponses,
    "survey.minimumResponses",
    "evaluate",
  )
  const { survey } = policy

  /** The approval (✓) of a plan of the round, one step per approving role in order. */
  const submitApproval = (
    state: SurveyState,
    host: HostEffects,
    kind: SurveyApproval,
    [zh, en]: readonly [string, string],
    values: Readonly<Record<string, unknown>>,
  ) => {
    const title = titleOf(state)
    const roles = kind === "plan" ? survey.planApprovers : survey.improvementApprovers
    return [
      host.submitApproval(host.key("approval.submit"), {
        requestType: `quality.survey.${kind}`,
        businessKey: state.id,
        title: label(`${title["zh-CN"]} · ${zh}`, `${title.en} · ${en}`),
        originator: ownerOf(state),
        formId: kind === "plan" ? "quality.surveyPlan" : "quality.improvementPlan",
        values,
        steps: approverSteps(roles),
      }),
    ]
  }

  return defineFlow<SurveyState, SurveyCommand, SurveyEvent, PolicyRefusal | ValidationError>({
    name: processName,
    initialState,
    commands: satisfactionSurveyCommandSchema,
    idOf: (state) => state.id || "(new)",
    finished: ["closed"],
    steps: {
      // ① 制定调查方案 (survey supervisor); redrafted after ✓ sends it back
      DraftPlan: (state, command, decision) => {
        const definition = draftedDefinition(state, command, decision)
        if (Result.isFailure(definition)) return Result.fail(definition.failure)
        const { fieldworkStart } = command.plan
        const fieldworkEnd = command.plan.fieldworkEnd ?? fieldworkStart + survey.fieldworkDays * dayMillis
        if (fieldworkEnd <= fieldworkStart)
          return policyRefused("survey.fieldwork", "fieldwork must end after it starts")
        return decision.accept({
          type: "PlanDrafted",
          at: command.at,
          id: command.id,
          definition: definition.success,
          plan: { ...command.plan, fieldworkEnd },
          policyVersion: policy.version,
        })
      },
      // 方案审核 ✓ (manager)
      SubmitPlan: recordStep("drafted", "only a drafted plan can be submitted", "PlanSubmitted"),
      // ✓ approved: send (plan) or implement (improvement plan) — rejected or withdrawn: back to ① or ③
      DecideApproval: (state, { at, approval, outcome, comment }, decision) => {
        const plan = approval === "plan"
        if (state.status !== (plan ? "planSubmitted" : "improvementSubmitted"))
          return decision.refuse(`no ${approval} is awaiting approval`)
        const sentBackAs = plan ? "PlanRejected" : "ImprovementPlanRejected"
        if (outcome !== "approved")
          return decision.accept({ type: sentBackAs, at, comment: comment ?? outcome })
        const followUpDueAt = at + survey.followUpDays * dayMillis
        return decision.accept(
          plan
            ? { type: "PlanApproved", at, comment }
            : { type: "ImprovementPlanApproved", at, followUpDueAt, comment },
        )
      },
      // 发放问卷 (survey officer)
      Send: recordStep("planApproved", "the plan must be approved before the survey is sent", "SurveySent"),
      // 回收问卷: one answer per respondent, fitting the questionnaire
      RecordResponse: recordResponseStep(
        "survey.oneResponsePerRespondent",
        "respondent",
        (response) => response.respondentId,
      ),
      // 回收结束 (by hand, or the fieldwork timer — which may fire after a manual close)
      CloseCollection: closeCollectionStep,
      // ② 统计分析与评价 ◇ enough responses? no: refused unless forced, then marked
      Evaluate: (state, command, decision) => {
        if (state.status !== "collected") return decision.refuse("close the collection before evaluating")
        const checked = enoughResponses(state.responses.length, command.force)
        if (Result.isFailure(checked)) return Result.fail(checked.failure)
        const belowMinimum = checked.success
        const results = evaluateSurvey(state.definition!, state.responses, policy.indices)
        return decision.accept({ type: "Evaluated", at: command.at, results, belowMinimum })
      },
      // ③ 制定改进方案 (survey supervisor) → 审核 (manager) → 审批 (director) ✓
      ProposeImprovementPlan: (state, command, decision) => {
        if (state.status !== "evaluated") return decision.refuse("an improvement plan follows the evaluation")
        if (command.actions.some((action) => action.dueAt <= command.at))
          return policyRefused("survey.actionDue", "every action must be due in the future")
        return decision.accept({
          type: "ImprovementPlanSubmitted",
          at: command.at,
          findings: command.findings.trim(),
          actions: command.actions,
        })
      },
      // 实施改进措施 (each action's owner); done twice changes nothing
      CompleteAction: completeActionStep("survey.unknownAction"),
      // timer: an action past its due date, still open
      MarkActionOverdue: markActionOverdueStep,
      // timer: the follow-up falls due
      MarkFollowUpDue: (state, command, decision) =>
        decision.acceptIf(
          state.status === "implementing" &&
            !state.followUpTaskOpen &&
            state.followUpDueAt !== undefined &&
            command.at >= state.followUpDueAt,
          { type: "FollowUpDue", at: command.at },
        ),
      // ④ 跟踪反馈 (survey supervisor) once every action is done; closes the round
      FollowUp: followUpStep("survey.actionsOpen"),
    },
    folds: {
      PlanDrafted: (state, { type: _, at: __, ...drafted }) => ({ ...state, ...drafted, status: "drafted" }),
      PlanSubmitted: (state) => ({
        ...state,
        status: "planSubmitted",
        planSubmissions: state.planSubmissions + 1,
      }),
      PlanApproved: (state) => ({ ...state, status: "planApproved" }),
      PlanRejected: (state, { comment, at }) => returned(state, "drafted", { stage: "plan", comment, at }),
      SurveySent: (state) => ({ ...state, status: "collecting" }),
      ResponseRecorded: (state, event) => ({ ...state, responses: [...state.responses, event.response] }),
      CollectionClosed: (state) => ({ ...state, status: "collected" }),
      Evaluated: (state, { type: _, at: __, ...evaluated }) => ({
        ...state,
        ...evaluated,
        status: "evaluated",
      }),
      ImprovementPlanSubmitted: (state, { findings, actions }) => ({
        ...state,
        status: "improvementSubmitted",
        findings,
        actions: trackActions(actions),
        improvementSubmissions: state.improvementSubmissions + 1,
      }),
      ImprovementPlanApproved: (state, { followUpDueAt }) => ({
        ...state,
        status: "implementing",
        followUpDueAt,
      }),
      ImprovementPlanRejected: (state, { comment, at }) => ({
        ...returned(state, "evaluated", { stage: "improvementPlan", comment, at }),
        actions: [],
      }),
      ActionCompleted: (state, { actionId, at, note }) =>
        withAction(state, actionId, { completedAt: at, note }),
      ActionOverdue: (state, { actionId }) => withAction(state, actionId, { overdue: true }),
      FollowUpDue: (state) => ({ ...state, followUpTaskOpen: true }),
      FollowedUp: (state, { type: _, ...followUp }) => ({ ...state, status: "closed", followUp }),
    },
    // ◇ fieldwork over? close the collection — ◇ an action past due? warn — ◇ a month on? follow up
    deadlines: (state) =>
      state.status === "collecting"
        ? timers<SurveyCommand>(timer("fieldwork-end", state.plan?.fieldworkEnd, { type: "CloseCollection" }))
        : state.status !== "implementing"
          ? []
          : timers<SurveyCommand>(
              ...actionDeadlines<SurveyCommand>(state, (actionId) => ({
                type: "MarkActionOverdue",
                actionId,
              })),
              timer("follow-up", state.followUpDueAt, { type: "MarkFollowUpDue" }, state.followUpTaskOpen),
            ),
    effects: {
      PlanSubmitted: (state, _event, host) =>
        submitApproval(state, host, "plan", ["调查方案审核", "survey plan"], {
          ...state.plan!,
          questionnaire: `${state.definition!.id}@${state.definition!.version}`,
        }),
      PlanApproved: tell("info", () => [
        "调查方案已批准，可以发放问卷。",
        "The survey plan was approved; the questionnaire may be sent.",
      ]),
      PlanRejected: sentBack("调查方案", "survey plan"),
      SurveySent: tell("info", ({ invited }) => [
        `问卷已发放给 ${invited} 位客户。`,
        `The questionnaire went to ${invited} customers.`,
      ]),
      CollectionClosed: tell("info", ({ responses }) => [
        `问卷回收结束，共 ${responses} 份。`,
        `Collection closed with ${responses} responses.`,
      ]),
      Evaluated: (state, { results, belowMinimum }, host) => [
        host.notify(
          [ownerOf(state), ...survey.planApprovers.map((role) => ({ role }))],
          belowMinimum ? "warning" : "info",
          titleOf(state),
          label(
            `调查评价完成（${results.responses} 份）：${headline(results, "zh-CN")}`,
            `Survey evaluated (${results.responses} responses): ${headline(results, "en")}`,
          ),
        ),
      ],
      ImprovementPlanSubmitted: (state, { findings, actions }, host) =>
        submitApproval(state, host, "improvementPlan", ["改进方案审批", "improvement plan"], {
          findings,
          actions,
        }),
      ImprovementPlanApproved: (state, _event, host) => actionTasks(state, host, state.id, "满意度改进措施"),
      ImprovementPlanRejected: sentBack("改进方案", "improvement plan"),
      ActionCompleted: (state, event, host) => actionCompletedEffects(state.id, event, host),
      ActionOverdue: (state, event, host) =>
        actionOverdueNotice(state, event, host, ownerOf(state), titleOf(state)),
      FollowUpDue: (state, _event, host) => [
        host.task(ownerOf(state), {
          externalKey: `${state.id}/follow-up`,
          subject: "跟踪反馈满意度改进效果",
          body: state.findings ?? "",
        }),
      ],
      FollowedUp: (state, _event, host) =>
        state.followUpTaskOpen ? [host.completeTask(`${state.id}/follow-up`)] : [],
    },
  })
}
