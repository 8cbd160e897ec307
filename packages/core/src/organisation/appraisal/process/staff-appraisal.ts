import { z } from "zod"
import type { InvalidTransition, PolicyRefusal } from "../../../errors/refusals.ts"
import type { ValidationError } from "../../../errors/validation-error.ts"
import type { PersonId } from "../../../ids/ids.ts"
import { label } from "../../../labels/label.ts"
import { decideApprovalSchema } from "../../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../../process/approval-gate.ts"
import { approvalStepsOf } from "../../../process/approval-steps.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelWhileOpen,
} from "../../../process/cancellation.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
  timerCommand,
} from "../../../process/command-shapes.ts"
import { daysAfter } from "../../../process/days-after.ts"
import { commandIdSchema, commandTextSchema } from "../../../process/decider-support.ts"
import type { ProcessDefinition } from "../../../process/definition.ts"
import type { Assignee } from "../../../process/effect-request.ts"
import { defineFlow } from "../../../process/flow.ts"
import { gateDecisionStep } from "../../../process/gate-decision-step.ts"
import type { GateDecisionEvents } from "../../../process/gate-events.ts"
import { personOrPost } from "../../../process/person-or-post.ts"
import { policyRefused } from "../../../process/policy-refused.ts"
import { reminderTimer } from "../../../process/reminder-timer.ts"
import { returnedNotice } from "../../../process/returned-notice.ts"
import { timer, timers } from "../../../process/timers.ts"
import { actorSchema, personIdSchema } from "../../../roles/actor.ts"
import { dayMillis, type Instant } from "../../../time/instant.ts"
import { Post } from "../../post.ts"
import {
  AbilityPerformanceQuadrant,
  type QuadrantAction,
  quadrantActions,
  quadrantOf,
} from "../labels/ability-performance-quadrant.ts"
import { AppraisalGrade } from "../labels/appraisal-grade.ts"
import type { AppraisalStatus } from "../labels/appraisal-status.ts"
import { gradeOf, scoreObjectives } from "../models/objective-score.ts"
import { type AppraisalPolicy, defaultAppraisalPolicy } from "../policy/appraisal-policy.ts"
import { appraisalForm } from "../schema/appraisal-form.ts"
import { objectiveIssues } from "../schema/objective-rules.ts"

/** The process name of a staff appraisal; part of every idempotency key. */
export const staffAppraisalName = "organisation.staffAppraisal"

const words = commandTextSchema(5000)
const score = z.number().finite().min(0).max(100)

/** The KPI columns of 绩效考核表: the command takes what the form will show, to the same precision. */
const kpiColumns = appraisalForm.fields.objectives.columns

const objectivesSchema = z
  .array(
    z.strictObject({
      id: commandIdSchema,
      kpi: commandTextSchema(200),
      weight: kpiColumns.weight.schema,
      target: kpiColumns.target.schema,
      higherIsBetter: z.boolean(),
    }),
  )
  .min(1, "name at least one KPI")
  .max(30)
  .superRefine((lines, context) => {
    for (const issue of objectiveIssues(lines))
      context.addIssue({ code: "custom", path: [...issue.path], message: issue.message })
  })

/** The shape of every command of a staff appraisal, checked before the decider reads it. */
export const staffAppraisalCommandSchema = commandUnion(
  /** ① the post's KPIs for the period, set by the supervisor (考核指标). */
  commandShape("SetObjectives", {
    appraisalId: commandIdSchema,
    employee: personIdSchema,
    post: Post.schema,
    period: commandTextSchema(40),
    supervisor: personIdSchema,
    objectives: objectivesSchema,
  }),
  /** ② the employee's results against each KPI and self-assessment (自我评估). */
  commandShape("SelfAssess", {
    by: actorSchema,
    results: z
      .array(z.strictObject({ objectiveId: commandIdSchema, actual: kpiColumns.actual.schema }))
      .min(1),
    selfAssessment: words,
  }),
  /** ③ ✓ the supervisor's review decision. */
  decideApprovalSchema,
  /** ④ the result: ability score, comments, the improvement plan. */
  commandShape("Conclude", {
    by: actorSchema,
    abilityScore: score,
    comments: words.optional(),
    /** The team's lines (its medians from `placeOnQuadrant`); the policy's cut-offs when absent. */
    quadrantLines: z.strictObject({ ability: score, performance: score }).optional(),
    improvementPlan: words.optional(),
  }),
  /** The timer of the self-assessment period. */
  timerCommand("RemindSelfAssessment"),
  /** The timer of the improvement plan's follow-up. */
  timerCommand("MarkFollowUpDue"),
  /** ⑤ 跟踪: what came of the improvement plan; then archived. */
  commandShape("FollowUp", { by: actorSchema, summary: words, improved: z.boolean() }),
  cancelCommandSchema,
)

