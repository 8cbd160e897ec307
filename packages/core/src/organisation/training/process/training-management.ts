import type { InvalidTransition, PolicyRefusal } from "../../../errors/refusals.ts"
import type { ValidationError } from "../../../errors/validation-error.ts"
import type { PersonId } from "../../../ids/ids.ts"
import { label } from "../../../labels/label.ts"
import { decideApprovalSchema } from "../../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../../process/approval-gate.ts"
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
import { submitFormForApproval } from "../../../process/form-approval.ts"
import { formCommandField } from "../../../process/form-command-field.ts"
import { gateDecisionStep } from "../../../process/gate-decision-step.ts"
import type { GateDecisionEvents } from "../../../process/gate-events.ts"
import { personOrPost } from "../../../process/person-or-post.ts"
import { policyRefused } from "../../../process/policy-refused.ts"
import { reminderTimer } from "../../../process/reminder-timer.ts"
import { returnedNotice } from "../../../process/returned-notice.ts"
import { timers } from "../../../process/timers.ts"
import { actorSchema, personIdSchema } from "../../../roles/actor.ts"
import { dayMillis, type Instant } from "../../../time/instant.ts"
import type { TrainingStatus } from "../labels/training-labels.ts"
import {
  evaluateTraining,
  type TrainingAttendance,
  type TrainingEvaluation,
  type TrainingPlan,
} from "../models/training-evaluation.ts"
import { defaultTrainingPolicy, type TrainingPolicy } from "../policy/training-policy.ts"
import { trainingAttendanceForm } from "../schema/training-attendance-form.ts"
import { trainingEvaluationForm } from "../schema/training-evaluation-form.ts"
import { trainingPlanForm } from "../schema/training-plan-form.ts"

/** The process name of a training plan; part of every idempotency key. */
export const trainingManagementName = "organisation.training"

const words = commandTextSchema(5000)

/** The shape of every command of a training plan, checked before the decider reads it. */
export const trainingManagementCommandSchema = commandUnion(
  /** ① 培训计划表: needs, trainees, courses, budget — submitted for ✓. */
  commandShape("ProposePlan", {
    planId: commandIdSchema,
    owner: personIdSchema,
    plan: formCommandField(trainingPlanForm),
  }),
  /** ✓ the approver's decision on the plan and its budget. */
  decideApprovalSchema,
  /** ② 培训签到表 of one course's session. */
  commandShape("RecordAttendance", { by: actorSchema, sheet: formCommandField(trainingAttendanceForm) }),
  /** The timer of the evaluation after the last session. */
  timerCommand("RemindEvaluation"),
  /** ③ 培训效果评估表: course ratings and trainee tests. */
  commandShape("Evaluate", { by: actorSchema, sheet: formCommandField(trainingEvaluationForm) }),
  /** ④ 培训总结报告. */
  commandShape("Report", { by: actorSchema, summary: words, nextSteps: words.optional() }),
  cancelCommandSchema,
)

/** The commands of a training plan. */
export type TrainingManagementCommand = ShapedCommand<typeof trainingManagementCommandSchema>

type Step<Type extends TrainingManagementCommand["type"]> = StepFields<TrainingManagementCommand, Type>

/** The events of a training plan. */
export type TrainingManagementEvent =
  | FlowEvent<"PlanProposed", Step<"ProposePlan"> & { approvalKey: string }>
  | GateDecisionEvents<"PlanApproved", "PlanReturned">
  | FlowEvent<"AttendanceRecorded", Step<"RecordAttendance">>
  | FlowEvent<"EvaluationReminded">
  | FlowEvent<"Evaluated", Step<"Evaluate"> & { evaluation: TrainingEvaluation }>
  | FlowEvent<"Reported", Step<"Report">>
  | CancelledEvent

/** Why a training command is refused. */
export type TrainingManagementRefusal = InvalidTransition | PolicyRefusal | ValidationError

/** One training plan from proposal to report. */
export interface TrainingManagementState extends GatedState {
  readonly status: TrainingStatus
  readonly sequence: number
  readonly planId: string
  readonly owner: PersonId | undefined
  readonly plan: TrainingPlan | undefined
  /** Plans proposed so far: a plan sent back and proposed again is the second. */
  readonly proposals: number
  readonly attendance: ReadonlyArray<TrainingAttendance>
  readonly sessionsEndedAt: Instant | undefined
  readonly evaluationReminded: boolean
  readonly evaluation: TrainingEvaluation | undefined
  readonly report: { readonly summary: string; readonly nextSteps: string | undefined } | undefined
}

const initialState: TrainingManagementState = {
  status: "none",
  sequence: 0,
  planId: "",
  owner: undefined,
  plan: undefined,
  proposals: 0,
  attendance: [],
  sessionsEndedAt: undefined,
  evaluationReminded: false,
  evaluation: undefined,
  report: undefined,
  approval: undefined,
  decidedApprovals: [],
}

const ownerOf = (state: TrainingManagementState): Assignee => personOrPost(state.owner, "supervisor")
const titleOf = (state: TrainingManagementState) =>
  label(
    `培训 ${state.planId} ${state.plan?.title ?? ""}`,
    `Training ${state.planId} ${state.plan?.title ?? ""}`,
  )
