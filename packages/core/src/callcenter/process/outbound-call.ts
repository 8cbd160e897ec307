import { z } from "zod"
import type { BusinessCalendar } from "../../calendar/business-calendar.ts"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
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
import { formCommandField } from "../../process/form-command-field.ts"
import { ladderTimer } from "../../process/ladder-timer.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import {
  CallAttemptOutcome,
  type OutboundCallStatus,
  OutboundPurpose,
  type RetriedOutcome,
} from "../labels/outbound-call-labels.ts"
import { defaultOutboundCallPolicy, type OutboundCallPolicy } from "../policy/outbound-call-policy.ts"
import { outboundInterestFields } from "../schema/host-fields.ts"
import { outboundCallForm } from "../schema/outbound-call-form.ts"

/** The process name of an outbound call; part of every idempotency key. */
export const outboundCallName = "callcenter.outboundCall"

/** The customer on the call list, as ① 输入客户信息 loads it (客户服务部 supplies it: 客户信息支持). */
const customerSchema = z.strictObject({
  /** The customer's id on the host, for its timeline; absent for a prospect not yet on the host. */
  customerKey: commandIdSchema.optional(),
  name: commandTextSchema(200),
  organisation: commandTextSchema(200).optional(),
  position: commandTextSchema(100).optional(),
  phone: commandTextSchema(40),
})

/** The customer an outbound call is for. */
export type OutboundCustomer = ShapedCommand<typeof customerSchema>

/**
 * The shape of every command of an outbound call, checked before the decider reads it; exported
 * so callers can validate or generate commands without deciding them.
 */
export const outboundCallCommandSchema = commandUnion(
  /** ① 输入客户信息: one customer of a campaign's call list, given to an agent. */
  commandShape("LoadContact", {
    contactId: commandIdSchema,
    campaignId: commandIdSchema,
    purpose: OutboundPurpose.schema,
    customer: customerSchema,
    agent: actorSchema,
    script: commandTextSchema(2000).optional(),
  }),
  /** ② 打出电话: one dialling attempt and how it ended (◇ 接通？). */
  commandShape("LogAttempt", {
    agent: actorSchema,
    outcome: CallAttemptOutcome.schema,
    callId: commandIdSchema.optional(),
  }),
  /** The retry timer: the customer is due to be called again. */
  timerCommand("RetryDue"),
  /**
   * ③ 回答客户反对意见 ◇ ④ 有兴趣？ ◇ ⑤ 成功？ with the 呼出记录表: what the customer objected to, the
   * technical support given, and why the call ended without success (记录原因).
   */
  commandShape("RecordCall", {
    agent: actorSchema,
    record: formCommandField(outboundCallForm),
    objections: commandTextSchema(2000).optional(),
    technicalSupport: commandTextSchema(2000).optional(),
    interested: z.boolean(),
    achieved: z.boolean(),
    reason: commandTextSchema(2000).optional(),
  }).superRefine((command, context) => {
    if (command.achieved && !command.interested)
      context.addIssue({
        code: "custom",
        path: ["achieved"],
        message: "a customer not interested is no success",
      })
    if (!command.achieved && command.reason === undefined)
      context.addIssue({ code: "custom", path: ["reason"], message: "record why the call did not succeed" })
  }),
  /** The follow-up timer: a reminder before it is due, the escalation rungs after. */
  timerCommand("CheckFollowUp"),
  /** 客户跟踪: the agent followed the customer up. */
  commandShape("RecordFollowUp", { agent: actorSchema, result: commandTextSchema(2000) }),
  /** The customer asked not to be called, or the campaign was withdrawn. */
  cancelCommandSchema,
)

/** The commands of an outbound call. */
export type OutboundCallCommand = ShapedCommand<typeof outboundCallCommandSchema>

type Step<Type extends OutboundCallCommand["type"]> = StepFields<OutboundCallCommand, Type>

