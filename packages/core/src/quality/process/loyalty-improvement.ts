import { z } from "zod"
import type { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import {
  type ApprovalDecisionFields,
  decideAtGate,
  type GatedState,
  gatePassed,
  gateReturned,
  type ReturnedDecisionFields,
} from "../../process/approval-gate.ts"
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
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow } from "../../process/flow.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { policyRefused } from "../../process/policy-refused.ts"
import { returnedNotice } from "../../process/returned-notice.ts"
import { timer, timers } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import type { LoyaltyImprovementStatus } from "../labels/quality-labels.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import { improvementPlanForm } from "../schema/improvement-plan-form.ts"
import {
  type ActionEvent,
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
import { approverSteps } from "./survey-round.ts"

const processName = "quality.loyaltyImprovement"
const words = commandTextSchema(5000)

/**
 * The shape of every command of a loyalty improvement, checked before the decider reads it;
 * exported so callers can validate commands without deciding them.
 */
export const loyaltyImprovementCommandSchema = commandUnion(
  /** ① the plan: what the loyalty survey found, and the actions, each with owner and due date. */
  commandShape("ProposePlan", {
    id: commandIdSchema,
    /** The loyalty survey round whose findings it answers (its id), when it follows one. */
    surveyId: commandIdSchema.optional(),
    findings: words,
    actions: improvementActionsSchema,
    owner: personIdSchema,
  }),
  decideApprovalSchema,
  commandShape("CompleteAction", { actionId: commandIdSchema, note: words }),
  commandShape("MarkActionOverdue", { actionId: commandIdSchema }),
  timerCommand("MarkFollowUpDue"),
  /** ③ 跟踪评估: ◇ did loyalty improve? yes closes; no sends it back to ① for a new plan. */
  commandShape("FollowUp", { summary: words, effective: z.boolean() }),
  cancelCommandSchema,
)

/** The commands of a loyalty improvement. */
export type LoyaltyImprovementCommand = ShapedCommand<typeof loyaltyImprovementCommandSchema>

type Step<Type extends LoyaltyImprovementCommand["type"]> = StepFields<LoyaltyImprovementCommand, Type>

/** The events of a loyalty improvement. */
export type LoyaltyImprovementEvent =
  | FlowEvent<"PlanProposed", Step<"ProposePlan"> & { approvalKey: string }>
  | FlowEvent<"PlanApproved", ApprovalDecisionFields & { followUpDueAt: Instant }>
  | FlowEvent<"PlanReturned", ReturnedDecisionFields>
  | ActionEvent
  | FlowEvent<"FollowUpDue">
  | FollowedUpEvent
  | CancelledEvent

/** One follow-up of a plan: what was found and whether loyalty improved. */
export interface LoyaltyFollowUp {
  readonly at: Instant
  readonly summary: string
  readonly effective: boolean
}

/** The state of one loyalty improvement. */
export interface LoyaltyImprovementState extends GatedState {
  readonly status: LoyaltyImprovementStatus
  readonly sequence: number
  readonly id: string
  readonly surveyId: string | undefined
  readonly owner: PersonId | undefined
  readonly findings: string | undefined
  readonly actions: ReadonlyArray<TrackedAction>
  /** Plans proposed so far: a second after one proved not effective, or came back from ✓. */
  readonly plans: number
  readonly followUpDueAt: Instant | undefined
  readonly followUpTaskOpen: boolean
  /** Every follow-up, the ineffective ones included, for the record. */
  readonly followUps: ReadonlyArray<LoyaltyFollowUp>
}

/** Why a loyalty improvement command was refused. */
export type LoyaltyImprovementRefusal = InvalidTransition | PolicyRefusal | ValidationError

const initialState: LoyaltyImprovementState = {
  status: "none",
  sequence: 0,
  id: "",
  surveyId: undefined,
  owner: undefined,
  findings: undefined,
  actions: [],
  plans: 0,
  followUpDueAt: undefined,
  followUpTaskOpen: false,
  followUps: [],
  approval: undefined,
  decidedApprovals: [],
}

const ownerOf = (state: LoyaltyImprovementState): Assignee => personOrPost(state.owner, "supervisor")
const titleOf = (state: LoyaltyImprovementState) =>
  label(`客户忠诚度提升 ${state.id}`, `Customer loyalty improvement ${state.id}`)

/** Where the host tasks of the current plan are keyed: a new plan after one fell short gets its own. */
const tasksOf = (state: LoyaltyImprovementState) => `${state.id}/plan-${state.plans}`

/**
 * The loyalty improvement (客户忠诚度提升工作流程, 002 6.15): ① the improvement plan — findings
 * (from a loyalty survey) and actions, each with its owner and due date → 审核 → 审批 ✓ → ② the
 * actions carried out, each a task on the host, chased when overdue → ③ follow up when due
 * ◇ effective? yes: closed — no: back to ① for a new plan. A plan sent back at ✓ returns to ①.
 */
export function loyaltyImprovementProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<
  LoyaltyImprovementState,
  LoyaltyImprovementCommand,
  LoyaltyImprovementEvent,
  LoyaltyImprovementRefusal
> {
  const { survey } = policy

  return defineFlow<
    LoyaltyImprovementState,
    LoyaltyImprovementCommand,
    LoyaltyImprovementEvent,
    PolicyRefusal | ValidationError
  >({
    name: processName,
    initialState,
    commands: loyaltyImprovementCommandSchema,
    idOf: (state) => state.id || "(new)",
    finished: ["closed", "cancelled"],
    steps: {
      // ① 制定忠诚度提升方案 (customer relations supervisor) → 审核 (manager) → 审批 (director) ✓
      ProposePlan: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "drafting")
          return decision.refuse("a plan is proposed at the start, or after one came back or fell short")
        if (state.status === "drafting" && command.id !== state.id)
          return decision.refuse("the improvement's id cannot change")
        if (command.actions.some((action) => action.dueAt <= command.at))
          return policyRefused("loyalty.actionDue", "every action must be due in the future")
        return decision.accept({
          ...command,
          type: "PlanProposed",
          findings: command.findings.trim(),
          approvalKey: decision.keyAt(0, "approval.submit", command.id),
        })
      },
      // ✓ approved: ② carry out the actions — rejected or withdrawn: back to ①
      DecideApproval: (state, command, decision) =>
        decideAtGate(state, command, state.status === "planSubmitted", decision, {
          approved: (decided) =>
            decision.accept({
              type: "PlanApproved",
              ...decided,
              followUpDueAt: command.at + survey.followUpDays * dayMillis,
            }),
          returned: (decided) => decision.accept({ type: "PlanReturned", ...decided }),
        }),
      // ② 实施提升措施 (each action's owner)
      CompleteAction: completeActionStep("loyalty.unknownAction"),
      // timer: an action past its due date, still open
      MarkActionOverdue: markActionOverdueStep,
      // timer: the follow-up falls due
      MarkFollowUpDue: (state, command, decision) =>
        decision.acceptIf(state.status === "implementing" && !state.followUpTaskOpen, {
          type: "FollowUpDue",
          at: command.at,
        }),
      // ③ 跟踪评估 ◇ effective? once every action is done
      FollowUp: followUpStep("loyalty.actionsOpen"),
      Cancel: cancelWhileOpen(["closed"], "only an open improvement can be cancelled", "planSubmitted"),
    },
    folds: {
      PlanProposed: (state, { id, surveyId, findings, actions, owner, approvalKey }) => ({
        ...state,
        status: "planSubmitted",
        id,
        surveyId,
        findings,
        owner,
        actions: trackActions(actions),
        plans: state.plans + 1,
        followUpDueAt: undefined,
        followUpTaskOpen: false,
        approval: { key: approvalKey },
      }),
      PlanApproved: (state, { followUpDueAt }) => ({
        ...gatePassed(state),
        status: "implementing",
        followUpDueAt,
      }),
      PlanReturned: (state) => ({ ...gateReturned(state), status: "drafting", actions: [] }),
      ActionCompleted: (state, { actionId, at, note }) =>
        withAction(state, actionId, { completedAt: at, note }),
      ActionOverdue: (state, { actionId }) => withAction(state, actionId, { overdue: true }),
      FollowUpDue: (state) => ({ ...state, followUpTaskOpen: true }),
      FollowedUp: (state, { at, summary, effective }) => ({
        ...state,
        status: effective ? "closed" : "drafting",
        followUps: [...state.followUps, { at, summary, effective }],
      }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    // ◇ an action past due? warn — ◇ follow-up due? a task for the owner
    deadlines: (state) =>
      state.status !== "implementing"
        ? []
        : timers<LoyaltyImprovementCommand>(
            ...actionDeadlines<LoyaltyImprovementCommand>(state, (actionId) => ({
              type: "MarkActionOverdue",
              actionId,
            })),
            timer("follow-up", state.followUpDueAt, { type: "MarkFollowUpDue" }, state.followUpTaskOpen),
          ),
    effects: {
      PlanProposed: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: processName,
          businessKey: state.id,
          title: label(`${titleOf(state)["zh-CN"]} · 提升方案审批`, `${titleOf(state).en} · plan`),
          originator: ownerOf(state),
          formId: improvementPlanForm.id,
          values: { findings: event.findings, actions: event.actions },
          steps: approverSteps(survey.improvementApprovers),
        }),
      ],
      PlanReturned: (state, event, host) => [
        returnedNotice(host, {
          to: ownerOf(state),
          title: titleOf(state),
          subject: state.id,
          comment: event.comment,
          otherwise: label("请修改提升方案后重新提交。", "Revise the improvement plan and submit it again."),
        }),
      ],
      PlanApproved: (state, _event, host) => actionTasks(state, host, tasksOf(state), "忠诚度提升措施"),
      ActionCompleted: (state, event, host) => actionCompletedEffects(tasksOf(state), event, host),
      ActionOverdue: (state, event, host) =>
        actionOverdueNotice(state, event, host, ownerOf(state), titleOf(state)),
      FollowUpDue: (state, _event, host) => [
        host.task(ownerOf(state), {
          externalKey: `${state.id}/follow-up/${state.plans}`,
          subject: "跟踪评估忠诚度提升效果",
          body: state.findings ?? "",
        }),
      ],
      FollowedUp: (state, event, host) => [
        ...(state.followUpTaskOpen ? [host.completeTask(`${state.id}/follow-up/${state.plans}`)] : []),
        host.notify(
          [ownerOf(state), ...survey.improvementApprovers.map((role) => ({ role }))],
          event.effective ? "info" : "warning",
          titleOf(state),
          event.effective
            ? label(
                `提升措施见效，结案：${event.summary}`,
                `The improvement worked; closed: ${event.summary}`,
              )
            : label(
                `提升措施未见效，需重新制定方案：${event.summary}`,
                `The improvement fell short; a new plan is due: ${event.summary}`,
              ),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
