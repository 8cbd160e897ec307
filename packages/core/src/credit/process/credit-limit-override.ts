import { Result } from "effect"
import { z } from "zod"
import { type InvalidTransition, NotWithinAuthority, type PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { format, type Money } from "../../money/money.ts"
import { type DecideApproval, decideApprovalSchema } from "../../process/approval-decision.ts"
import {
  approvalDecisionOf,
  checkApprovalDecision,
  commandIdSchema,
  commandInstantSchema,
  commandTextSchema,
  notifyRequest,
  parseProcessCommand,
  type RecordedApprovalDecision,
  recordApprovalDecision,
  refuseTransition,
  withdrawApprovalRequest,
} from "../../process/decider-support.ts"
import type { Deadline, ProcessDefinition } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { hourMillis, type Instant } from "../../time/instant.ts"
import type { CreditControl } from "../labels/credit-control.ts"
import type { CreditGrade } from "../labels/credit-grade.ts"
import type { ExposureStatus } from "../labels/exposure-status.ts"
import { checkOrder, orderCheckInputSchema, requireCredit } from "../models/check-order.ts"
import { compileCreditPolicy } from "../models/compiled-credit-policy.ts"
import type { CreditLimitExceeded } from "../models/credit-limit-exceeded.ts"
import { type CreditApprovalStep, creditDecisions, plannedCreditRoute } from "../policy/approval-chain.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import { creditOverrideForm } from "../schema/limit-override-form.ts"
import { overrideApprovalValues } from "./approval-values.ts"
import { type CancelCommand, type CreditFlowOptions, sharedCommandSchemas } from "./process-support.ts"

/** The process name of the credit override; part of every idempotency key. */
export const creditOverrideName = "credit.override"

/** Where an override request stands. */
export type CreditOverrideStatus =
  | "none"
  | "released"
  | "awaitingApproval"
  | "approved"
  | "rejected"
  | "expired"
  | "cancelled"

/** The figures of the check an override request was decided on, kept for the record. */
export interface OverrideCheckRecord {
  readonly status: ExposureStatus
  readonly grade: CreditGrade
  readonly limit: Money
  readonly order: Money
  readonly exposureAfter: Money
  readonly excess: Money
  readonly controls: ReadonlyArray<CreditControl>
  readonly oldestOverdueDays: number
}

/** The state of one override request. */
export interface CreditOverrideState {
  readonly status: CreditOverrideStatus
  readonly sequence: number
  /** Approval decisions recorded so far, so a decision delivered again changes nothing. */
  readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
  readonly requestId: string
  readonly customerId: string
  readonly orderNumber: string
  readonly policyVersion: string
  readonly requestedBy: Actor | undefined
  readonly reason: string | undefined
  readonly check: OverrideCheckRecord | undefined
  readonly approval:
    | {
        readonly key: string
        readonly decidingRole: Role | undefined
        readonly steps: ReadonlyArray<CreditApprovalStep>
        readonly expiresAt: Instant
      }
    | undefined
  readonly decidedBy: PersonId | undefined
}

/** The commands of an override request. */
export type CreditOverrideCommand =
  | {
      /** Sales asks to release one order past the credit controls (超额发货申请). */
      readonly type: "RequestOverride"
      readonly at: Instant
      readonly requestId: string
      readonly orderNumber: string
      readonly requestedBy: Actor
      readonly reason: string
      /** The customer's position and the order, as `checkOrder` takes them. */
      readonly position: unknown
    }
  | DecideApproval
  | { readonly type: "Expire"; readonly at: Instant }
  | CancelCommand

/** The events of an override request. */
export type CreditOverrideEvent =
  | {
      readonly type: "ReleasedWithoutApproval"
      readonly at: Instant
      readonly requestId: string
      readonly customerId: string
      readonly orderNumber: string
      readonly requestedBy: Actor
      readonly reason: string
      readonly check: OverrideCheckRecord
      readonly policyVersion: string
    }
  | {
      readonly type: "OverrideRequested"
      readonly at: Instant
      readonly requestId: string
      readonly customerId: string
      readonly orderNumber: string
      readonly requestedBy: Actor
      readonly reason: string
      readonly check: OverrideCheckRecord
      readonly policyVersion: string
      readonly approvalKey: string
      readonly decidingRole: Role | undefined
      readonly steps: ReadonlyArray<CreditApprovalStep>
      /** The approval form and its values, checked against the form when decided. */
      readonly formId: string
      readonly values: Readonly<Record<string, unknown>>
      readonly expiresAt: Instant
    }
  | {
      readonly type: "OverrideApproved"
      readonly at: Instant
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
    }
  | {
      readonly type: "OverrideRejected"
      readonly at: Instant
      readonly outcome: "rejected" | "withdrawn"
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
    }
  | { readonly type: "OverrideExpired"; readonly at: Instant }
  | {
      readonly type: "OverrideCancelled"
      readonly at: Instant
      readonly actor: Actor
      readonly reason: string
    }

/** Why an override command is refused: a blocked order comes back as `CreditLimitExceeded`. */
export type CreditOverrideRefusal =
  | InvalidTransition
  | ValidationError
  | NotWithinAuthority
  | PolicyRefusal
  | CreditLimitExceeded

/**
 * The shape of every command of a credit-limit override, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const creditOverrideCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("RequestOverride"),
    at: commandInstantSchema,
    requestId: commandIdSchema,
    orderNumber: commandTextSchema(100),
    requestedBy: actorSchema,
    reason: commandTextSchema(2000),
    position: orderCheckInputSchema,
  }),
  decideApprovalSchema,
  z.strictObject({ type: z.literal("Expire"), at: commandInstantSchema }),
  sharedCommandSchemas.cancel,
]) as unknown as z.ZodType<CreditOverrideCommand>

const initialState: CreditOverrideState = {
  status: "none",
  sequence: 0,
  requestId: "",
  customerId: "",
  orderNumber: "",
  policyVersion: "",
  requestedBy: undefined,
  reason: undefined,
  check: undefined,
  approval: undefined,
  decidedApprovals: [],
  decidedBy: undefined,
}

/**
 * A credit-limit override for one order (资信控制) as a decider. The order is checked against
 * the controls exactly as `checkOrder` does: within the limit or tolerance it is released at once
 * (the warning is recorded); blocked by the grade or a danger signal it is refused with
 * `CreditLimitExceeded`; otherwise it goes for approval (✓ by the lowest post whose
 * `credit.limitOverride` authority covers the excess, at least the grade's minimum approver) and waits
 * until the policy's expiry, after which it lapses and the approval is withdrawn.
 */
export function creditOverrideProcess(
  policy: CreditPolicy,
  options: CreditFlowOptions = {},
): ProcessDefinition<CreditOverrideState, CreditOverrideCommand, CreditOverrideEvent, CreditOverrideRefusal> {
  const compiled = compileCreditPolicy(policy)

  function decide(
    state: CreditOverrideState,
    input: CreditOverrideCommand,
  ): Result.Result<ReadonlyArray<CreditOverrideEvent>, CreditOverrideRefusal> {
    const parsed = parseProcessCommand(`${creditOverrideName}.command`, creditOverrideCommandSchema, input)
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    const command = parsed.success
    const no = (reason: string) =>
      refuseTransition(creditOverrideName, state.requestId, state.status, command.type, reason)
    switch (command.type) {
      case "RequestOverride": {
        if (state.status !== "none") return no("the request was already made")
        const checked = checkOrder(command.position, policy, compiled)
        if (Result.isFailure(checked)) return Result.fail(checked.failure)
        const allowed = requireCredit(checked.success)
        if (Result.isFailure(allowed)) return Result.fail(allowed.failure)
        const check = checked.success
        const record: OverrideCheckRecord = {
          status: check.status,
          grade: check.grade,
          limit: check.limit,
          order: check.order,
          exposureAfter: check.exposureAfter,
          excess: check.excess,
          controls: check.controls,
          oldestOverdueDays: (command.position as { oldestOverdueDays: number }).oldestOverdueDays,
        }
        const common = {
          at: command.at,
          requestId: command.requestId,
          customerId: check.customerId,
          orderNumber: command.orderNumber,
          requestedBy: command.requestedBy,
          reason: command.reason,
          check: record,
          policyVersion: policy.version,
        }
        if (check.status !== "approval")
          return Result.succeed([{ type: "ReleasedWithoutApproval", ...common }])
        const facts = {
          customerId: check.customerId,
          orderNumber: command.orderNumber,
          grade: check.grade,
          order: check.order,
          limit: check.limit,
          exposureBefore: check.exposureBefore,
          exposureAfter: check.exposureAfter,
          excess: check.excess,
          oldestOverdueDays: record.oldestOverdueDays,
          reason: command.reason,
        }
        let route = check.approval
        if (options.approvalPolicy !== undefined) {
          const amount = check.excess.minor > 0 ? check.excess : check.order
          const planned = plannedCreditRoute(
            options.approvalPolicy,
            "credit.limitOverride",
            amount,
            Result.getOrThrow(overrideApprovalValues(creditOverrideForm.id, facts)),
          )
          if (Result.isFailure(planned)) return Result.fail(planned.failure)
          route = planned.success
        }
        if (route === undefined) {
          return Result.fail(
            new NotWithinAuthority({
              decision: creditDecisions.override,
              role: command.requestedBy.role,
              limitMinor: null,
              requestedMinor: check.excess.minor,
              currency: check.excess.currency,
            }),
          )
        }
        const values = overrideApprovalValues(route.formId, facts)
        if (Result.isFailure(values)) return Result.fail(values.failure)
        return Result.succeed([
          {
            type: "OverrideRequested",
            ...common,
            approvalKey: idempotencyKey(
              creditOverrideName,
              command.requestId,
              state.sequence,
              "approval.submit",
            ),
            decidingRole: route.decidingRole,
            steps: route.steps,
            formId: route.formId,
            values: values.success,
            expiresAt: command.at + policy.approval.overrideExpiryHours * hourMillis,
          },
        ])
      }
      case "DecideApproval": {
        const check = checkApprovalDecision(state, state.status === "awaitingApproval", command)
        if (check.verdict === "repeat") return Result.succeed([])
        if (check.verdict === "refuse") return no(check.reason)
        const { approvalKey: _key, ...decision } = approvalDecisionOf(command)
        return Result.succeed([
          command.outcome === "approved"
            ? { type: "OverrideApproved", ...decision }
            : { type: "OverrideRejected", ...decision, outcome: command.outcome },
        ])
      }
      case "Expire":
        if (state.status !== "awaitingApproval") return Result.succeed([])
        return Result.succeed([{ type: "OverrideExpired", at: command.at }])
      case "Cancel":
        if (state.status !== "awaitingApproval")
          return no("only a request awaiting approval can be cancelled")
        return Result.succeed([
          { type: "OverrideCancelled", at: command.at, actor: command.actor, reason: command.reason },
        ])
    }
  }

  function evolve(state: CreditOverrideState, event: CreditOverrideEvent): CreditOverrideState {
    const next = { ...state, sequence: state.sequence + 1 }
    switch (event.type) {
      case "ReleasedWithoutApproval":
      case "OverrideRequested":
        return {
          ...next,
          status: event.type === "OverrideRequested" ? "awaitingApproval" : "released",
          requestId: event.requestId,
          customerId: event.customerId,
          orderNumber: event.orderNumber,
          policyVersion: event.policyVersion,
          requestedBy: event.requestedBy,
          reason: event.reason,
          check: event.check,
          approval:
            event.type === "OverrideRequested"
              ? {
                  key: event.approvalKey,
                  decidingRole: event.decidingRole,
                  steps: event.steps,
                  expiresAt: event.expiresAt,
                }
              : undefined,
        }
      case "OverrideApproved":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, true),
          status: "approved",
          decidedBy: event.decidedBy,
        }
      case "OverrideRejected":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
          status: "rejected",
          decidedBy: event.decidedBy,
        }
      case "OverrideExpired":
        return { ...next, status: "expired" }
      case "OverrideCancelled":
        return { ...next, status: "cancelled" }
    }
  }

  function deadlines(state: CreditOverrideState): ReadonlyArray<Deadline<CreditOverrideCommand>> {
    if (state.status !== "awaitingApproval" || state.approval === undefined) return []
    return [{ key: "approval-expiry", dueAt: state.approval.expiresAt, command: { type: "Expire" } }]
  }

  function effects(
    state: CreditOverrideState,
    event: CreditOverrideEvent,
    step: { readonly instanceId: string; readonly sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) => idempotencyKey(creditOverrideName, step.instanceId, step.sequence, kind)
    const requester = state.requestedBy
      ? [{ person: state.requestedBy.personId }]
      : [{ role: "officer" as const }]
    const order = `${state.orderNumber} (${state.customerId})`
    const tell = (title: ReturnType<typeof label>, severity: "info" | "warning") =>
      notifyRequest(
        key("notify"),
        requester,
        severity,
        title,
        label(`订单 ${order}`, `Order ${order}`),
        state.requestId,
      )
    const withdraw = (reason: string) =>
      withdrawApprovalRequest(key("approval.withdraw"), state.approval!.key, reason)
    switch (event.type) {
      case "OverrideRequested": {
        const check = event.check
        return [
          {
            kind: "approval.submit",
            key: event.approvalKey as IdempotencyKey,
            submission: {
              requestType: "credit.limitOverride",
              businessKey: state.requestId,
              title: label(
                `超信用额度发货申请：${order} 超额 ${format(check.excess, "zh-CN")}`,
                `Credit override: ${order}, ${format(check.excess, "en")} over the limit`,
              ),
              originator: { person: event.requestedBy.personId },
              formId: event.formId,
              values: event.values,
              steps: event.steps,
            },
          },
        ]
      }
      case "OverrideApproved":
        return [tell(label("超额发货已批准", "Credit override approved"), "info")]
      case "OverrideRejected":
        return [
          tell(
            label("超额发货未获批准，订单暂停", "Credit override refused: the order stays on hold"),
            "warning",
          ),
        ]
      case "OverrideExpired":
        return [
          withdraw("expired"),
          tell(
            label("超额发货申请已过期，订单暂停", "Credit override lapsed: the order stays on hold"),
            "warning",
          ),
        ]
      case "OverrideCancelled":
        return [withdraw(event.reason)]
      default:
        return []
    }
  }

  return {
    name: creditOverrideName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) => state.status !== "none" && state.status !== "awaitingApproval",
    statusOf: (state) => state.status,
  }
}
