import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/index.ts"
import { label } from "../../labels/label.ts"
import type { ActivityDraft } from "../../ports/host-crm.ts"
import {
  commandShape,
  commandUnion,
  type FlowEvent,
  type ShapedCommand,
  type StepFields,
  timerCommand,
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandInstantSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { timer, timers } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { hourMillis, type Instant } from "../../time/instant.ts"
import type { ServiceRequestStatus } from "../labels/call-labels.ts"
import { type CallCentrePolicy, defaultCallCentrePolicy } from "../policy/call-centre-policy.ts"

/** The state of one call that the centre handles (呼叫中心服务流程). */
export interface ServiceRequestState extends FlowState {
  readonly status: ServiceRequestStatus
  readonly id: string
  readonly callId: string
  readonly customerKey: string | undefined
  readonly agentId: PersonId | undefined
  readonly need: string
  readonly receivedAt: Instant
  readonly policyVersion: string
  readonly departmentId: DepartmentId | undefined
  /** 明确答复时间: when the customer was promised an answer. */
  readonly promisedAnswerBy: Instant | undefined
  readonly overdue: boolean
  readonly solution: string | undefined
  readonly resolvedBy: "agent" | "department" | undefined
  readonly customerSatisfied: boolean | undefined
  readonly closedAt: Instant | undefined
}

const id = commandIdSchema
const person = personIdSchema
const words = commandTextSchema(5000)

/**
 * The shape of every command of a service request, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const serviceRequestCommandSchema = commandUnion(
  /** The agent takes the call and records the need; `customerKey` names the customer on the host timeline. */
  commandShape("Receive", { id, callId: id, agentId: person, customerKey: id.optional(), need: words }),
  /** The agent can handle it: the solution given on the call. */
  commandShape("ResolveOnCall", { solution: words }),
  /** The agent cannot: handed to a department; `promisedAnswerBy` defaults to the policy's hours. */
  commandShape("Transfer", {
    departmentId: departmentIdSchema,
    reason: words,
    promisedAnswerBy: commandInstantSchema.optional(),
  }),
  commandShape("RecordDepartmentAnswer", { answer: words, by: person }),
  /** The promised answer time passed (the flow's own timer). */
  timerCommand("MarkAnswerOverdue"),
  commandShape("GiveFeedback", { customerSatisfied: z.boolean(), note: words.optional() }),
  commandShape("Close", { note: words }),
)

/** The commands of the service flow. */
export type ServiceRequestCommand = ShapedCommand<typeof serviceRequestCommandSchema>

type Step<Type extends ServiceRequestCommand["type"]> = StepFields<ServiceRequestCommand, Type>

/** The events of the service flow. */
export type ServiceRequestEvent =
  | FlowEvent<"Received", Step<"Receive"> & { policyVersion: string }>
  | FlowEvent<"ResolvedOnCall", Step<"ResolveOnCall">>
  | FlowEvent<"Transferred", Step<"Transfer"> & { promisedAnswerBy: Instant }>
  | FlowEvent<"DepartmentAnswered", Step<"RecordDepartmentAnswer">>
  | FlowEvent<"AnswerOverdue">
  | FlowEvent<"FeedbackGiven", Step<"GiveFeedback">>
  | FlowEvent<"Closed", Step<"Close">>

/** Why a service-flow command was refused. */
export type ServiceRequestRefusal = InvalidTransition | ValidationError

const initialState: ServiceRequestState = {
  status: "none",
  id: "",
  callId: "",
  customerKey: undefined,
  agentId: undefined,
  need: "",
  receivedAt: 0,
  policyVersion: "",
  departmentId: undefined,
  promisedAnswerBy: undefined,
  overdue: false,
  solution: undefined,
  resolvedBy: undefined,
  customerSatisfied: undefined,
  closedAt: undefined,
}

/**
 * The call-centre service flow (004 ch.8 §11 呼叫中心服务流程) as a decider: the agent receives the
 * call and records the need ◇ can the agent handle it? yes: propose the solution, feed back and
 * record; no: transfer to the related department with a promised answer time (004 ch.8 职责 6–7:
 * 疑难电话 recorded with 明确答复时间, handed up) → the department's answer → feed back to the
 * customer → follow up → close. A promise that passes unanswered raises an overdue alert to the
 * call-centre supervisor and the department.
 */