/** The commands of a staff appraisal. */
export type StaffAppraisalCommand = ShapedCommand<typeof staffAppraisalCommandSchema>

type Step<Type extends StaffAppraisalCommand["type"]> = StepFields<StaffAppraisalCommand, Type>

/** What ④ decided: the score, the grade, the quadrant and what to do about it. */
export interface AppraisalResult {
  readonly score: number
  readonly grade: AppraisalGrade
  readonly abilityScore: number
  readonly quadrant: AbilityPerformanceQuadrant
  readonly action: QuadrantAction
  readonly lines: ReadonlyArray<
    Step<"SetObjectives">["objectives"][number] & { readonly actual: number; readonly score: number }
  >
  readonly comments: string | undefined
  readonly improvementPlan: string | undefined
}

/** The events of a staff appraisal. */
export type StaffAppraisalEvent =
  | FlowEvent<"ObjectivesSet", Step<"SetObjectives">>
  | FlowEvent<"SelfAssessed", Step<"SelfAssess"> & { approvalKey: string }>
  | GateDecisionEvents<"ReviewPassed", "ReviewReturned">
  | FlowEvent<
      "Concluded",
      AppraisalResult & { by: Step<"Conclude">["by"]; followUpDueAt: Instant | undefined }
    >
  | FlowEvent<"SelfAssessmentReminded">
  | FlowEvent<"FollowUpDue">
  | FlowEvent<"Archived", { summary: string | undefined; improved: boolean | undefined }>
  | CancelledEvent

/** Why a staff appraisal command is refused. */
export type StaffAppraisalRefusal = InvalidTransition | PolicyRefusal | ValidationError

/** One staff appraisal (业绩考核) of one employee for one period. */
export interface StaffAppraisalState extends GatedState {
  readonly status: AppraisalStatus
  readonly sequence: number
  readonly appraisalId: string
  readonly employee: PersonId | undefined
  readonly supervisor: PersonId | undefined
  readonly post: Post | undefined
  readonly period: string
  readonly objectives: Step<"SetObjectives">["objectives"]
  readonly objectivesSetAt: Instant | undefined
  readonly results: Step<"SelfAssess">["results"]
  readonly selfAssessment: string | undefined
  /** Self-assessments submitted so far: each round's task has its own key. */
  readonly rounds: number
  readonly selfAssessmentReminded: boolean
  readonly result: AppraisalResult | undefined
  readonly followUpDueAt: Instant | undefined
  readonly followUpTaskOpen: boolean
  readonly followUp: { readonly summary: string; readonly improved: boolean } | undefined
}

const initialState: StaffAppraisalState = {
  status: "none",
  sequence: 0,
  appraisalId: "",
  employee: undefined,
  supervisor: undefined,
  post: undefined,
  period: "",
  objectives: [],
  objectivesSetAt: undefined,
  results: [],
  selfAssessment: undefined,
  rounds: 0,
  selfAssessmentReminded: false,
  result: undefined,
  followUpDueAt: undefined,
  followUpTaskOpen: false,
  followUp: undefined,
  approval: undefined,
  decidedApprovals: [],
}

const employeeOf = (state: StaffAppraisalState): Assignee =>
  state.employee ? { person: state.employee } : { role: "officer" }