/** The events of an outbound call. */
export type OutboundCallEvent =
  | FlowEvent<"ContactLoaded", Step<"LoadContact"> & { policyVersion: string; maxAttempts: number }>
  | FlowEvent<"Reached", { agent: Actor; attempt: number; callId: string | undefined }>
  | FlowEvent<
      "AttemptFailed",
      {
        agent: Actor
        attempt: number
        outcome: Exclude<CallAttemptOutcome, "connected">
        callId: string | undefined
        /** When to call again; absent when the attempts are spent or the number is wrong. */
        retryAt: Instant | undefined
      }
    >
  | FlowEvent<"RetryDue">
  | FlowEvent<"CallRecorded", Step<"RecordCall"> & { followUp: ScheduledLadder | undefined }>
  | FlowEvent<"FollowUpReminded">
  | FlowEvent<"FollowUpEscalated", { rung: ScheduledRung }>
  | FlowEvent<"FollowedUp", Step<"RecordFollowUp">>
  | CancelledEvent

/** Why an outbound call command is refused. */
export type OutboundCallRefusal = InvalidTransition | ValidationError

/** The state of one customer on an outbound call list. */
export interface OutboundCallState extends FlowState {
  readonly status: OutboundCallStatus
  readonly sequence: number
  readonly contactId: string
  readonly campaignId: string
  readonly purpose: OutboundPurpose | undefined
  readonly customer: OutboundCustomer | undefined
  readonly agent: Actor | undefined
  readonly policyVersion: string
  readonly maxAttempts: number
  readonly attempts: number
  readonly lastOutcome: CallAttemptOutcome | undefined
  readonly retryAt: Instant | undefined
  readonly interested: boolean | undefined
  readonly achieved: boolean | undefined
  /** 记录原因: why the call ended without success, or why the customer could not be reached. */
  readonly reason: string | undefined
  readonly followUp: ScheduledLadder | undefined
  readonly followUpReminded: boolean
  readonly followUpLevel: number
  // No approval (✓) in this chart; the fields let `cancelStep` see that none is waited on.
  readonly approval: undefined
  readonly decidedApprovals: readonly []
}

const initialState: OutboundCallState = {
  status: "none",
  sequence: 0,
  contactId: "",
  campaignId: "",
  purpose: undefined,
  customer: undefined,
  agent: undefined,
  policyVersion: "",
  maxAttempts: 0,
  attempts: 0,
  lastOutcome: undefined,
  retryAt: undefined,
  interested: undefined,
  achieved: undefined,
  reason: undefined,
  followUp: undefined,
  followUpReminded: false,
  followUpLevel: 0,
  approval: undefined,
  decidedApprovals: [],
}

/** What the outbound call runs with: its policy and the calendar its working minutes count in. */
export interface OutboundCallOptions {
  readonly policy?: OutboundCallPolicy
  /** The centre's calling hours (e.g. `chinaMainlandCalendar()`): retries and follow-ups fall in them. */
  readonly calendar: BusinessCalendar
}

/**
 * 呼出业务管理流程 (004 ch.8 §10): one customer of a campaign's call list, from ① loading the
 * customer through ② the call, tried again under the retry policy until reached (◇ 接通？), ③ the
 * objections answered, ◇ ④ interested and ◇ ⑤ successful, to 客户跟踪 (follow-up, reminded and
 * escalated in working time) or 记录原因. Retry and follow-up instants are computed once, in
 * `decide`, and kept in the events, so replay never depends on today's policy or calendar.
 */
