import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { label } from "../../labels/label.ts"
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
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { formCommandField } from "../../process/form-command-field.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { AnswerSource, type InboundCallStatus } from "../labels/inbound-call-labels.ts"
import { defaultInboundCallPolicy, type InboundCallPolicy } from "../policy/inbound-call-policy.ts"
import type { CallRecord } from "../schema/call-record.ts"
import { inboundCallForm } from "../schema/inbound-call-form.ts"

/** The process name of an inbound call; part of every idempotency key. */
export const inboundCallName = "callcenter.inboundCall"

/**
 * The shape of every command of an inbound call, checked before the decider reads it; exported
 * so callers can validate or generate commands without deciding them.
 */
export const inboundCallCommandSchema = commandUnion(
  /** 用户呼入: the switch hands the call to ① 自动服务 (IVR). */
  commandShape("Arrive", {
    callId: commandIdSchema,
    callerPhone: commandTextSchema(40).optional(),
    /** The customer the switch recognised by the number, when it did. */
    customerKey: commandIdSchema.optional(),
  }),
  /** ◇ ② 人工服务？ no → 完成: the caller was served by self-service alone. */
  commandShape("FinishSelfService", {
    service: commandTextSchema(200),
    menuPath: commandTextSchema(200).optional(),
  }),
  /** ◇ ② 人工服务？ yes: the caller asked for an agent and waits in the queue. */
  commandShape("RequestAgent", { menuPath: commandTextSchema(200).optional() }),
  /** The caller hung up before an agent answered. */
  commandShape("Abandon", {}),
  /** ③ 接人工座席 ④ 问候客户: an agent answered (收到呼入). */
  commandShape("ConnectAgent", { agent: actorSchema }),
  /**
   * ⑤ 询问服务内容 ◇ ⑥ 问题解决？ from the customer database, the agent's knowledge or the
   * archives; a problem not solved goes on as a service request (呼叫中心服务流程).
   */
  commandShape("EndCall", {
    agent: actorSchema,
    solved: z.boolean(),
    sources: z.array(AnswerSource.schema).max(3),
    serviceRequestId: commandIdSchema.optional(),
  }).superRefine((command, context) => {
    if (!command.solved && command.serviceRequestId === undefined)
      context.addIssue({
        code: "custom",
        path: ["serviceRequestId"],
        message: "a problem not solved on the call is handed on as a service request",
      })
  }),
  /** ⑦ 登记呼叫内容: the agent files the 呼入记录表. */
  commandShape("LogCall", { agent: actorSchema, record: formCommandField(inboundCallForm) }),
  /** The timer: the call is still not logged when the policy's minutes have passed. */
  timerCommand("LogOverdue"),
)

/** The commands of an inbound call. */
export type InboundCallCommand = ShapedCommand<typeof inboundCallCommandSchema>

type Step<Type extends InboundCallCommand["type"]> = StepFields<InboundCallCommand, Type>

/** The events of an inbound call. */
export type InboundCallEvent =
  | FlowEvent<"CallArrived", Step<"Arrive"> & { policyVersion: string }>
  | FlowEvent<"ResolvedInSelfService", Step<"FinishSelfService">>
  | FlowEvent<"AgentRequested", Step<"RequestAgent">>
  | FlowEvent<"CallAbandoned">
  | FlowEvent<"AgentConnected", Step<"ConnectAgent">>
  | FlowEvent<"CallEnded", Step<"EndCall"> & { logDueAt: Instant }>
  | FlowEvent<"CallLogged", Step<"LogCall">>
  | FlowEvent<"LogOverdue", { notified: InboundCallPolicy["overdueLogNotifies"] }>

/** Why an inbound call command is refused. */
export type InboundCallRefusal = InvalidTransition | ValidationError

/** The state of one inbound call: the call log entry of every call, whoever answered it. */
export interface InboundCallState extends FlowState {
  readonly status: InboundCallStatus
  readonly sequence: number
  readonly callId: string
  readonly callerPhone: string | undefined
  readonly customerKey: string | undefined
  readonly policyVersion: string
  readonly arrivedAt: Instant | undefined
  /** The self-service that served the caller, when no agent was needed. */
  readonly selfService: string | undefined
  readonly menuPath: string | undefined
  readonly queuedAt: Instant | undefined
  readonly agent: Actor | undefined
  readonly answeredAt: Instant | undefined
  readonly endedAt: Instant | undefined
  readonly solved: boolean | undefined
  readonly sources: ReadonlyArray<AnswerSource>
  readonly serviceRequestId: string | undefined
  readonly logDueAt: Instant | undefined
  readonly logOverdue: boolean
}