const courseTask = (state: TrainingManagementState, courseId: string) => `${state.planId}/course/${courseId}`
const evaluateTask = (state: TrainingManagementState) => `${state.planId}/evaluate`
const reportTask = (state: TrainingManagementState) => `${state.planId}/report`
const percent = (share: number | undefined) => (share === undefined ? "—" : `${Math.round(share * 100)}%`)

/** The names a sheet uses that the plan does not hold, to refuse a sheet of another training. */
function strangers(state: TrainingManagementState, trainees: ReadonlyArray<string>): ReadonlyArray<string> {
  const known = new Set(state.plan?.trainees.map((row) => row.trainee))
  return trainees.filter((trainee) => !known.has(trainee))
}

/**
 * Training management (客户服务人员培训管理流程, 002 3.5; and 入职培训, 3.4, whose plan comes from
 * `inductionPlan`): ① the 客服主管 proposes 培训计划表 — the needs (the quadrant's B and D people,
 * quality findings), trainees, courses, budget — for the manager's ✓ (returned: back to ①) → ②
 * each course's session with 培训签到表 → ③ 培训效果评估表: the trainees rate the courses
 * (Kirkpatrick 1) and are tested (Kirkpatrick 2), reminded when late → ④ the report to the approver.
 */
export function trainingManagementProcess(
  policy: TrainingPolicy = defaultTrainingPolicy,
): ProcessDefinition<
  TrainingManagementState,
  TrainingManagementCommand,
  TrainingManagementEvent,
  TrainingManagementRefusal