const supervisorOf = (state: StaffAppraisalState): Assignee => personOrPost(state.supervisor, "supervisor")
const titleOf = (state: StaffAppraisalState) =>
  label(
    `业绩考核 ${state.appraisalId}（${state.period}）`,
    `Performance appraisal ${state.appraisalId} (${state.period})`,
  )
const selfAssessmentTask = (state: StaffAppraisalState) =>
  `${state.appraisalId}/self-assessment/${state.rounds + 1}`
const concludeTask = (state: StaffAppraisalState) => `${state.appraisalId}/conclude`
const followUpTask = (state: StaffAppraisalState) => `${state.appraisalId}/follow-up`

/** The KPI lines with the employee's results, scored. */
const scoredLines = (state: StaffAppraisalState) =>
  scoreObjectives(
    state.objectives.map((objective) => ({
      ...objective,
      actual: state.results.find((result) => result.objectiveId === objective.id)?.actual ?? 0,
    })),
  )

/**
 * The staff appraisal (客户服务人员业绩考核流程, 002 3.6): ① the supervisor sets the post's KPIs
 * for the period (绩效考核表) → ② the employee reports results and assesses themself → ③ the
 * employee's own supervisor reviews ✓, then any further approvers the policy names (rejected:
 * back to ②) → ④ the result: the weighted score, the grade, the quadrant of 001 图1-1 with its
 * action, and ◇ an improvement plan unless the employee is in A → ⑤ followed up when due →
 * archived.
 */