const initialState: InboundCallState = {
  status: "none",
  sequence: 0,
  callId: "",
  callerPhone: undefined,
  customerKey: undefined,
  policyVersion: "",
  arrivedAt: undefined,
  selfService: undefined,
  menuPath: undefined,
  queuedAt: undefined,
  agent: undefined,
  answeredAt: undefined,
  endedAt: undefined,
  solved: undefined,
  sources: [],
  serviceRequestId: undefined,
  logDueAt: undefined,
  logOverdue: false,
}

/**
 * 呼入业务管理流程 (004 ch.8 §9): 用户呼入 → ① 自动服务 ◇ ② 人工服务？ no: 完成, the call recorded
 * as resolved in self-service; yes: ③ 接人工座席 ④ 问候客户 ⑤ 询问服务内容 ◇ ⑥ 问题解决？ (a problem
 * not solved goes on as a service request) → ⑦ 登记呼叫内容 on the 呼入记录表, within the policy's
 * minutes or the team lead is told. Every call, however it ends, is one instance: the call log.
 */
export function inboundCallProcess(
  policy: InboundCallPolicy = defaultInboundCallPolicy,
): ProcessDefinition<InboundCallState, InboundCallCommand, InboundCallEvent, InboundCallRefusal> {
  return defineFlow<InboundCallState, InboundCallCommand, InboundCallEvent, never>({
    name: inboundCallName,
    initialState,
    commands: inboundCallCommandSchema,
    idOf: (state) => state.callId,
    finished: ["resolvedInIvr", "logged", "abandoned"],
    steps: {
      // 用户呼入 → ① 自动服务 (自动服务系统)
      Arrive: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the call has already arrived")
        return decision.accept({ ...command, type: "CallArrived", policyVersion: policy.version })
      },
      // ◇ ② 人工服务？ no → 完成 (自动服务系统)
      FinishSelfService: (state, command, decision) => {
        if (state.status !== "selfService")
          return decision.refuse("only a call in self-service finishes there")
        return decision.accept({ ...command, type: "ResolvedInSelfService" })
      },
      // ◇ ② 人工服务？ yes (客户)
      RequestAgent: (state, command, decision) => {
        if (state.status !== "selfService") return decision.refuse("an agent is asked for from self-service")
        return decision.accept({ ...command, type: "AgentRequested" })
      },
      Abandon: (state, command, decision) => {
        if (state.status !== "selfService" && state.status !== "queued")
          return decision.refuse("only a caller not yet with an agent hangs up unanswered")
        return decision.accept({ type: "CallAbandoned", at: command.at })
      },
      // ③ 接人工座席 ④ 问候客户 (接线员: 收到呼入)
      ConnectAgent: (state, command, decision) => {
        if (state.status !== "queued") return decision.refuse("an agent answers a call waiting in the queue")
        return decision.accept({ ...command, type: "AgentConnected" })
      },
      // ⑤ 询问服务内容 ◇ ⑥ 问题解决？ (customer database, own knowledge, archives)
      EndCall: (state, command, decision) => {
        if (state.status !== "withAgent") return decision.refuse("only a call with an agent ends there")
        const logDueAt = command.at + policy.logWithinMinutes * 60_000
        return decision.accept({ ...command, type: "CallEnded", logDueAt })
      },
      // ⑦ 登记呼叫内容 (呼叫中心专员)
      LogCall: (state, command, decision) => {
        if (state.status !== "toLog") return decision.refuse("a call is logged once it has ended")
        return decision.accept({ ...command, type: "CallLogged" })
      },
      LogOverdue: (state, command, decision) =>
        decision.acceptIf(state.status === "toLog" && !state.logOverdue, {
          type: "LogOverdue",
          at: command.at,
          notified: policy.overdueLogNotifies,
        }),
    },
    folds: {
      CallArrived: (state, { type: _, at, ...arrived }) => ({
        ...state,
        ...arrived,
        status: "selfService",
        arrivedAt: at,
      }),
      ResolvedInSelfService: (state, event) => ({
        ...state,
        status: "resolvedInIvr",
        selfService: event.service,
        menuPath: event.menuPath,
        endedAt: event.at,
        solved: true,
      }),
      AgentRequested: (state, event) => ({
        ...state,
        status: "queued",
        queuedAt: event.at,
        menuPath: event.menuPath,
      }),
      CallAbandoned: (state, event) => ({ ...state, status: "abandoned", endedAt: event.at }),
      AgentConnected: (state, event) => ({
        ...state,
        status: "withAgent",
        agent: event.agent,
        answeredAt: event.at,
      }),
      CallEnded: (state, event) => ({
        ...state,
        status: "toLog",
        endedAt: event.at,
        solved: event.solved,
        sources: event.sources,
        serviceRequestId: event.serviceRequestId,
        logDueAt: event.logDueAt,
      }),
      CallLogged: (state) => ({ ...state, status: "logged" }),
      LogOverdue: (state) => ({ ...state, logOverdue: true }),
    },
    deadlines: (state) =>
      timers(
        state.status === "toLog" && timer("log", state.logDueAt, { type: "LogOverdue" }, state.logOverdue),
      ),
    effects: {
      // The self-service call goes on the customer's timeline like any other contact.
      ResolvedInSelfService: (state, event, host) =>
        state.customerKey === undefined
          ? []
          : [
              host.activity({
                externalKey: `${state.callId}/self-service`,
                kind: "call",
                subject: `自动服务 Self-service: ${event.service}`,
                body: event.menuPath ?? event.service,
                occurredAt: event.at,
                customerKey: state.customerKey,
              }),
            ],
      CallEnded: (state, event, host) => [
        host.task(
          { person: event.agent.personId },
          {
            externalKey: logTaskKey(state),
            subject: `登记呼叫内容 Log call ${state.callId}`,
            body: event.solved
              ? "Solved on the call; file the inbound call record."
              : `Handed on as service request ${event.serviceRequestId}; file the inbound call record.`,
            dueAt: event.logDueAt,
          },
        ),
      ],
      CallLogged: (state, event, host) => [
        host.activity({
          externalKey: `${state.callId}/log`,
          kind: "call",
          subject: `呼入记录 Inbound call: ${event.record.callerName}`,
          body: [event.record.content, event.record.remarks].filter(Boolean).join("\n"),
          occurredAt: event.record.startedAt,
          ...(state.customerKey === undefined ? {} : { customerKey: state.customerKey }),
        }),
        host.completeTask(logTaskKey(state)),
      ],
      LogOverdue: (state, event, host) => [
        host.notify(
          [{ role: event.notified }],
          "warning",
          label("呼叫内容未按时登记", "Call not logged in time"),
          label(
            `呼叫 ${state.callId} 结束后尚未登记呼入记录表`,
            `Call ${state.callId} ended and its inbound call record is not filed`,
          ),
        ),
      ],
    },
  })
}

const logTaskKey = (state: InboundCallState) => `${state.callId}/log`

/**
 * The switch record (`CallRecord`) of an inbound call that asked for an agent, for the KPIs
 * (`callKpis`): queued, answered or abandoned, solved on first contact or not. A call served by
 * self-service alone gives none: it never reached the agents' queue, so it counts toward
 * self-service, not toward their service level.
 */
export function inboundCallRecordOf(state: InboundCallState): CallRecord | undefined {
  if (state.queuedAt === undefined || state.endedAt === undefined) return undefined
  return {
    id: state.callId,
    direction: "inbound",
    offeredAt: state.queuedAt,
    endedAt: state.endedAt,
    ...(state.customerKey === undefined ? {} : { customerId: state.customerKey }),
    ...(state.callerPhone === undefined ? {} : { phoneNumber: state.callerPhone }),
    ...(state.answeredAt === undefined ? {} : { answeredAt: state.answeredAt }),
    ...(state.agent === undefined ? {} : { agentId: state.agent.personId }),
    ...(state.solved === undefined ? {} : { resolvedOnFirstContact: state.solved }),
  }
}