> {
  const evaluationReminder = reminderTimer<
    TrainingManagementState,
    TrainingManagementCommand,
    TrainingManagementEvent
  >({
    key: "evaluate",
    command: { type: "RemindEvaluation" },
    dueAt: (state) => daysAfter(state.sessionsEndedAt, policy.evaluateWithinDays),
    awaited: (state) => state.status === "evaluating" && !state.evaluationReminded,
    event: (at) => ({ type: "EvaluationReminded", at }),
  })

  return defineFlow<
    TrainingManagementState,
    TrainingManagementCommand,
    TrainingManagementEvent,
    PolicyRefusal | ValidationError
  >({
    name: trainingManagementName,
    initialState,
    commands: trainingManagementCommandSchema,
    idOf: (state) => state.planId || "(new)",
    finished: ["reported", "cancelled"],
    steps: {
      // ① 制订培训计划 (客服主管) → ✓ 审批 (客户服务部经理)
      ProposePlan: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "drafting")
          return decision.refuse("a plan is proposed at the start, or after it came back from approval")
        if (state.status === "drafting" && command.planId !== state.planId)
          return decision.refuse("the plan's id cannot change")
        return decision.accept({
          ...command,
          type: "PlanProposed",
          approvalKey: decision.keyAt(0, "approval.submit", command.planId),
        })
      },
      // ✓ approved: ② the sessions — rejected or withdrawn: back to ①
      DecideApproval: gateDecisionStep((state) => state.status === "planSubmitted", {
        approved: "PlanApproved",
        returned: "PlanReturned",
      }),
      // ② 组织实施与签到 (培训讲师, or the owner): one sheet per course, the plan's trainees only
      RecordAttendance: (state, command, decision) => {
        if (state.status !== "inSession")
          return decision.refuse("attendance is recorded while the sessions run")
        const { sheet } = command
        const course = state.plan!.courses.find((each) => each.id === sheet.courseId)
        if (course === undefined)
          return policyRefused("training.unknownCourse", `the plan has no course ${sheet.courseId}`)
        if (command.by.personId !== course.trainer && command.by.personId !== state.owner)
          return policyRefused(
            "training.attendanceTaker",
            `the trainer ${course.trainer} or the plan's owner records course ${course.id}`,
          )
        if (state.attendance.some((each) => each.courseId === sheet.courseId))
          return decision.refuse(`the attendance of course ${sheet.courseId} is already recorded`)
        const unknown = strangers(
          state,
          sheet.attendance.map((row) => row.trainee),
        )
        if (unknown.length > 0)
          return policyRefused("training.unknownTrainee", `not trainees of this plan: ${unknown.join(", ")}`)
        return decision.accept({ ...command, type: "AttendanceRecorded" })
      },
      // ⏰ 评估期满: one reminder to the owner
      RemindEvaluation: evaluationReminder.step,
      // ③ 培训效果评估 (客服主管): Kirkpatrick 1 (reaction) and 2 (learning)
      Evaluate: (state, command, decision) => {
        if (state.status !== "evaluating")
          return decision.refuse("a training is evaluated once its sessions are done")
        const plan = state.plan!
        const courseIds = new Set(plan.courses.map((course) => course.id))
        const unrated = command.sheet.courseRatings.find((row) => !courseIds.has(row.courseId))
        if (unrated !== undefined)
          return policyRefused("training.unknownCourse", `the plan has no course ${unrated.courseId}`)
        const unknown = strangers(
          state,
          command.sheet.assessments.map((row) => row.trainee),
        )
        if (unknown.length > 0)
          return policyRefused("training.unknownTrainee", `not trainees of this plan: ${unknown.join(", ")}`)
        const evaluation = evaluateTraining(plan, state.attendance, command.sheet, policy)
        return decision.accept({ ...command, type: "Evaluated", evaluation })
      },
      // ④ 培训总结报告 (客服主管) to the approver
      Report: (state, command, decision) => {
        if (state.status !== "reporting") return decision.refuse("the report follows the evaluation")
        return decision.accept({ ...command, type: "Reported" })
      },
      Cancel: cancelWhileOpen(["reported"], "only an open training can be cancelled", "planSubmitted"),
    },
    folds: {
      PlanProposed: (state, { planId, owner, plan, approvalKey }) => ({
        ...state,
        status: "planSubmitted",
        planId,
        owner,
        plan,
        proposals: state.proposals + 1,
        approval: { key: approvalKey },
      }),
      PlanApproved: (state) => ({ ...gatePassed(state), status: "inSession" }),
      PlanReturned: (state) => ({ ...gateReturned(state), status: "drafting" }),
      AttendanceRecorded: (state, { at, sheet }) => {
        const attendance = [...state.attendance, sheet]
        const done = attendance.length === state.plan!.courses.length
        return {
          ...state,
          attendance,
          status: done ? "evaluating" : state.status,
          sessionsEndedAt: done ? at : state.sessionsEndedAt,
        }
      },
      EvaluationReminded: (state) => ({ ...state, evaluationReminded: true }),
      Evaluated: (state, { evaluation }) => ({ ...state, status: "reporting", evaluation }),
      Reported: (state, { summary, nextSteps }) => ({
        ...state,
        status: "reported",
        report: { summary, nextSteps },
      }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) => timers(evaluationReminder.deadline(state)),
    effects: {
      PlanProposed: (state, event, host) => [
        submitFormForApproval(host, event.approvalKey, {
          requestType: trainingManagementName,
          businessKey: state.planId,
          title: titleOf(state),
          originator: ownerOf(state),
          form: trainingPlanForm,
          values: event.plan,
          approver: policy.approver,
        }),
      ],
      PlanReturned: (state, event, host) => [
        returnedNotice(host, {
          to: ownerOf(state),
          title: titleOf(state),
          subject: state.planId,
          comment: event.comment,
          otherwise: label("请修改培训计划后重新提交。", "Revise the training plan and submit it again."),
        }),
      ],
      PlanApproved: (state, _event, host) => [
        ...state.plan!.courses.map((course) =>
          host.task(
            { person: course.trainer as PersonId },
            {
              externalKey: courseTask(state, course.id),
              subject: `培训签到 Attendance: ${course.title} (${course.date})`,
              body: `${state.plan!.title} · ${course.hours} h`,
            },
            `host.task.create:${course.id}`,
          ),
        ),
        host.notify(
          state.plan!.trainees.map((row) => ({ person: row.trainee as PersonId })),
          "info",
          titleOf(state),
          label(
            state.plan!.courses.map((course) => `${course.date} ${course.title}`).join("；"),
            state.plan!.courses.map((course) => `${course.date} ${course.title}`).join("; "),
          ),
        ),
      ],
      AttendanceRecorded: (state, event, host) => [
        host.completeTask(courseTask(state, event.sheet.courseId)),
        ...(state.status === "evaluating"
          ? [
              host.task(ownerOf(state), {
                externalKey: evaluateTask(state),
                subject: `培训效果评估 Evaluate ${state.planId}`,
                body: "收集课程评价并组织学员考核。Collect course ratings and test the trainees.",
                dueAt: state.sessionsEndedAt! + policy.evaluateWithinDays * dayMillis,
              }),
            ]
          : []),
      ],
      EvaluationReminded: (state, _event, host) => [
        host.notify(
          [ownerOf(state)],
          "warning",
          titleOf(state),
          label("培训效果评估已到期，请尽快完成。", "The training evaluation is due."),
        ),
      ],
      Evaluated: (state, event, host) => [
        host.completeTask(evaluateTask(state)),
        host.task(ownerOf(state), {
          externalKey: reportTask(state),
          subject: `培训总结报告 Report ${state.planId}`,
          body: `满意度 ${event.evaluation.reaction.meanRating ?? "—"}，考核通过率 ${percent(event.evaluation.learning.passRate)}`,
        }),
      ],
      Reported: (state, event, host) => {
        const evaluation = state.evaluation!
        return [
          host.completeTask(reportTask(state)),
          host.notify(
            [{ role: policy.approver }, ownerOf(state)],
            "info",
            titleOf(state),
            label(
              `课程满意度 ${evaluation.reaction.meanRating ?? "—"}/5，考核通过率 ${percent(evaluation.learning.passRate)}，完成 ${evaluation.completed}/${evaluation.trainees.length}。${event.summary}`,
              `Rating ${evaluation.reaction.meanRating ?? "—"}/5, pass rate ${percent(evaluation.learning.passRate)}, completed ${evaluation.completed}/${evaluation.trainees.length}. ${event.summary}`,
            ),
          ),
        ]
      },
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