export function staffAppraisalProcess(
  policy: AppraisalPolicy = defaultAppraisalPolicy,
): ProcessDefinition<StaffAppraisalState, StaffAppraisalCommand, StaffAppraisalEvent, StaffAppraisalRefusal> {
  const selfAssessmentReminder = reminderTimer<
    StaffAppraisalState,
    StaffAppraisalCommand,
    StaffAppraisalEvent
  >({
    key: "self-assessment",
    command: { type: "RemindSelfAssessment" },
    dueAt: (state) => daysAfter(state.objectivesSetAt, policy.selfAssessmentDays),
    awaited: (state) => state.status === "selfAssessing" && !state.selfAssessmentReminded,
    event: (at) => ({ type: "SelfAssessmentReminded", at }),
  })

  return defineFlow<
    StaffAppraisalState,
    StaffAppraisalCommand,
    StaffAppraisalEvent,
    PolicyRefusal | ValidationError
  >({
    name: staffAppraisalName,
    initialState,
    commands: staffAppraisalCommandSchema,
    idOf: (state) => state.appraisalId || "(new)",
    finished: ["archived", "cancelled"],
    steps: {
      // ① 制定考核指标 (客服主管): the post's KPIs, weights and targets for the period
      SetObjectives: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the objectives are set once, at the start")
        if (command.employee === command.supervisor)
          return policyRefused("appraisal.selfReview", "the employee cannot be their own supervisor")
        return decision.accept({ ...command, type: "ObjectivesSet" })
      },
      // ② 自我评估 (被考核人): a result for every KPI, then ③ ✓
      SelfAssess: (state, command, decision) => {
        if (state.status !== "selfAssessing")
          return decision.refuse("only an appraisal awaiting self-assessment is self-assessed")
        if (command.by.personId !== state.employee)
          return policyRefused("appraisal.selfAssessor", `only ${state.employee} assesses this appraisal`)
        const ids = state.objectives.map((objective) => objective.id)
        const given = command.results.map((result) => result.objectiveId)
        const unknown = given.find((id) => !ids.includes(id))
        if (unknown !== undefined) return policyRefused("appraisal.unknownObjective", `no KPI ${unknown}`)
        const missing = ids.filter((id) => !given.includes(id))
        if (missing.length > 0 || new Set(given).size !== given.length)
          return policyRefused(
            "appraisal.resultsPerObjective",
            `give one result for each KPI (missing: ${missing.join(", ") || "none"})`,
          )
        return decision.accept({
          ...command,
          type: "SelfAssessed",
          approvalKey: decision.keyAt(0, "approval.submit"),
        })
      },
      // ⏰ 自评期满: one reminder to the employee
      RemindSelfAssessment: selfAssessmentReminder.step,
      // ③ 主管审核 ✓ (客服主管): passed — ④; rejected or withdrawn — back to ②
      DecideApproval: gateDecisionStep((state) => state.status === "inReview", {
        approved: "ReviewPassed",
        returned: "ReviewReturned",
      }),
      // ④ 考核结果 (客服主管): score, grade, quadrant ◇ in A? no — an improvement plan is required
      Conclude: (state, command, decision) => {
        if (state.status !== "concluding") return decision.refuse("only a reviewed appraisal is concluded")
        if (command.by.personId !== state.supervisor)
          return policyRefused("appraisal.supervisor", `only ${state.supervisor} concludes this appraisal`)
        const scored = scoredLines(state)
        const lines = command.quadrantLines ?? policy.cutOffs
        const quadrant = quadrantOf(command.abilityScore >= lines.ability, scored.total >= lines.performance)
        if (quadrant !== "A" && command.improvementPlan === undefined)
          return policyRefused(
            "appraisal.improvementPlan",
            `quadrant ${quadrant} needs an improvement plan (${AbilityPerformanceQuadrant.labels[quadrant]["zh-CN"]})`,
          )
        return decision.accept({
          type: "Concluded",
          at: command.at,
          by: command.by,
          score: scored.total,
          grade: gradeOf(scored.total, policy.gradeBands),
          abilityScore: command.abilityScore,
          quadrant,
          action: quadrantActions[quadrant],
          lines: scored.lines,
          comments: command.comments,
          improvementPlan: command.improvementPlan,
          followUpDueAt:
            command.improvementPlan === undefined ? undefined : command.at + policy.followUpDays * dayMillis,
        })
      },
      // ⏰ 跟踪期满: a task for the supervisor
      MarkFollowUpDue: (state, command, decision) =>
        decision.acceptIf(state.status === "followingUp" && !state.followUpTaskOpen, {
          type: "FollowUpDue",
          at: command.at,
        }),
      // ⑤ 改进跟踪 (客服主管) → 归档
      FollowUp: (state, command, decision) => {
        if (state.status !== "followingUp")
          return decision.refuse("only an appraisal with an improvement plan is followed up")
        if (command.by.personId !== state.supervisor)
          return policyRefused("appraisal.supervisor", `only ${state.supervisor} follows this appraisal up`)
        return decision.accept({
          type: "Archived",
          at: command.at,
          summary: command.summary,
          improved: command.improved,
        })
      },
      Cancel: cancelWhileOpen(["archived"], "only an open appraisal can be cancelled", "inReview"),
    },
    folds: {
      ObjectivesSet: (state, { at, appraisalId, employee, supervisor, post, period, objectives }) => ({
        ...state,
        status: "selfAssessing",
        appraisalId,
        employee,
        supervisor,
        post,
        period,
        objectives,
        objectivesSetAt: at,
      }),
      SelfAssessed: (state, { results, selfAssessment, approvalKey }) => ({
        ...state,
        status: "inReview",
        results,
        selfAssessment,
        rounds: state.rounds + 1,
        approval: { key: approvalKey },
      }),
      ReviewPassed: (state) => ({ ...gatePassed(state), status: "concluding" }),
      ReviewReturned: (state) => ({ ...gateReturned(state), status: "selfAssessing" }),
      Concluded: (state, { at: _at, by: _by, followUpDueAt, type: _type, ...result }) => ({
        ...state,
        status: followUpDueAt === undefined ? "archived" : "followingUp",
        result,
        followUpDueAt,
      }),
      SelfAssessmentReminded: (state) => ({ ...state, selfAssessmentReminded: true }),
      FollowUpDue: (state) => ({ ...state, followUpTaskOpen: true }),
      Archived: (state, { summary, improved }) => ({
        ...state,
        status: "archived",
        followUp: summary === undefined || improved === undefined ? undefined : { summary, improved },
      }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      timers<StaffAppraisalCommand>(
        selfAssessmentReminder.deadline(state),
        state.status === "followingUp" &&
          timer("follow-up", state.followUpDueAt, { type: "MarkFollowUpDue" }, state.followUpTaskOpen),
      ),
    effects: {
      ObjectivesSet: (state, _event, host) => [
        host.task(employeeOf(state), {
          externalKey: selfAssessmentTask(state),
          subject: `业绩考核自我评估 Self-assessment ${state.appraisalId} ${state.period}`,
          body: state.objectives.map((objective) => `${objective.kpi} (${objective.weight}%)`).join("；"),
          dueAt: state.objectivesSetAt! + policy.selfAssessmentDays * dayMillis,
        }),
      ],
      SelfAssessed: (state, event, host) => {
        const scored = scoredLines(state)
        return [
          host.completeTask(`${state.appraisalId}/self-assessment/${state.rounds}`),
          host.submitApproval(event.approvalKey, {
            requestType: staffAppraisalName,
            businessKey: state.appraisalId,
            title: titleOf(state),
            originator: employeeOf(state),
            formId: appraisalForm.id,
            values: {
              appraisalNumber: state.appraisalId,
              employee: state.employee,
              post: state.post,
              period: state.period,
              objectives: scored.lines,
              selfAssessment: event.selfAssessment,
              totalScore: scored.total,
            },
            steps: [
              { mode: "any", approvers: [supervisorOf(state)] },
              ...approvalStepsOf(policy.furtherApprovers),
            ],
          }),
        ]
      },
      ReviewReturned: (state, event, host) => [
        returnedNotice(host, {
          to: employeeOf(state),
          title: titleOf(state),
          subject: state.appraisalId,
          comment: event.comment,
          otherwise: label("请修改自我评估后重新提交。", "Revise the self-assessment and submit it again."),
        }),
        host.task(employeeOf(state), {
          externalKey: selfAssessmentTask(state),
          subject: `业绩考核自我评估（退回）Self-assessment returned ${state.appraisalId}`,
          body: event.comment ?? "",
        }),
      ],
      ReviewPassed: (state, _event, host) => [
        host.task(supervisorOf(state), {
          externalKey: concludeTask(state),
          subject: `业绩考核结果 Conclude appraisal ${state.appraisalId}`,
          body: "评定能力、给出考核结果与改进计划。Score ability, conclude and plan improvement.",
        }),
      ],
      Concluded: (state, event, host) => [
        host.completeTask(concludeTask(state)),
        host.notify(
          [employeeOf(state)],
          event.grade === "unsatisfactory" ? "warning" : "info",
          titleOf(state),
          label(
            `得分 ${event.score}，${AppraisalGrade.labels[event.grade]["zh-CN"]}，${AbilityPerformanceQuadrant.labels[event.quadrant]["zh-CN"]}${event.improvementPlan ? `；改进计划：${event.improvementPlan}` : ""}`,
            `Score ${event.score}, ${AppraisalGrade.labels[event.grade].en}, ${AbilityPerformanceQuadrant.labels[event.quadrant].en}${event.improvementPlan ? `; improvement plan: ${event.improvementPlan}` : ""}`,
          ),
        ),
      ],
      SelfAssessmentReminded: (state, _event, host) => [
        host.notify(
          [employeeOf(state)],
          "warning",
          titleOf(state),
          label("自我评估已到期，请尽快提交。", "The self-assessment is due: submit it."),
        ),
      ],
      FollowUpDue: (state, _event, host) => [
        host.task(supervisorOf(state), {
          externalKey: followUpTask(state),
          subject: `跟踪改进计划 Follow up ${state.appraisalId}`,
          body: state.result?.improvementPlan ?? "",
        }),
      ],
      Archived: (state, _event, host) =>
        state.followUpTaskOpen ? [host.completeTask(followUpTask(state))] : [],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
