import { Result } from "effect"
import { z } from "zod"
import { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { safeTextSchema } from "../../forms/safe-text.ts"
import { idempotencyKey, type PersonId } from "../../ids/index.ts"
import { label } from "../../labels/label.ts"
import type { Deadline, ProcessDefinition } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { dayMillis, type Instant, instantSchema } from "../../time/instant.ts"
import { SurveyChannel, type SurveyStatus } from "../labels/quality-labels.ts"
import { describeEstimate } from "../models/describe-estimate.ts"
import { evaluateSurvey, type SurveyResults } from "../models/survey-evaluation.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import { parseSurveyDefinition, type SurveyDefinition } from "../schema/survey-definition.ts"
import { parseSurveyResponse, type SurveyResponse } from "../schema/survey-response.ts"

/** The survey plan (客户满意度调查方案) submitted for approval. */
export interface SurveyPlan {
  readonly objective: string
  readonly population: string
  readonly sampleSize: number
  readonly channels: ReadonlyArray<SurveyChannel>
  readonly fieldworkStart: Instant
  /** When collection closes; the policy's fieldwork length after the start when absent. */
  readonly fieldworkEnd?: Instant
  readonly owner: PersonId
}

/** One action of the improvement plan. */
export interface ImprovementAction {
  readonly id: string
  readonly action: string
  readonly owner: PersonId
  readonly dueAt: Instant
  readonly target?: string
}

/** An improvement action as the process tracks it. */
export interface TrackedAction extends ImprovementAction {
  readonly completedAt: Instant | undefined
  readonly note: string | undefined
  readonly overdue: boolean
}

/** The state of one survey round. */
export interface SurveyState {
  readonly status: SurveyStatus
  readonly id: string
  readonly policyVersion: string
  readonly definition: SurveyDefinition | undefined
  readonly plan: (SurveyPlan & { readonly fieldworkEnd: Instant }) | undefined
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
  readonly rejections: ReadonlyArray<{
    readonly stage: "plan" | "improvementPlan"
    readonly comment: string | undefined
    readonly at: Instant
  }>
}

/** Which approval a decision belongs to. */
export type SurveyApproval = "plan" | "improvementPlan"

/** The commands of the survey cycle. */
export type SurveyCommand =
  | {
      readonly type: "DraftPlan"
      readonly at: Instant
      readonly id: string
      readonly definition: SurveyDefinition
      readonly plan: SurveyPlan
    }
  | { readonly type: "SubmitPlan"; readonly at: Instant }
  | {
      readonly type: "DecideApproval"
      readonly at: Instant
      readonly approval: SurveyApproval
      readonly outcome: "approved" | "rejected" | "withdrawn"
      readonly comment?: string
    }
  | { readonly type: "Send"; readonly at: Instant; readonly invited: number }
  | { readonly type: "RecordResponse"; readonly at: Instant; readonly response: unknown }
  | { readonly type: "CloseCollection"; readonly at: Instant }
  | { readonly type: "Evaluate"; readonly at: Instant; readonly force?: boolean }
  | {
      readonly type: "ProposeImprovementPlan"
      readonly at: Instant
      readonly findings: string
      readonly actions: ReadonlyArray<ImprovementAction>
    }
  | {
      readonly type: "CompleteAction"
      readonly at: Instant
      readonly actionId: string
      readonly note: string
    }
  | { readonly type: "MarkActionOverdue"; readonly at: Instant; readonly actionId: string }
  | { readonly type: "MarkFollowUpDue"; readonly at: Instant }
  | { readonly type: "FollowUp"; readonly at: Instant; readonly summary: string; readonly effective: boolean }

/** The events of the survey cycle. */
export type SurveyEvent =
  | {
      readonly type: "PlanDrafted"
      readonly at: Instant
      readonly id: string
      readonly definition: SurveyDefinition
      readonly plan: SurveyPlan & { readonly fieldworkEnd: Instant }
      readonly policyVersion: string
    }
  | { readonly type: "PlanSubmitted"; readonly at: Instant }
  | { readonly type: "PlanApproved"; readonly at: Instant; readonly comment: string | undefined }
  | { readonly type: "PlanRejected"; readonly at: Instant; readonly comment: string | undefined }
  | { readonly type: "SurveySent"; readonly at: Instant; readonly invited: number }
  | { readonly type: "ResponseRecorded"; readonly at: Instant; readonly response: SurveyResponse }
  | { readonly type: "CollectionClosed"; readonly at: Instant; readonly responses: number }
  | {
      readonly type: "Evaluated"
      readonly at: Instant
      readonly results: SurveyResults
      readonly belowMinimum: boolean
    }
  | {
      readonly type: "ImprovementPlanSubmitted"
      readonly at: Instant
      readonly findings: string
      readonly actions: ReadonlyArray<ImprovementAction>
    }
  | {
      readonly type: "ImprovementPlanApproved"
      readonly at: Instant
      readonly followUpDueAt: Instant
      readonly comment: string | undefined
    }
  | { readonly type: "ImprovementPlanRejected"; readonly at: Instant; readonly comment: string | undefined }
  | {
      readonly type: "ActionCompleted"
      readonly at: Instant
      readonly actionId: string
      readonly note: string
    }
  | { readonly type: "ActionOverdue"; readonly at: Instant; readonly actionId: string }
  | { readonly type: "FollowUpDue"; readonly at: Instant }
  | {
      readonly type: "FollowedUp"
      readonly at: Instant
      readonly summary: string
      readonly effective: boolean
    }

/** Why a survey command was refused. */
export type SurveyRefusal = InvalidTransition | PolicyRefusal | ValidationError

const processName = "quality.satisfactionSurvey"
const words = safeTextSchema(5000)
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be an id")
const at = instantSchema
const planSchema = z.object({
  objective: words,
  population: words,
  sampleSize: z.number().int().min(1),
  channels: z.array(SurveyChannel.schema).min(1, "choose at least one channel"),
  fieldworkStart: at,
  fieldworkEnd: at.optional(),
  owner: id,
})
const actionSchema = z.object({
  id,
  action: words,
  owner: id,
  dueAt: at,
  target: safeTextSchema(300).optional(),
})
/**
 * The shape of every command of a satisfaction survey, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const satisfactionSurveyCommandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("DraftPlan"), at, id, definition: z.unknown(), plan: planSchema }),
  z.object({ type: z.literal("SubmitPlan"), at }),
  z.object({
    type: z.literal("DecideApproval"),
    at,
    approval: z.enum(["plan", "improvementPlan"]),
    outcome: z.enum(["approved", "rejected", "withdrawn"]),
    comment: z.string().max(2000).optional(),
  }),
  z.object({ type: z.literal("Send"), at, invited: z.number().int().min(1) }),
  z.object({ type: z.literal("RecordResponse"), at, response: z.unknown() }),
  z.object({ type: z.literal("CloseCollection"), at }),
  z.object({ type: z.literal("Evaluate"), at, force: z.boolean().optional() }),
  z.object({
    type: z.literal("ProposeImprovementPlan"),
    at,
    findings: words,
    actions: z
      .array(actionSchema)
      .min(1, "an improvement plan needs at least one action")
      .refine(
        (actions) => new Set(actions.map((action) => action.id)).size === actions.length,
        "action ids must be unique",
      ),
  }),
  z.object({ type: z.literal("CompleteAction"), at, actionId: id, note: words }),
  z.object({ type: z.literal("MarkActionOverdue"), at, actionId: id }),
  z.object({ type: z.literal("MarkFollowUpDue"), at }),
  z.object({ type: z.literal("FollowUp"), at, summary: words, effective: z.boolean() }),
])

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
  const refuse = (state: SurveyState, command: SurveyCommand, reason: string) =>
    Result.fail(
      new InvalidTransition({
        process: processName,
        instanceId: state.id || "(new)",
        state: state.status,
        command: command.type,
        reason,
      }),
    )
  const ok = (events: ReadonlyArray<SurveyEvent>) => Result.succeed(events)

  function decide(
    state: SurveyState,
    command: SurveyCommand,
  ): Result.Result<ReadonlyArray<SurveyEvent>, SurveyRefusal> {
    const parsed = parseWith(`${processName}.command`, satisfactionSurveyCommandSchema, command)
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    switch (command.type) {
      case "DraftPlan": {
        if (state.status !== "none" && state.status !== "drafted")
          return refuse(state, command, "the plan can only be drafted before it is submitted")
        if (state.status === "drafted" && command.id !== state.id)
          return refuse(state, command, "the survey's id cannot change")
        const definition = parseSurveyDefinition(command.definition)
        if (Result.isFailure(definition)) return Result.fail(definition.failure)
        const fieldworkEnd =
          command.plan.fieldworkEnd ?? command.plan.fieldworkStart + policy.survey.fieldworkDays * dayMillis
        if (fieldworkEnd <= command.plan.fieldworkStart) {
          return Result.fail(
            new PolicyRefusal({ rule: "survey.fieldwork", detail: "fieldwork must end after it starts" }),
          )
        }
        return ok([
          {
            type: "PlanDrafted",
            at: command.at,
            id: command.id,
            definition: definition.success,
            plan: { ...command.plan, fieldworkEnd },
            policyVersion: policy.version,
          },
        ])
      }
      case "SubmitPlan":
        if (state.status !== "drafted") return refuse(state, command, "only a drafted plan can be submitted")
        return ok([{ type: "PlanSubmitted", at: command.at }])
      case "DecideApproval": {
        const expected = command.approval === "plan" ? "planSubmitted" : "improvementSubmitted"
        if (state.status !== expected)
          return refuse(state, command, `no ${command.approval} is awaiting approval`)
        if (command.approval === "plan") {
          return ok([
            command.outcome === "approved"
              ? { type: "PlanApproved", at: command.at, comment: command.comment }
              : { type: "PlanRejected", at: command.at, comment: command.comment ?? command.outcome },
          ])
        }
        return ok([
          command.outcome === "approved"
            ? {
                type: "ImprovementPlanApproved",
                at: command.at,
                followUpDueAt: command.at + policy.survey.followUpDays * dayMillis,
                comment: command.comment,
              }
            : {
                type: "ImprovementPlanRejected",
                at: command.at,
                comment: command.comment ?? command.outcome,
              },
        ])
      }
      case "Send":
        if (state.status !== "planApproved")
          return refuse(state, command, "the plan must be approved before the survey is sent")
        return ok([{ type: "SurveySent", at: command.at, invited: command.invited }])
      case "RecordResponse": {
        if (state.status !== "collecting")
          return refuse(state, command, "responses are collected only while the survey is in the field")
        const response = parseSurveyResponse(state.definition!, command.response)
        if (Result.isFailure(response)) return Result.fail(response.failure)
        if (state.responses.some((existing) => existing.respondentId === response.success.respondentId)) {
          return Result.fail(
            new PolicyRefusal({
              rule: "survey.oneResponsePerRespondent",
              detail: `respondent ${response.success.respondentId} has already answered`,
            }),
          )
        }
        return ok([{ type: "ResponseRecorded", at: command.at, response: response.success }])
      }
      case "CloseCollection":
        // The fieldwork timer may fire after a manual close: nothing more to do then.
        if (state.status !== "collecting")
          return state.status === "collected"
            ? ok([])
            : refuse(state, command, "the survey is not collecting")
        return ok([{ type: "CollectionClosed", at: command.at, responses: state.responses.length }])
      case "Evaluate": {
        if (state.status !== "collected")
          return refuse(state, command, "close the collection before evaluating")
        const belowMinimum = state.responses.length < policy.survey.minimumResponses
        if (belowMinimum && !command.force) {
          return Result.fail(
            new PolicyRefusal({
              rule: "survey.minimumResponses",
              detail: `${state.responses.length} responses, below the minimum of ${policy.survey.minimumResponses}; evaluate with force to report indicative figures`,
            }),
          )
        }
        const results = evaluateSurvey(state.definition!, state.responses, policy.indices)
        return ok([{ type: "Evaluated", at: command.at, results, belowMinimum }])
      }
      case "ProposeImprovementPlan":
        if (state.status !== "evaluated")
          return refuse(state, command, "an improvement plan follows the evaluation")
        if (command.actions.some((action) => action.dueAt <= command.at)) {
          return Result.fail(
            new PolicyRefusal({ rule: "survey.actionDue", detail: "every action must be due in the future" }),
          )
        }
        return ok([
          {
            type: "ImprovementPlanSubmitted",
            at: command.at,
            findings: command.findings.trim(),
            actions: command.actions,
          },
        ])
      case "CompleteAction": {
        if (state.status !== "implementing")
          return refuse(state, command, "no improvement plan is being implemented")
        const action = state.actions.find((candidate) => candidate.id === command.actionId)
        if (!action)
          return Result.fail(
            new PolicyRefusal({
              rule: "survey.unknownAction",
              detail: `no action ${command.actionId} in the plan`,
            }),
          )
        if (action.completedAt !== undefined) return ok([])
        return ok([
          { type: "ActionCompleted", at: command.at, actionId: action.id, note: command.note.trim() },
        ])
      }
      case "MarkActionOverdue": {
        const action = state.actions.find((candidate) => candidate.id === command.actionId)
        if (
          state.status !== "implementing" ||
          !action ||
          action.completedAt !== undefined ||
          action.overdue ||
          command.at < action.dueAt
        )
          return ok([])
        return ok([{ type: "ActionOverdue", at: command.at, actionId: action.id }])
      }
      case "MarkFollowUpDue":
        if (
          state.status !== "implementing" ||
          state.followUpTaskOpen ||
          state.followUpDueAt === undefined ||
          command.at < state.followUpDueAt
        )
          return ok([])
        return ok([{ type: "FollowUpDue", at: command.at }])
      case "FollowUp": {
        if (state.status !== "implementing") return refuse(state, command, "there is nothing to follow up")
        const open = state.actions.filter((action) => action.completedAt === undefined)
        if (open.length > 0) {
          return Result.fail(
            new PolicyRefusal({
              rule: "survey.actionsOpen",
              detail: `actions still open: ${open.map((action) => action.id).join(", ")}`,
            }),
          )
        }
        return ok([
          {
            type: "FollowedUp",
            at: command.at,
            summary: command.summary.trim(),
            effective: command.effective,
          },
        ])
      }
    }
  }

  function evolve(state: SurveyState, event: SurveyEvent): SurveyState {
    switch (event.type) {
      case "PlanDrafted":
        return {
          ...state,
          status: "drafted",
          id: event.id,
          definition: event.definition,
          plan: event.plan,
          policyVersion: event.policyVersion,
        }
      case "PlanSubmitted":
        return { ...state, status: "planSubmitted", planSubmissions: state.planSubmissions + 1 }
      case "PlanApproved":
        return { ...state, status: "planApproved" }
      case "PlanRejected":
        return {
          ...state,
          status: "drafted",
          rejections: [...state.rejections, { stage: "plan", comment: event.comment, at: event.at }],
        }
      case "SurveySent":
        return { ...state, status: "collecting" }
      case "ResponseRecorded":
        return { ...state, responses: [...state.responses, event.response] }
      case "CollectionClosed":
        return { ...state, status: "collected" }
      case "Evaluated":
        return { ...state, status: "evaluated", results: event.results, belowMinimum: event.belowMinimum }
      case "ImprovementPlanSubmitted":
        return {
          ...state,
          status: "improvementSubmitted",
          findings: event.findings,
          actions: event.actions.map((action) => ({
            ...action,
            completedAt: undefined,
            note: undefined,
            overdue: false,
          })),
          improvementSubmissions: state.improvementSubmissions + 1,
        }
      case "ImprovementPlanApproved":
        return { ...state, status: "implementing", followUpDueAt: event.followUpDueAt }
      case "ImprovementPlanRejected":
        return {
          ...state,
          status: "evaluated",
          actions: [],
          rejections: [
            ...state.rejections,
            { stage: "improvementPlan", comment: event.comment, at: event.at },
          ],
        }
      case "ActionCompleted":
        return {
          ...state,
          actions: state.actions.map((action) =>
            action.id === event.actionId ? { ...action, completedAt: event.at, note: event.note } : action,
          ),
        }
      case "ActionOverdue":
        return {
          ...state,
          actions: state.actions.map((action) =>
            action.id === event.actionId ? { ...action, overdue: true } : action,
          ),
        }
      case "FollowUpDue":
        return { ...state, followUpTaskOpen: true }
      case "FollowedUp":
        return {
          ...state,
          status: "closed",
          followUp: { at: event.at, summary: event.summary, effective: event.effective },
        }
    }
  }

  function deadlines(state: SurveyState): ReadonlyArray<Deadline<SurveyCommand>> {
    if (state.status === "collecting" && state.plan) {
      return [{ key: "fieldwork-end", dueAt: state.plan.fieldworkEnd, command: { type: "CloseCollection" } }]
    }
    if (state.status !== "implementing") return []
    const timers: Array<Deadline<SurveyCommand>> = state.actions
      .filter((action) => action.completedAt === undefined && !action.overdue)
      .map((action) => ({
        key: `action-due/${action.id}`,
        dueAt: action.dueAt,
        command: { type: "MarkActionOverdue", actionId: action.id },
      }))
    if (!state.followUpTaskOpen && state.followUpDueAt !== undefined) {
      timers.push({ key: "follow-up", dueAt: state.followUpDueAt, command: { type: "MarkFollowUpDue" } })
    }
    return timers
  }

  function effects(
    state: SurveyState,
    event: SurveyEvent,
    step: { instanceId: string; sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) => idempotencyKey(processName, step.instanceId, step.sequence, kind)
    const owner = state.plan ? { person: state.plan.owner } : { role: "supervisor" as const }
    const title = state.definition?.title ?? label("满意度调查", "Satisfaction survey")
    const notify = (
      severity: "info" | "warning",
      zh: string,
      en: string,
      recipients = [owner],
    ): EffectRequest => ({
      kind: "notify",
      key: key("notify"),
      draft: { recipients, severity, title, body: label(zh, en), caseKey: state.id },
    })
    switch (event.type) {
      case "PlanDrafted":
        return []
      case "PlanSubmitted":
        return [
          {
            kind: "approval.submit",
            key: key("approval.submit"),
            submission: {
              requestType: "quality.survey.plan",
              businessKey: state.id,
              title: label(`${title["zh-CN"]} · 调查方案审核`, `${title.en} · survey plan`),
              originator: owner,
              formId: "quality.surveyPlan",
              values: {
                ...state.plan!,
                questionnaire: `${state.definition!.id}@${state.definition!.version}`,
              },
              steps: policy.survey.planApprovers.map((role) => ({ mode: "all", approvers: [{ role }] })),
            },
          },
        ]
      case "PlanApproved":
        return [
          notify(
            "info",
            "调查方案已批准，可以发放问卷。",
            "The survey plan was approved; the questionnaire may be sent.",
          ),
        ]
      case "PlanRejected":
        return [
          notify(
            "warning",
            `调查方案被退回：${event.comment ?? ""}`,
            `The survey plan was sent back: ${event.comment ?? ""}`,
          ),
        ]
      case "SurveySent":
        return [
          notify(
            "info",
            `问卷已发放给 ${event.invited} 位客户。`,
            `The questionnaire went to ${event.invited} customers.`,
          ),
        ]
      case "ResponseRecorded":
        return []
      case "CollectionClosed":
        return [
          notify(
            "info",
            `问卷回收结束，共 ${event.responses} 份。`,
            `Collection closed with ${event.responses} responses.`,
          ),
        ]
      case "Evaluated": {
        const headline = [
          ...event.results.csat.map(
            (row) => `CSAT ${describeEstimate(row.result.csat, { locale: "zh-CN", unit: "share" })}`,
          ),
          ...event.results.nps.map(
            (row) => `NPS ${describeEstimate(row.result.nps, { locale: "zh-CN", unit: "score" })}`,
          ),
        ]
        const headlineEn = [
          ...event.results.csat.map(
            (row) => `CSAT ${describeEstimate(row.result.csat, { locale: "en", unit: "share" })}`,
          ),
          ...event.results.nps.map(
            (row) => `NPS ${describeEstimate(row.result.nps, { locale: "en", unit: "score" })}`,
          ),
        ]
        return [
          {
            kind: "notify",
            key: key("notify"),
            draft: {
              recipients: [owner, ...policy.survey.planApprovers.map((role) => ({ role }))],
              severity: event.belowMinimum ? "warning" : "info",
              title,
              body: label(
                `调查评价完成（${event.results.responses} 份）：${headline.join("；")}`,
                `Survey evaluated (${event.results.responses} responses): ${headlineEn.join("; ")}`,
              ),
              caseKey: state.id,
            },
          },
        ]
      }
      case "ImprovementPlanSubmitted":
        return [
          {
            kind: "approval.submit",
            key: key("approval.submit"),
            submission: {
              requestType: "quality.survey.improvementPlan",
              businessKey: state.id,
              title: label(`${title["zh-CN"]} · 改进方案审批`, `${title.en} · improvement plan`),
              originator: owner,
              formId: "quality.improvementPlan",
              values: { findings: event.findings, actions: event.actions },
              steps: policy.survey.improvementApprovers.map((role) => ({
                mode: "all",
                approvers: [{ role }],
              })),
            },
          },
        ]
      case "ImprovementPlanApproved":
        return state.actions.map((action) => ({
          kind: "host.task.create",
          key: key(`host.task.create/${action.id}`),
          draft: {
            externalKey: `${state.id}/action/${action.id}`,
            subject: `满意度改进措施 ${action.id}`,
            body: action.action,
            dueAt: action.dueAt,
          },
          assignee: { person: action.owner },
        }))
      case "ImprovementPlanRejected":
        return [
          notify(
            "warning",
            `改进方案被退回：${event.comment ?? ""}`,
            `The improvement plan was sent back: ${event.comment ?? ""}`,
          ),
        ]
      case "ActionCompleted":
        return [
          {
            kind: "host.task.complete",
            key: key("host.task.complete"),
            taskKey: `${state.id}/action/${event.actionId}`,
          },
        ]
      case "ActionOverdue": {
        const action = state.actions.find((candidate) => candidate.id === event.actionId)!
        return [
          notify(
            "warning",
            `改进措施 ${action.id} 已超期：${action.action}`,
            `Improvement action ${action.id} is overdue: ${action.action}`,
            [{ person: action.owner }, owner],
          ),
        ]
      }
      case "FollowUpDue":
        return [
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: `${state.id}/follow-up`,
              subject: "跟踪反馈满意度改进效果",
              body: state.findings ?? "",
            },
            assignee: owner,
          },
        ]
      case "FollowedUp":
        return state.followUpTaskOpen
          ? [{ kind: "host.task.complete", key: key("host.task.complete"), taskKey: `${state.id}/follow-up` }]
          : []
    }
  }

  return {
    name: processName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) => state.status === "closed",
    statusOf: (state) => state.status,
  }
}
