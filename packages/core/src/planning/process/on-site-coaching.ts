import { Result } from "effect"
import type { InvalidTransition } from "../../errors/refusals.ts"
import { ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { type PersonId, personId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import type { Post } from "../../organisation/post.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { formCommandField } from "../../process/form-command-field.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { recordStep } from "../../process/record-step.ts"
import { reminderTimer } from "../../process/reminder-timer.ts"
import { timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { coachingActionsForm } from "../schema/coaching-actions-form.ts"
import { coachingChecklistForm } from "../schema/coaching-checklist-form.ts"
import { coachingPlanForm } from "../schema/coaching-plan-form.ts"

/** The process name of an on-site coaching; part of every idempotency key. */
export const onSiteCoachingName = "planning.coaching"

/** Where an on-site coaching (客户服务现场指导) stands. */
export type OnSiteCoachingStatus = "none" | "planned" | "observed" | "actionsDue" | "improving" | "closed"

/** One skill's score on the checklist. */
export interface SkillScore {
  readonly skill: string
  readonly score: number
}

/** The state of one on-site coaching of one employee. */
export interface OnSiteCoachingState extends FlowState {
  readonly status: OnSiteCoachingStatus
  readonly sequence: number
  readonly coachingId: string
  readonly coach: Actor | undefined
  readonly employee: PersonId | undefined
  readonly post: Post | undefined
  readonly skills: ReadonlyArray<string>
  /** ② the scores observed on site, then ⑤ those of the follow-up check. */
  readonly scores: ReadonlyArray<SkillScore>
  /** The skills below the pass score, which need an action and a follow-up. */
  readonly weakSkills: ReadonlyArray<string>
  readonly followUpAt: Instant | undefined
  readonly reminded: boolean
  /** How many improvement rounds it took. */
  readonly rounds: number
}

/** The shape of every command of an on-site coaching, checked before the decider reads it. */
export const onSiteCoachingCommandSchema = commandUnion(
  /** ① 制订指导计划: who, which post, which skills, when. */
  commandShape("PlanObservation", {
    coachingId: commandIdSchema,
    coach: actorSchema,
    plan: formCommandField(coachingPlanForm),
  }),
  /** ② 现场观察: every planned skill scored on the checklist. */
  commandShape("Observe", { coach: actorSchema, checklist: formCommandField(coachingChecklistForm) }),
  /** ③ 反馈面谈: the coach goes through the scores with the employee. */
  commandShape("GiveFeedback", {
    coach: actorSchema,
    employeeComments: commandTextSchema(2000).optional(),
  }),
  /** ④ 改进措施: one action per weak skill and the date of the follow-up check. */
  commandShape("AgreeActions", { coach: actorSchema, plan: formCommandField(coachingActionsForm) }),
  /** ⑤ the follow-up is due (timer). */
  commandShape("FollowUpDue", {}),
  /** ⑤ 跟踪检查: the weak skills scored again. */
  commandShape("CheckFollowUp", { coach: actorSchema, checklist: formCommandField(coachingChecklistForm) }),
)

/** The commands of an on-site coaching. */
export type OnSiteCoachingCommand = ShapedCommand<typeof onSiteCoachingCommandSchema>

type Step<Type extends OnSiteCoachingCommand["type"]> = StepFields<OnSiteCoachingCommand, Type>

/** The events of an on-site coaching. */
export type OnSiteCoachingEvent =
  | FlowEvent<"ObservationPlanned", Step<"PlanObservation">>
  | FlowEvent<"Observed", Step<"Observe"> & { weakSkills: ReadonlyArray<string> }>
  | FlowEvent<"FeedbackGiven", Step<"GiveFeedback">>
  | FlowEvent<"ActionsAgreed", Step<"AgreeActions">>
  | FlowEvent<"FollowUpReminded", Record<never, never>>
  | FlowEvent<"FollowUpChecked", Step<"CheckFollowUp"> & { weakSkills: ReadonlyArray<string> }>

/** Why a command of an on-site coaching is refused. */
export type OnSiteCoachingRefusal = InvalidTransition | ValidationError

/** Options of an on-site coaching. */
export interface OnSiteCoachingOptions {
  /** The lowest score (1–5) a skill passes with (default 3). */
  readonly passScore?: number
}

const initialState: OnSiteCoachingState = {
  status: "none",
  sequence: 0,
  coachingId: "",
  coach: undefined,
  employee: undefined,
  post: undefined,
  skills: [],
  scores: [],
  weakSkills: [],
  followUpAt: undefined,
  reminded: false,
  rounds: 0,
}

const subject = `${onSiteCoachingName}.command`

/** The rows of `table` that name no expected skill, and the expected skills no row names. */
function coverage(
  table: readonly [string, string],
  rows: ReadonlyArray<{ readonly skill: string }>,
  expected: ReadonlyArray<string>,
): Result.Result<void, ValidationError> {
  const issues: Array<ValidationIssue> = rows.flatMap((row, index) =>
    expected.includes(row.skill)
      ? []
      : [
          {
            path: [...table, index, "skill"],
            message: `${row.skill} is not a skill to cover here`,
            code: "rule",
          },
        ],
  )
  const named = new Set(rows.map((row) => row.skill))
  for (const skill of expected)
    if (!named.has(skill)) issues.push({ path: [...table], message: `${skill} is missing`, code: "rule" })
  return issues.length === 0 ? Result.void : Result.fail(new ValidationError({ subject, issues }))
}

/**
 * 客户服务现场指导流程 ①–⑤ (002 ch.2 2.5): the coach plans whom to observe on which post and
 * which skills, scores every planned skill on site, goes through the scores with the employee, and
 * — when a skill is below the pass score ◇ — agrees an action per weak skill with a follow-up date;
 * the follow-up check ◇ closes the coaching when every weak skill passes, or asks for new actions.
 */
export function onSiteCoachingProcess(
  options: OnSiteCoachingOptions = {},
): ProcessDefinition<OnSiteCoachingState, OnSiteCoachingCommand, OnSiteCoachingEvent, OnSiteCoachingRefusal> {
  const passScore = options.passScore ?? 3
  const weak = (scores: ReadonlyArray<SkillScore>) =>
    scores.filter((row) => row.score < passScore).map((row) => row.skill)
  const coachOf = (state: OnSiteCoachingState): Assignee => personOrPost(state.coach?.personId, "supervisor")
  const followUp = reminderTimer<OnSiteCoachingState, OnSiteCoachingCommand, OnSiteCoachingEvent>({
    key: "follow-up",
    command: { type: "FollowUpDue" },
    dueAt: (state) => state.followUpAt,
    awaited: (state) => state.status === "improving" && !state.reminded,
    event: (at) => ({ type: "FollowUpReminded", at }),
  })

  return defineFlow<OnSiteCoachingState, OnSiteCoachingCommand, OnSiteCoachingEvent, ValidationError>({
    name: onSiteCoachingName,
    initialState,
    commands: onSiteCoachingCommandSchema,
    idOf: (state) => state.coachingId,
    finished: ["closed"],
    steps: {
      // ① 制订指导计划 (客户服务部主管)
      PlanObservation: recordStep("none", "the coaching was already planned", "ObservationPlanned"),
      // ② 现场观察 (客户服务部主管): every planned skill scored, no other
      Observe: (state, command, decision) => {
        if (state.status !== "planned") return decision.refuse("the employee is observed once, as planned")
        const covered = coverage(["checklist", "scores"], command.checklist.scores, state.skills)
        if (Result.isFailure(covered)) return Result.fail(covered.failure)
        return decision.accept({ ...command, type: "Observed", weakSkills: weak(command.checklist.scores) })
      },
      // ③ 反馈面谈 (主管, 员工) ◇ a skill below the pass score: ④ — none: closed
      GiveFeedback: recordStep("observed", "feedback follows the observation", "FeedbackGiven"),
      // ④ 制订改进措施 (主管, 员工): one action per weak skill, and a follow-up date
      AgreeActions: (state, command, decision) => {
        if (state.status !== "actionsDue")
          return decision.refuse("actions are agreed for skills below the pass score")
        if (command.plan.followUpAt <= command.at)
          return Result.fail(
            new ValidationError({
              subject,
              issues: [
                {
                  path: ["plan", "followUpAt"],
                  message: "must be after the actions are agreed",
                  code: "rule",
                },
              ],
            }),
          )
        const covered = coverage(["plan", "actions"], command.plan.actions, state.weakSkills)
        if (Result.isFailure(covered)) return Result.fail(covered.failure)
        return decision.accept({ ...command, type: "ActionsAgreed" })
      },
      // ⑤ timer: the follow-up check is due
      FollowUpDue: followUp.step,
      // ⑤ 跟踪检查 (主管) ◇ every weak skill passes: closed — otherwise: ④ again
      CheckFollowUp: (state, command, decision) => {
        if (state.status !== "improving") return decision.refuse("the follow-up checks agreed actions")
        const covered = coverage(["checklist", "scores"], command.checklist.scores, state.weakSkills)
        if (Result.isFailure(covered)) return Result.fail(covered.failure)
        return decision.accept({
          ...command,
          type: "FollowUpChecked",
          weakSkills: weak(command.checklist.scores),
        })
      },
    },
    folds: {
      ObservationPlanned: (state, { coachingId, coach, plan }) => ({
        ...state,
        status: "planned",
        coachingId,
        coach,
        employee: personId(plan.employee),
        post: plan.post,
        skills: plan.skills.map((row) => row.skill),
      }),
      Observed: (state, { checklist, weakSkills }) => ({
        ...state,
        status: "observed",
        scores: checklist.scores,
        weakSkills,
      }),
      FeedbackGiven: (state) => ({
        ...state,
        status: state.weakSkills.length === 0 ? "closed" : "actionsDue",
      }),
      ActionsAgreed: (state, { plan }) => ({
        ...state,
        status: "improving",
        followUpAt: plan.followUpAt,
        reminded: false,
        rounds: state.rounds + 1,
      }),
      FollowUpReminded: (state) => ({ ...state, reminded: true }),
      FollowUpChecked: (state, { checklist, weakSkills }) => ({
        ...state,
        status: weakSkills.length === 0 ? "closed" : "actionsDue",
        scores: state.scores.map((row) => checklist.scores.find((next) => next.skill === row.skill) ?? row),
        weakSkills,
      }),
    },
    deadlines: (state) => timers(followUp.deadline(state)),
    effects: {
      ObservationPlanned: (state, { plan }, host) => [
        host.task(coachOf(state), {
          externalKey: `${state.coachingId}/observe`,
          subject: `② 现场观察 Observe on site: ${plan.skills.map((row) => row.skill).join(", ")}`,
          body: `${plan.post} ${plan.employee}`,
          dueAt: plan.plannedAt,
        }),
      ],
      Observed: (state, _event, host) => [host.completeTask(`${state.coachingId}/observe`)],
      FeedbackGiven: (state, _event, host) =>
        state.employee === undefined
          ? []
          : [
              host.notify(
                [{ person: state.employee }],
                "info",
                label("现场指导反馈", "On-site coaching feedback"),
                label(
                  state.scores.map((row) => `${row.skill}: ${row.score}`).join("；"),
                  state.scores.map((row) => `${row.skill}: ${row.score}`).join("; "),
                ),
              ),
            ],
      FollowUpReminded: (state, _event, host) => [
        host.task(coachOf(state), {
          externalKey: `${state.coachingId}/follow-up/${state.rounds}`,
          subject: `⑤ 跟踪检查 Follow-up check: ${state.weakSkills.join(", ")}`,
          body: "The improvement actions are due: score the weak skills again.",
        }),
      ],
      FollowUpChecked: (state, _event, host) =>
        state.reminded ? [host.completeTask(`${state.coachingId}/follow-up/${state.rounds}`)] : [],
    },
  })
}
