import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import { approvalStepsOf } from "../../process/approval-steps.ts"
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
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { gateDecisionStep } from "../../process/gate-decision-step.ts"
import type { GateDecisionEvents } from "../../process/gate-events.ts"
import { timer, timers } from "../../process/timers.ts"
import { actorSchema } from "../../roles/actor.ts"
import { civilParts, dayNumberOfParts, fromDayNumber } from "../../time/civil-date.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { DisposalMethod, RecordKind, type RecordStatus } from "../labels/quality-system-labels.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import { recordForm } from "../schema/record-form.ts"

/** The process name of a quality record; part of every idempotency key. */
export const qualityRecordName = "quality.record"

/** The disposal applied for at the end of the retention. */
export interface RecordDisposal {
  readonly method: DisposalMethod
  readonly reason: string
  readonly proposedBy: PersonId
  readonly approvedBy: PersonId | undefined
}

/** The state of one quality record, from filing to disposal. */
export interface QualityRecordState extends FlowState, GatedState {
  readonly status: RecordStatus
  readonly sequence: number
  readonly recordId: string
  readonly title: string
  readonly kind: RecordKind
  readonly source: string | undefined
  readonly departmentId: DepartmentId | undefined
  readonly keeper: PersonId | undefined
  readonly location: string
  readonly filedAt: Instant
  readonly retentionYears: number
  readonly retentionEndsAt: Instant
  /** How often the retention was extended: each end has its own timer. */
  readonly extensions: number
  readonly disposal: RecordDisposal | undefined
  readonly disposedAt: Instant | undefined
  readonly witness: PersonId | undefined
}

const years = z.number().int().min(1).max(100)
const note = commandTextSchema(2000)

/** The shape of every command of a quality record, checked before the decider reads it. */
export const qualityRecordCommandSchema = commandUnion(
  /** ① 登记归档: the record filed with its keeper, place and retention (the policy's for its kind when none is given). */
  commandShape("Register", {
    recordId: commandIdSchema,
    title: commandTextSchema(200),
    kind: RecordKind.schema,
    source: commandTextSchema(200).optional(),
    departmentId: departmentIdSchema,
    keeper: actorSchema,
    location: commandTextSchema(500),
    retentionYears: years.optional(),
  }),
  /** ◇ 仍需保存？ the retention extended by some years (a dispute, an audit pending). */
  commandShape("ExtendRetention", { by: actorSchema, years, reason: note }),
  /** The timer of the retention's end. */
  timerCommand("EndRetention"),
  /** ③ 销毁申请 by the keeper: how and why. */
  commandShape("ProposeDisposal", { by: actorSchema, method: DisposalMethod.schema, reason: note }),
  /** ④ ✓ the approvers' decision on the disposal. */
  decideApprovalSchema,
  /** ⑤ 销毁: carried out before a witness who is not the keeper (监销). */
  commandShape("ConfirmDisposal", { by: actorSchema, witness: actorSchema }),
  cancelCommandSchema,
)

/** The commands of a quality record. */
export type QualityRecordCommand = ShapedCommand<typeof qualityRecordCommandSchema>

type Step<Type extends QualityRecordCommand["type"]> = StepFields<QualityRecordCommand, Type>

/** The events of a quality record. */
export type QualityRecordEvent =
  | FlowEvent<"Registered", Step<"Register"> & { retentionYears: number; retentionEndsAt: Instant }>
  | FlowEvent<"RetentionExtended", Step<"ExtendRetention"> & { retentionEndsAt: Instant; wasDue: boolean }>
  | FlowEvent<"RetentionEnded">
  // `approvalKey`: the approval the disposal waits on, none when the policy names no approvers.
  | FlowEvent<"DisposalProposed", Step<"ProposeDisposal"> & { approvalKey: string | undefined }>
  | GateDecisionEvents<"DisposalApproved", "DisposalReturned">
  | FlowEvent<"Disposed", Step<"ConfirmDisposal">>
  | CancelledEvent

/** Why a command of a quality record is refused. */
export type QualityRecordRefusal = InvalidTransition | ValidationError