export function outboundCallProcess(
  options: OutboundCallOptions,
): ProcessDefinition<OutboundCallState, OutboundCallCommand, OutboundCallEvent, OutboundCallRefusal> {
  const policy = options.policy ?? defaultOutboundCallPolicy
  const { calendar } = options
  const ended = (state: OutboundCallState) =>
    state.status === "done" ||
    state.status === "closed" ||
    state.status === "unreachable" ||
    state.status === "cancelled"
  const followUpTimer = ladderTimer<OutboundCallState, OutboundCallCommand>({
    key: "follow-up",
    command: { type: "CheckFollowUp" },
    climbing: (state) =>
      state.status === "followingUp"
        ? {
            ladder: state.followUp!,
            progress: { reminded: state.followUpReminded, level: state.followUpLevel },
          }
        : undefined,
    events: { reminded: "FollowUpReminded", escalated: "FollowUpEscalated" },
  })

  return defineFlow<OutboundCallState, OutboundCallCommand, OutboundCallEvent, never>({
    name: outboundCallName,
    initialState,
    commands: outboundCallCommandSchema,
    idOf: (state) => state.contactId,
    finished: ["done", "closed", "unreachable", "cancelled"],
    steps: {
      // ① 输入客户信息 (呼叫中心专员, with 客户服务部's 客户信息支持)
      LoadContact: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the customer is already on the call list")
        return decision.accept({
          ...command,
          type: "ContactLoaded",
          policyVersion: policy.version,
          maxAttempts: policy.maxAttempts,
        })
      },
      // ② 打出电话 (呼叫中心专员) ◇ 接通？ no: retry under the policy, or 记录原因 when spent
      LogAttempt: (state, command, decision) => {
        if (state.status !== "toCall") return decision.refuse("the customer is not due to be called")
        const attempt = state.attempts + 1
        const { agent, callId, outcome } = command
        if (outcome === "connected")
          return decision.accept({ type: "Reached", at: command.at, agent, attempt, callId })
        const retryAt =
          outcome === "wrongNumber" || attempt >= state.maxAttempts
            ? undefined
            : calendar.addWorkingMinutes(command.at, policy.retryAfterWorkingMinutes[outcome])
        return decision.accept({
          type: "AttemptFailed",
          at: command.at,
          agent,
          attempt,
          outcome,
          callId,
          retryAt,
        })
      },
      RetryDue: (state, command, decision) =>
        decision.acceptIf(state.status === "waitingRetry", { type: "RetryDue", at: command.at }),
      // ③ 回答客户反对意见 (技术支持: 客户服务部) ◇ ④ 有兴趣？ ◇ ⑤ 成功销售？ yes: 客户跟踪 — no: 记录原因
      RecordCall: (state, command, decision) => {
        if (state.status !== "reached")
          return decision.refuse("a call is recorded once the customer was reached")
        const within = command.achieved ? policy.followUpWithinWorkingMinutes[state.purpose!] : undefined
        const followUp =
          within === undefined
            ? undefined
            : scheduleLadder(calendar, command.at, within, {
                remindBeforeWorkingMinutes: policy.followUpRemindBeforeWorkingMinutes,
                rungs: policy.followUpEscalation,
              })
        return decision.accept({ ...command, type: "CallRecorded", followUp })
      },
      // 客户跟踪: a reminder to the agent before it is due, the team lead and manager after
      CheckFollowUp: followUpTimer.step,
      // 客户跟踪 (呼叫中心专员) → 结束
      RecordFollowUp: (state, command, decision) => {
        if (state.status !== "followingUp") return decision.refuse("only a successful call is followed up")
        return decision.accept({ ...command, type: "FollowedUp" })
      },
      Cancel: cancelStep(
        (state) =>
          state.status === "none" || ended(state)
            ? "only a customer still on the call list can be taken off it"
            : undefined,
        () => false,
      ),
    },
    folds: {
      ContactLoaded: (state, { type: _, at: __, script: ___, agent, ...loaded }) => ({
        ...state,
        ...loaded,
        agent,
        status: "toCall",
      }),
      Reached: (state, event) => ({
        ...state,
        status: "reached",
        attempts: event.attempt,
        lastOutcome: "connected",
        retryAt: undefined,
      }),
      AttemptFailed: (state, event) => ({
        ...state,
        status: event.retryAt === undefined ? "unreachable" : "waitingRetry",
        attempts: event.attempt,
        lastOutcome: event.outcome,
        retryAt: event.retryAt,
        reason: event.retryAt === undefined ? unreachableReason(event.outcome, event.attempt) : undefined,
      }),
      RetryDue: (state) => ({ ...state, status: "toCall", retryAt: undefined }),
      CallRecorded: (state, event) => ({
        ...state,
        status: event.followUp !== undefined ? "followingUp" : event.achieved ? "done" : "closed",
        interested: event.interested,
        achieved: event.achieved,
        reason: event.reason,
        followUp: event.followUp,
      }),
      FollowUpReminded: (state) => ({ ...state, followUpReminded: true }),
      FollowUpEscalated: (state, event) => ({ ...state, followUpLevel: event.rung.level }),
      FollowedUp: (state) => ({ ...state, status: "done" }),
      Cancelled: (state, event) => ({ ...state, status: "cancelled", reason: event.reason }),
    },
    deadlines: (state) =>
      timers(
        state.status === "waitingRetry" && timer("retry", state.retryAt, { type: "RetryDue" }),
        ...followUpTimer.deadlines(state),
      ),
    effects: {
      ContactLoaded: (state, _event, host) => [
        host.task(agentOf(state), {
          externalKey: callTaskKey(state),
          subject: `呼出 Call ${customerOf(state)}`,
          body: `${OutboundPurpose.label(state.purpose!, "en")}: ${state.customer!.phone} (campaign ${state.campaignId}).`,
        }),
      ],
      AttemptFailed: (state, event, host) => [
        host.activity({
          externalKey: `${state.contactId}/attempt/${event.attempt}`,
          kind: "call",
          subject: `呼出未接通 Call not connected: ${CallAttemptOutcome.label(event.outcome, "en")}`,
          body: `Attempt ${event.attempt} of ${state.maxAttempts} to ${state.customer!.phone}.`,
          occurredAt: event.at,
          ...customerKeyOf(state),
        }),
        ...(event.retryAt === undefined ? [host.completeTask(callTaskKey(state))] : []),
      ],
      RetryDue: (state, _event, host) => [
        host.notify(
          [agentOf(state)],
          "info",
          label("请再次呼出", "Call the customer again"),
          label(
            `${customerOf(state)}：第 ${state.attempts + 1} 次呼出`,
            `${customerOf(state)}: attempt ${state.attempts + 1}`,
          ),
        ),
      ],
      CallRecorded: (state, event, host) => [
        host.activity({
          externalKey: `${state.contactId}/call`,
          kind: "call",
          subject: `呼出记录 Outbound call: ${customerOf(state)}`,
          body: [
            event.record.content,
            event.objections && `Objections: ${event.objections}`,
            event.record.handlingOpinion && `Handling: ${event.record.handlingOpinion}`,
            event.reason && `Reason: ${event.reason}`,
          ]
            .filter(Boolean)
            .join("\n"),
          occurredAt: event.record.startedAt,
          ...customerKeyOf(state),
        }),
        host.completeTask(callTaskKey(state)),
        // ④ 有兴趣 → 输入客户资料: the interest goes on the customer's record.
        ...(event.interested && state.customer?.customerKey !== undefined
          ? [
              host.updateCustomer(
                state.customer.customerKey,
                outboundInterestFields(state.purpose!, state.campaignId),
              ),
            ]
          : []),
        ...(event.followUp === undefined
          ? []
          : [
              host.task(agentOf(state), {
                externalKey: followUpTaskKey(state),
                subject: `客户跟踪 Follow up ${customerOf(state)}`,
                body: event.record.handlingOpinion ?? event.record.content,
                dueAt: event.followUp.dueAt,
              }),
            ]),
      ],
      FollowUpReminded: (state, _event, host) => [
        host.notify(
          [agentOf(state)],
          "info",
          label("客户跟踪即将到期", "Follow-up due soon"),
          label(`${customerOf(state)} 需要跟踪`, `${customerOf(state)} is to be followed up`),
        ),
      ],
      FollowUpEscalated: (state, event, host) => [
        host.notify(
          [{ role: event.rung.role }],
          "warning",
          label("客户跟踪逾期", "Follow-up overdue"),
          label(
            `${customerOf(state)} 的客户跟踪已逾期（第 ${event.rung.level} 级）`,
            `${customerOf(state)}'s follow-up is overdue (level ${event.rung.level})`,
          ),
        ),
      ],
      FollowedUp: (state, event, host) => [
        host.activity({
          externalKey: `${state.contactId}/follow-up`,
          kind: "note",
          subject: `客户跟踪 Follow-up: ${customerOf(state)}`,
          body: event.result,
          occurredAt: event.at,
          ...customerKeyOf(state),
        }),
        host.completeTask(followUpTaskKey(state)),
      ],
      Cancelled: (state, event, host) => [
        ...cancellationEffects(event, host),
        host.completeTask(state.followUp === undefined ? callTaskKey(state) : followUpTaskKey(state)),
      ],
    },
  })
}

const unreachableReason = (outcome: RetriedOutcome | "wrongNumber", attempt: number) =>
  outcome === "wrongNumber" ? "wrong number" : `not reached in ${attempt} attempts (last: ${outcome})`
const customerOf = (state: OutboundCallState) => state.customer?.name ?? state.contactId
const customerKeyOf = (state: OutboundCallState) =>
  state.customer?.customerKey === undefined ? {} : { customerKey: state.customer.customerKey }
const agentOf = (state: OutboundCallState) => ({ person: state.agent!.personId })
const callTaskKey = (state: OutboundCallState) => `${state.contactId}/call`
const followUpTaskKey = (state: OutboundCallState) => `${state.contactId}/follow-up`
