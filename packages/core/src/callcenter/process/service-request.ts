import { Result } from "effect"
import { z } from "zod"
import { InvalidTransition } from "../../errors/refusals.ts"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { safeTextSchema } from "../../forms/safe-text.ts"
import { type DepartmentId, idempotencyKey, type PersonId } from "../../ids/index.ts"
import { label } from "../../labels/label.ts"
import type { Deadline, ProcessDefinition } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { hourMillis, type Instant, instantSchema } from "../../time/instant.ts"
import type { ServiceRequestStatus } from "../labels/call-labels.ts"
import { type CallCentrePolicy, defaultCallCentrePolicy } from "../policy/call-centre-policy.ts"

/** The state of one call that the centre handles (呼叫中心服务流程). */
export interface ServiceRequestState {
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

/** The commands of the service flow. */
export type ServiceRequestCommand =
  | {
      readonly type: "Receive"
      readonly at: Instant
      readonly id: string
      readonly callId: string
      readonly agentId: PersonId
      /** The customer's id or number, for the host timeline. */
      readonly customerKey?: string
      readonly need: string
    }
  | { readonly type: "ResolveOnCall"; readonly at: Instant; readonly solution: string }
  | {
      readonly type: "Transfer"
      readonly at: Instant
      readonly departmentId: DepartmentId
      readonly reason: string
      /** The answer time promised to the customer; the policy's default when absent. */
      readonly promisedAnswerBy?: Instant
    }
  | {
      readonly type: "RecordDepartmentAnswer"
      readonly at: Instant
      readonly answer: string
      readonly by: PersonId
    }
  | { readonly type: "MarkAnswerOverdue"; readonly at: Instant }
  | {
      readonly type: "GiveFeedback"
      readonly at: Instant
      readonly customerSatisfied: boolean
      readonly note?: string
    }
  | { readonly type: "Close"; readonly at: Instant; readonly note: string }

/** The events of the service flow. */
export type ServiceRequestEvent =
  | {
      readonly type: "Received"
      readonly at: Instant
      readonly id: string
      readonly callId: string
      readonly agentId: PersonId
      readonly customerKey: string | undefined
      readonly need: string
      readonly policyVersion: string
    }
  | { readonly type: "ResolvedOnCall"; readonly at: Instant; readonly solution: string }
  | {
      readonly type: "Transferred"
      readonly at: Instant
      readonly departmentId: DepartmentId
      readonly reason: string
      readonly promisedAnswerBy: Instant
    }
  | {
      readonly type: "DepartmentAnswered"
      readonly at: Instant
      readonly answer: string
      readonly by: PersonId
    }
  | { readonly type: "AnswerOverdue"; readonly at: Instant }
  | {
      readonly type: "FeedbackGiven"
      readonly at: Instant
      readonly customerSatisfied: boolean
      readonly note: string | undefined
    }
  | { readonly type: "Closed"; readonly at: Instant; readonly note: string }

/** Why a service-flow command was refused. */
export type ServiceRequestRefusal = InvalidTransition | ValidationError

const processName = "callcenter.serviceRequest"
const words = safeTextSchema(5000)
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be an id")
const at = instantSchema
/**
 * The shape of every command of a service request, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const serviceRequestCommandSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("Receive"),
    at,
    id,
    callId: id,
    agentId: id,
    customerKey: id.optional(),
    need: words,
  }),
  z.object({ type: z.literal("ResolveOnCall"), at, solution: words }),
  z.object({
    type: z.literal("Transfer"),
    at,
    departmentId: id,
    reason: words,
    promisedAnswerBy: at.optional(),
  }),
  z.object({ type: z.literal("RecordDepartmentAnswer"), at, answer: words, by: id }),
  z.object({ type: z.literal("MarkAnswerOverdue"), at }),
  z.object({ type: z.literal("GiveFeedback"), at, customerSatisfied: z.boolean(), note: words.optional() }),
  z.object({ type: z.literal("Close"), at, note: words }),
])

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
  const refuse = (state: ServiceRequestState, command: ServiceRequestCommand, reason: string) =>
    Result.fail(
      new InvalidTransition({
        process: processName,
        instanceId: state.id || "(new)",
        state: state.status,
        command: command.type,
        reason,
      }),
    )
  return {
    name: processName,
    version: 1,
    initialState,
    decide(state, input) {
      const parsed = parseWith(`${processName}.command`, serviceRequestCommandSchema, input)
      if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
      const command = input
      switch (command.type) {
        case "Receive":
          if (state.status !== "none") return refuse(state, command, "the call was already received")
          return Result.succeed([
            {
              type: "Received",
              at: command.at,
              id: command.id,
              callId: command.callId,
              agentId: command.agentId,
              customerKey: command.customerKey,
              need: command.need.trim(),
              policyVersion: policy.version,
            },
          ])
        case "ResolveOnCall":
          if (state.status !== "received")
            return refuse(state, command, "only a call still with the agent can be resolved on the call")
          return Result.succeed([
            { type: "ResolvedOnCall", at: command.at, solution: command.solution.trim() },
            { type: "Closed", at: command.at, note: command.solution.trim() },
          ])
        case "Transfer": {
          if (state.status !== "received")
            return refuse(state, command, "only a call still with the agent can be transferred")
          const promisedAnswerBy =
            command.promisedAnswerBy ?? command.at + policy.promisedAnswerHours * hourMillis
          if (promisedAnswerBy <= command.at)
            return refuse(state, command, "the promised answer time must be in the future")
          return Result.succeed([
            {
              type: "Transferred",
              at: command.at,
              departmentId: command.departmentId,
              reason: command.reason.trim(),
              promisedAnswerBy,
            },
          ])
        }
        case "RecordDepartmentAnswer":
          if (state.status !== "transferred")
            return refuse(state, command, "no department is working on this call")
          return Result.succeed([
            { type: "DepartmentAnswered", at: command.at, answer: command.answer.trim(), by: command.by },
          ])
        case "MarkAnswerOverdue":
          // A timer that fires after the answer came, or twice, changes nothing.
          if (state.status !== "transferred" || state.overdue) return Result.succeed([])
          if (state.promisedAnswerBy === undefined || command.at < state.promisedAnswerBy)
            return Result.succeed([])
          return Result.succeed([{ type: "AnswerOverdue", at: command.at }])
        case "GiveFeedback":
          if (state.status !== "answerReady")
            return refuse(state, command, "there is no answer to feed back yet")
          return Result.succeed([
            {
              type: "FeedbackGiven",
              at: command.at,
              customerSatisfied: command.customerSatisfied,
              note: command.note?.trim(),
            },
          ])
        case "Close":
          if (state.status !== "followingUp")
            return refuse(state, command, "only a call whose answer was fed back can be closed")
          return Result.succeed([{ type: "Closed", at: command.at, note: command.note.trim() }])
      }
    },
    evolve(state, event) {
      switch (event.type) {
        case "Received":
          return {
            ...initialState,
            status: "received",
            id: event.id,
            callId: event.callId,
            agentId: event.agentId,
            customerKey: event.customerKey,
            need: event.need,
            receivedAt: event.at,
            policyVersion: event.policyVersion,
          }
        case "ResolvedOnCall":
          return { ...state, solution: event.solution, resolvedBy: "agent" }
        case "Transferred":
          return {
            ...state,
            status: "transferred",
            departmentId: event.departmentId,
            promisedAnswerBy: event.promisedAnswerBy,
          }
        case "DepartmentAnswered":
          return { ...state, status: "answerReady", solution: event.answer, resolvedBy: "department" }
        case "AnswerOverdue":
          return { ...state, overdue: true }
        case "FeedbackGiven":
          return { ...state, status: "followingUp", customerSatisfied: event.customerSatisfied }
        case "Closed":
          return { ...state, status: "closed", closedAt: event.at }
      }
    },
    deadlines(state): ReadonlyArray<Deadline<ServiceRequestCommand>> {
      if (state.status !== "transferred" || state.overdue || state.promisedAnswerBy === undefined) return []
      return [{ key: "answer-due", dueAt: state.promisedAnswerBy, command: { type: "MarkAnswerOverdue" } }]
    },
    effects(state, event, step): ReadonlyArray<EffectRequest> {
      const key = (kind: string) => idempotencyKey(processName, step.instanceId, step.sequence, kind)
      const transferTask = `${state.id}/transfer`
      switch (event.type) {
        case "Received":
          return [
            {
              kind: "host.activity.log",
              key: key("host.activity.log"),
              draft: {
                externalKey: `${state.id}/received`,
                kind: "call",
                subject: `呼入 ${state.callId}`,
                body: state.need,
                occurredAt: event.at,
                ...(state.customerKey ? { customerKey: state.customerKey } : {}),
              },
            },
          ]
        case "ResolvedOnCall":
          return [
            {
              kind: "host.activity.log",
              key: key("host.activity.log"),
              draft: {
                externalKey: `${state.id}/resolved`,
                kind: "note",
                subject: `已当场解决 ${state.callId}`,
                body: event.solution,
                occurredAt: event.at,
                ...(state.customerKey ? { customerKey: state.customerKey } : {}),
              },
            },
          ]
        case "Transferred":
          return [
            {
              kind: "host.task.create",
              key: key("host.task.create"),
              draft: {
                externalKey: transferTask,
                subject: `客户来电转交处理：${state.need.slice(0, 60)}`,
                body: event.reason,
                dueAt: event.promisedAnswerBy,
              },
              assignee: { role: "supervisor", departmentId: event.departmentId },
            },
          ]
        case "DepartmentAnswered":
          return [
            { kind: "host.task.complete", key: key("host.task.complete"), taskKey: transferTask },
            {
              kind: "host.task.create",
              key: key("host.task.create"),
              draft: {
                externalKey: `${state.id}/feedback`,
                subject: `回复客户：${state.callId}`,
                body: event.answer,
              },
              assignee: state.agentId ? { person: state.agentId } : { role: "officer" },
            },
          ]
        case "AnswerOverdue":
          return [
            {
              kind: "notify",
              key: key("notify"),
              draft: {
                recipients: [
                  { role: "supervisor" },
                  ...(state.departmentId
                    ? [{ role: "supervisor" as const, departmentId: state.departmentId }]
                    : []),
                ],
                severity: "warning",
                title: label("客户答复已超期", "Customer answer overdue"),
                body: label(
                  `呼叫 ${state.callId} 承诺的答复时间已过：${state.need}`,
                  `Call ${state.callId} passed its promised answer time: ${state.need}`,
                ),
                caseKey: state.id,
              },
            },
          ]
        case "FeedbackGiven":
          return [
            { kind: "host.task.complete", key: key("host.task.complete"), taskKey: `${state.id}/feedback` },
            {
              kind: "host.activity.log",
              key: key("host.activity.log"),
              draft: {
                externalKey: `${state.id}/feedback`,
                kind: "call",
                subject: `回复客户 ${state.callId}`,
                body: `${state.solution ?? ""}${event.note ? `\n${event.note}` : ""}`,
                occurredAt: event.at,
                ...(state.customerKey ? { customerKey: state.customerKey } : {}),
              },
            },
          ]
        case "Closed":
          return []
      }
    },
    isFinished: (state) => state.status === "closed",
    statusOf: (state) =>
      state.overdue && state.status === "transferred" ? "transferred (overdue)" : state.status,
  }
}