export function serviceRequestProcess(
  policy: CallCentrePolicy = defaultCallCentrePolicy,
): ProcessDefinition<ServiceRequestState, ServiceRequestCommand, ServiceRequestEvent, ServiceRequestRefusal> {
  return defineFlow({
    name: "callcenter.serviceRequest",
    initialState,
    commands: serviceRequestCommandSchema,
    idOf: (state) => state.id || "(new)",
    finished: ["closed"],
    steps: {
      // ① 接听来电，记录客户需求 (agent) ◇ 能否处理？
      Receive: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the call was already received")
        return decision.accept({ ...command, type: "Received", policyVersion: policy.version })
      },
      // ◇ yes: ② 提出解决方案，反馈客户并记录 → 结束 (agent)
      ResolveOnCall: (state, command, decision) => {
        if (state.status !== "received")
          return decision.refuse("only a call still with the agent can be resolved on the call")
        return decision.accept(
          { ...command, type: "ResolvedOnCall" },
          { type: "Closed", at: command.at, note: command.solution },
        )
      },
      // ◇ no: ③ 转相关部门，明确答复时间 (agent → department supervisor)
      Transfer: (state, command, decision) => {
        if (state.status !== "received")
          return decision.refuse("only a call still with the agent can be transferred")
        const promisedAnswerBy =
          command.promisedAnswerBy ?? command.at + policy.promisedAnswerHours * hourMillis
        if (promisedAnswerBy <= command.at)
          return decision.refuse("the promised answer time must be in the future")
        return decision.accept({ ...command, type: "Transferred", promisedAnswerBy })
      },
      // ④ 相关部门答复 (department)
      RecordDepartmentAnswer: (state, command, decision) => {
        if (state.status !== "transferred") return decision.refuse("no department is working on this call")
        return decision.accept({ ...command, type: "DepartmentAnswered" })
      },
      // 明确答复时间已过 → warn the supervisor and the department; early, late or twice: nothing
      MarkAnswerOverdue: (state, { at }, decision) =>
        decision.acceptIf(state.status === "transferred" && !state.overdue && at >= state.promisedAnswerBy!, {
          type: "AnswerOverdue",
          at,
        }),
      // ⑤ 反馈客户 (agent)
      GiveFeedback: (state, command, decision) => {
        if (state.status !== "answerReady") return decision.refuse("there is no answer to feed back yet")
        return decision.accept({ ...command, type: "FeedbackGiven" })
      },
      // ⑥ 跟踪处理结果 → 结束 (agent)
      Close: (state, command, decision) => {
        if (state.status !== "followingUp")
          return decision.refuse("only a call whose answer was fed back can be closed")
        return decision.accept({ ...command, type: "Closed" })
      },
    },
    folds: {
      Received: (_state, { at, id, callId, agentId, customerKey, need, policyVersion }) => {
        const call = { id, callId, agentId, customerKey, need, policyVersion }
        return { ...initialState, ...call, status: "received", receivedAt: at }
      },
      ResolvedOnCall: (state, event) => ({ ...state, solution: event.solution, resolvedBy: "agent" }),
      Transferred: (state, event) => ({
        ...state,
        status: "transferred",
        departmentId: event.departmentId,
        promisedAnswerBy: event.promisedAnswerBy,
      }),
      DepartmentAnswered: (state, event) => ({
        ...state,
        status: "answerReady",
        solution: event.answer,
        resolvedBy: "department",
      }),
      AnswerOverdue: (state) => ({ ...state, overdue: true }),
      FeedbackGiven: (state, event) => ({
        ...state,
        status: "followingUp",
        customerSatisfied: event.customerSatisfied,
      }),
      Closed: (state, event) => ({ ...state, status: "closed", closedAt: event.at }),
    },
    deadlines: (state) =>
      timers(
        state.status === "transferred" &&
          timer("answer-due", state.promisedAnswerBy, { type: "MarkAnswerOverdue" }, state.overdue),
      ),
    effects: {
      Received: (state, event, host) => [
        callActivity(state, host, "received", "call", `呼入 ${state.callId}`, state.need, event.at),
      ],
      ResolvedOnCall: (state, event, host) => [
        callActivity(state, host, "resolved", "note", `已当场解决 ${state.callId}`, event.solution, event.at),
      ],
      Transferred: (state, event, host) => [
        host.task(
          { role: "supervisor", departmentId: event.departmentId },
          {
            externalKey: `${state.id}/transfer`,
            subject: `客户来电转交处理：${state.need.slice(0, 60)}`,
            body: event.reason,
            dueAt: event.promisedAnswerBy,
          },
        ),
      ],
      DepartmentAnswered: (state, event, host) => [
        host.completeTask(`${state.id}/transfer`),
        host.task(personOrPost(state.agentId, "officer"), {
          externalKey: `${state.id}/feedback`,
          subject: `回复客户：${state.callId}`,
          body: event.answer,
        }),
      ],
      AnswerOverdue: (state, _event, host) => [
        host.notify(
          [{ role: "supervisor" }, { role: "supervisor", departmentId: state.departmentId! }],
          "warning",
          label("客户答复已超期", "Customer answer overdue"),
          label(
            `呼叫 ${state.callId} 承诺的答复时间已过：${state.need}`,
            `Call ${state.callId} passed its promised answer time: ${state.need}`,
          ),
        ),
      ],
      FeedbackGiven: (state, event, host) => [
        host.completeTask(`${state.id}/feedback`),
        callActivity(
          state,
          host,
          "feedback",
          "call",
          `回复客户 ${state.callId}`,
          `${state.solution ?? ""}${event.note ? `\n${event.note}` : ""}`,
          event.at,
        ),
      ],
    },
    // The host's status line says when a transferred call's promised answer time has passed.
    statusOf: (state) =>
      state.overdue && state.status === "transferred" ? "transferred (overdue)" : state.status,
  })
}

/** A contact on the customer's host timeline, under `${id}/${step}`; calls with no customer key log without one. */
const callActivity = (
  state: ServiceRequestState,
  host: HostEffects,
  step: string,
  kind: ActivityDraft["kind"],
  subject: string,
  body: string,
  occurredAt: Instant,
) =>
  host.activity({
    externalKey: `${state.id}/${step}`,
    kind,
    subject,
    body,
    occurredAt,
    ...(state.customerKey ? { customerKey: state.customerKey } : {}),
  })