const initialState: QualityRecordState = {
  status: "none",
  sequence: 0,
  recordId: "",
  title: "",
  kind: "inspection",
  source: undefined,
  departmentId: undefined,
  keeper: undefined,
  location: "",
  filedAt: 0,
  retentionYears: 0,
  retentionEndsAt: 0,
  extensions: 0,
  disposal: undefined,
  disposedAt: undefined,
  witness: undefined,
  approval: undefined,
  decidedApprovals: [],
}

/** The instant `count` calendar years after `at` (29 February to 1 March), as retention periods are stated. */
export function addCalendarYears(at: Instant, count: number): Instant {
  const days = Math.floor(at / dayMillis)
  const { year, month, day } = civilParts(fromDayNumber(days))
  // Counting from the 1st lets a 29 February with no 29th in the target year run on to 1 March.
  return (dayNumberOfParts(year + count, month, 1) + day - 1) * dayMillis + (at - days * dayMillis)
}

/**
 * A quality record kept for its retention period and disposed of at its end (002 10.4
 * 客户服务质量记录管理; 000 10.4.5; the 过期销毁 steps of 004's 客户档案管理流程): filed with its
 * keeper and place, kept until the period ends (a timer), extended when still needed, and
 * disposed of after approval ✓ where the policy asks for one, before a witness.
 */
export function qualityRecordProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<QualityRecordState, QualityRecordCommand, QualityRecordEvent, QualityRecordRefusal> {
  const { retentionYears, disposalApprovers } = policy.system
  const nameOf = (state: QualityRecordState) => `${state.recordId} ${state.title}`
  const disposeTask = (state: QualityRecordState, extensions = state.extensions) =>
    `${state.recordId}/dispose/${extensions}`
  const keeperOf = (state: QualityRecordState): Assignee =>
    state.keeper ? { person: state.keeper } : { role: "officer" }

  return defineFlow<QualityRecordState, QualityRecordCommand, QualityRecordEvent, never>({
    name: qualityRecordName,
    initialState,
    commands: qualityRecordCommandSchema,
    idOf: (state) => state.recordId,
    finished: ["disposed", "cancelled"],
    steps: {
      // ① 登记归档 (服务质量专员): the retention from the registration or the policy for the kind
      Register: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the record is already registered")
        const years = command.retentionYears ?? retentionYears[command.kind]
        return decision.accept({
          ...command,
          type: "Registered",
          retentionYears: years,
          retentionEndsAt: addCalendarYears(command.at, years),
        })
      },
      // ② 保存 ◇ 仍需保存？ yes: the retention extended (保管部门)
      ExtendRetention: (state, command, decision) => {
        if (state.status !== "kept" && state.status !== "dueForDisposal")
          return decision.refuse(
            "only a record that is kept, or due for disposal, has its retention extended",
          )
        const retentionEndsAt = addCalendarYears(state.retentionEndsAt, command.years)
        const wasDue = state.status === "dueForDisposal"
        return decision.accept({ ...command, type: "RetentionExtended", retentionEndsAt, wasDue })
      },
      // ⏰ 保存期满
      EndRetention: (state, command, decision) =>
        decision.acceptIf(state.status === "kept" && command.at >= state.retentionEndsAt, {
          type: "RetentionEnded",
          at: command.at,
        }),
      // ③ 销毁申请 (保管人) ◇ 需审批？ by the policy's approvers
      ProposeDisposal: (state, command, decision) => {
        if (state.status !== "dueForDisposal")
          return decision.refuse("disposal is proposed once the retention has ended")
        const approvalKey = disposalApprovers.length > 0 ? decision.keyAt(0, "approval.submit") : undefined
        return decision.accept({ ...command, type: "DisposalProposed", approvalKey })
      },
      // ④ 审核 → 审批 ✓ (经理, 总经理): approved — to ⑤; returned — the record stays due
      DecideApproval: gateDecisionStep((state) => state.status === "disposalRequested", {
        approved: "DisposalApproved",
        returned: "DisposalReturned",
      }),
      // ⑤ 销毁 (保管人) before a witness (监销人) who is not the keeper
      ConfirmDisposal: (state, command, decision) => {
        if (state.status !== "disposalApproved")
          return decision.refuse("only an approved disposal is carried out")
        if (command.witness.personId === command.by.personId)
          return decision.refuse("the disposal is witnessed by someone other than who carries it out")
        return decision.accept({ ...command, type: "Disposed" })
      },
      // 撤销登记: a record registered by mistake, while it is simply kept
      Cancel: cancelStep(
        (state) =>
          state.status === "kept"
            ? undefined
            : "only a record that is simply kept can have its registration cancelled",
        () => false,
      ),
    },
    folds: {
      Registered: (state, { type: _, at, keeper, retentionYears, ...registration }) => ({
        ...state,
        ...registration,
        status: "kept",
        keeper: keeper.personId,
        filedAt: at,
        retentionYears,
      }),
      RetentionExtended: (state, { years, retentionEndsAt }) => ({
        ...state,
        status: "kept",
        retentionYears: state.retentionYears + years,
        retentionEndsAt,
        extensions: state.extensions + 1,
      }),
      RetentionEnded: (state) => ({ ...state, status: "dueForDisposal" }),
      DisposalProposed: (state, { by, method, reason, approvalKey }) => ({
        ...state,
        status: approvalKey === undefined ? "disposalApproved" : "disposalRequested",
        approval: approvalKey === undefined ? undefined : { key: approvalKey },
        disposal: { method, reason, proposedBy: by.personId, approvedBy: undefined },
      }),
      DisposalApproved: (state, { decidedBy }) => ({
        ...gatePassed(state),
        status: "disposalApproved",
        disposal: { ...state.disposal!, approvedBy: decidedBy },
      }),
      DisposalReturned: (state) => ({
        ...gateReturned(state),
        status: "dueForDisposal",
        disposal: undefined,
      }),
      Disposed: (state, { at, witness }) => ({
        ...state,
        status: "disposed",
        disposedAt: at,
        witness: witness.personId,
      }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      timers(
        state.status === "kept" &&
          timer(`retention-end/${state.extensions}`, state.retentionEndsAt, { type: "EndRetention" }),
      ),
    effects: {
      RetentionEnded: (state, _event, host) => [
        host.task(keeperOf(state), {
          externalKey: disposeTask(state),
          subject: `质量记录保存期满 Retention ended: ${nameOf(state)}`,
          body: `请提出销毁申请或延长保存期限。存放位置：${state.location}. Propose its disposal or extend its retention.`,
        }),
      ],
      RetentionExtended: (state, event, host) =>
        event.wasDue ? [host.completeTask(disposeTask(state, state.extensions - 1))] : [],
      DisposalProposed: (state, event, host) => {
        if (event.approvalKey === undefined) return []
        return [
          host.submitApproval(event.approvalKey, {
            requestType: "quality.record.disposal",
            businessKey: state.recordId,
            title: label(`质量记录销毁审批：${nameOf(state)}`, `Quality record disposal: ${nameOf(state)}`),
            originator: { person: event.by.personId },
            formId: recordForm.id,
            values: {
              recordNumber: state.recordId,
              title: state.title,
              kind: state.kind,
              ...(state.source === undefined ? {} : { source: state.source }),
              department: state.departmentId,
              keeper: state.keeper,
              location: state.location,
              retentionYears: state.retentionYears,
              disposalMethod: event.method,
              disposalReason: event.reason,
            },
            steps: approvalStepsOf(disposalApprovers),
          }),
        ]
      },
      DisposalReturned: (state, event, host) => [
        host.notify(
          [keeperOf(state)],
          "warning",
          label(`质量记录销毁未获批准：${nameOf(state)}`, `Record disposal not approved: ${nameOf(state)}`),
          label(
            event.comment ?? "请继续保存或延长保存期限",
            event.comment ?? "keep it, or extend its retention",
          ),
        ),
      ],
      Disposed: (state, _event, host) => [host.completeTask(disposeTask(state))],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
