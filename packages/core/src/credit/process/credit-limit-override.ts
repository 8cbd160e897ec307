import { Result } from "effect"
import type { z } from "zod"
import type { InvalidTransition, NotWithinAuthority, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { type Label, label } from "../../labels/label.ts"
import { format, type Money } from "../../money/money.ts"
import type { NotificationSeverity } from "../../ports/notifier.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { decideAtGate, type GatedState, gatePassed } from "../../process/approval-gate.ts"
import { cancelCommandSchema } from "../../process/cancellation.ts"
import type { FlowEvent, ShapedCommand, StepFields } from "../../process/command-shapes.ts"
import { commandShape, commandUnion, timerCommand } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { gateRefused } from "../../process/gate-refused.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import { notWithinAuthority } from "../../roles/authority.ts"
import { hourMillis, type Instant } from "../../time/instant.ts"
import type { CreditControl } from "../labels/credit-control.ts"
import type { CreditGrade } from "../labels/credit-grade.ts"
import type { ExposureStatus } from "../labels/exposure-status.ts"
import { checkOrder, orderCheckInputSchema, requireCredit } from "../models/check-order.ts"
import { compileCreditPolicy } from "../models/compiled-credit-policy.ts"
import type { CreditLimitExceeded } from "../models/credit-limit-exceeded.ts"
import { type CreditApprovalRoute, creditDecisions, overrideWithinOwnPost } from "../policy/approval-chain.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import { creditOverrideForm } from "../schema/limit-override-form.ts"
import {
  overrideApprovalValues,
  type RoutedCreditApproval,
  routeCreditApproval,
  submitCreditApproval,
} from "./approval-values.ts"
import type { CreditFlowOptions } from "./process-support.ts"

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
export interface CreditOverrideState extends FlowState, GatedState {
  readonly status: CreditOverrideStatus
  readonly sequence: number
  readonly requestId: string
  readonly customerId: string
  readonly orderNumber: string
  readonly policyVersion: string
  readonly requestedBy: Actor | undefined
  readonly reason: string | undefined
  readonly check: OverrideCheckRecord | undefined
  readonly approval:
    | (Omit<CreditApprovalRoute, "formId"> & { readonly key: string; readonly expiresAt: Instant })
    | undefined
  readonly decidedBy: PersonId | undefined
}

/**
 * The shape of every command of a credit-limit override, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const creditOverrideCommandSchema = commandUnion(
  /** Sales asks to release one order past the credit controls (超额发货申请): the position as `checkOrder` takes it. */
  commandShape("RequestOverride", {
    requestId: commandIdSchema,
    orderNumber: commandTextSchema(100),
    requestedBy: actorSchema,
    reason: commandTextSchema(2000),
    // Typed `unknown` as before: callers hand over what `checkOrder` takes; the schema still checks it.
    position: orderCheckInputSchema as z.ZodType<unknown>,
  }),
  decideApprovalSchema,
  /** The approval unanswered by the policy's expiry. */
  timerCommand("Expire"),
  cancelCommandSchema,
)

/** The commands of an override request. */
export type CreditOverrideCommand = ShapedCommand<typeof creditOverrideCommandSchema>

type Requested = Omit<StepFields<CreditOverrideCommand, "RequestOverride">, "position"> & {
  customerId: string
  check: OverrideCheckRecord
  policyVersion: string
}
type Decided = { decidedBy: PersonId | undefined; comment: string | undefined }

/** The events of an override request. */
export type CreditOverrideEvent =
  | FlowEvent<"ReleasedWithoutApproval", Requested>
  | FlowEvent<
      "OverrideRequested",
      Requested & RoutedCreditApproval & { approvalKey: string; expiresAt: Instant }
    >
  | FlowEvent<"OverrideApproved", Decided>
  | FlowEvent<"OverrideRejected", Decided & { outcome: "rejected" | "withdrawn" }>
  | FlowEvent<"OverrideExpired">
  | FlowEvent<"OverrideCancelled", { actor: Actor; reason: string }>

/** Why an override command is refused: a blocked order comes back as `CreditLimitExceeded`. */
export type CreditOverrideRefusal =
  | InvalidTransition
  | ValidationError
  | NotWithinAuthority
  | PolicyRefusal
  | CreditLimitExceeded

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
 * A credit-limit override for one order (资信控制). The order is checked against the controls
 * exactly as `checkOrder` does: within the limit or tolerance it is released at once (the warning
 * is recorded); blocked by the grade or a danger signal it is refused with `CreditLimitExceeded`;
 * requested by a post the authority policy names (the 客户信用主管) within that post's
 * `credit.limitOverride` limit, and not below the grade's minimum approver, it is released on the
 * post's authority;
 * otherwise it goes for approval (✓ by the lowest post whose `credit.limitOverride` authority
 * covers the excess, at least the grade's minimum approver) and waits until the policy's expiry,
 * after which it lapses and the approval is withdrawn.
 */
export function creditOverrideProcess(policy: CreditPolicy, options: CreditFlowOptions = {}) {
  const compiled = compileCreditPolicy(policy)

  return defineFlow<CreditOverrideState, CreditOverrideCommand, CreditOverrideEvent, CreditOverrideRefusal>({
    name: creditOverrideName,
    initialState,
    commands: creditOverrideCommandSchema,
    idOf: (state) => state.requestId,
    finished: ["released", "approved", "rejected", "expired", "cancelled"],
    steps: {
      // 超额发货申请 (sales) ◇ within the tolerance: released — blocked: refused — over it: ✓
      RequestOverride: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the request was already made")
        const { at, requestId, orderNumber, requestedBy, reason, position } = command
        const checked = Result.flatMap(checkOrder(position, policy, compiled), requireCredit)
        if (Result.isFailure(checked)) return Result.fail(checked.failure)
        const { customerId, status, grade, limit, order, exposureBefore, exposureAfter, excess } =
          checked.success
        const { controls } = checked.success
        const { oldestOverdueDays } = position as { readonly oldestOverdueDays: number }
        const check = { status, grade, limit, order, exposureAfter, excess, controls, oldestOverdueDays }
        const policyVersion = policy.version
        const request = { at, requestId, orderNumber, requestedBy, reason, customerId, check, policyVersion }
        // ◇ 权责内: a credit post the authority policy names releases the excess on its own authority
        const atStake = excess.minor > 0 ? excess : order
        if (status !== "approval" || overrideWithinOwnPost(policy, command.requestedBy, grade, atStake))
          return decision.accept({ ...request, type: "ReleasedWithoutApproval" })
        const facts = { customerId, orderNumber, grade, order, limit, exposureBefore, exposureAfter, excess }
        const approval = routeCreditApproval(
          options,
          {
            type: "credit.limitOverride",
            amount: atStake,
            ownFormId: creditOverrideForm.id,
            valuesFor: (formId) => overrideApprovalValues(formId, { ...facts, oldestOverdueDays, reason }),
          },
          // No post's `credit.limitOverride` authority covers the excess.
          () =>
            Result.fromNullishOr(checked.success.approval, () =>
              notWithinAuthority(creditDecisions.override, command.requestedBy, null, excess),
            ),
        )
        if (Result.isFailure(approval)) return Result.fail(approval.failure)
        const approvalKey = decision.keyAt(0, "approval.submit", command.requestId)
        const expiresAt = command.at + policy.approval.overrideExpiryHours * hourMillis
        const routed = approval.success
        return decision.accept({ ...request, type: "OverrideRequested", approvalKey, ...routed, expiresAt })
      },
      // ✓ approved: the order released — rejected or withdrawn on the host: the order stays held
      DecideApproval: (state, command, decision) =>
        decideAtGate(state, command, state.status === "awaitingApproval", decision, {
          approved: ({ at, decidedBy, comment }) =>
            decision.accept({ type: "OverrideApproved", at, decidedBy, comment }),
          returned: ({ at, decidedBy, comment, outcome }) =>
            decision.accept({ type: "OverrideRejected", at, decidedBy, comment, outcome }),
        }),
      // the approval unanswered by the expiry: the request lapses
      Expire: (state, { at }, decision) =>
        decision.acceptIf(state.status === "awaitingApproval", { type: "OverrideExpired", at }),
      Cancel: (state, { at, actor, reason }, decision) =>
        state.status === "awaitingApproval"
          ? decision.accept({ type: "OverrideCancelled", at, actor, reason })
          : decision.refuse("only a request awaiting approval can be cancelled"),
    },
    folds: {
      ReleasedWithoutApproval: (state, { type: _, at: __, ...request }) => ({
        ...state,
        ...request,
        status: "released",
      }),
      OverrideRequested: (state, event) => {
        const { requestId, orderNumber, requestedBy, reason, customerId, check, policyVersion } = event
        const { approvalKey: key, decidingRole, steps, expiresAt } = event
        const approval = { key, decidingRole, steps, expiresAt }
        const requested = { requestId, orderNumber, requestedBy, reason, customerId, check, policyVersion }
        return { ...state, ...requested, status: "awaitingApproval", approval }
      },
      OverrideApproved: (state, { decidedBy }) => ({ ...gatePassed(state), status: "approved", decidedBy }),
      OverrideRejected: (state, { decidedBy }) => ({ ...gateRefused(state), status: "rejected", decidedBy }),
      OverrideExpired: (state) => ({ ...state, status: "expired" }),
      OverrideCancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: ({ status, approval }) =>
      timers(
        status === "awaitingApproval" && timer("approval-expiry", approval?.expiresAt, { type: "Expire" }),
      ),
    effects: {
      OverrideRequested: (state, event, host) => {
        const [order, excess] = [orderOf(state), event.check.excess]
        const title = label(
          `超信用额度发货申请：${order} 超额 ${format(excess, "zh-CN")}`,
          `Credit override: ${order}, ${format(excess, "en")} over the limit`,
        )
        const request = { requestType: "credit.limitOverride", businessKey: state.requestId, title } as const
        return [submitCreditApproval(host, event, request, { person: event.requestedBy.personId })]
      },
      OverrideApproved: (state, _event, host) => tellRequester(state, host, "info", told.approved),
      OverrideRejected: (state, _event, host) => tellRequester(state, host, "warning", told.refused),
      OverrideExpired: (state, _event, host) => [
        host.withdrawApproval(state.approval!.key, "expired"),
        ...tellRequester(state, host, "warning", told.lapsed),
      ],
      OverrideCancelled: (state, event, host) => [host.withdrawApproval(state.approval!.key, event.reason)],
    },
  })
}

const orderOf = (state: CreditOverrideState) => `${state.orderNumber} (${state.customerId})`

/** What the requester is told of the order, by outcome. */
const told = {
  approved: label("超额发货已批准", "Credit override approved"),
  refused: label("超额发货未获批准，订单暂停", "Credit override refused: the order stays on hold"),
  lapsed: label("超额发货申请已过期，订单暂停", "Credit override lapsed: the order stays on hold"),
}

/** Tells the salesperson who asked (or the credit officers) what became of the order. */
const tellRequester = (
  state: CreditOverrideState,
  host: HostEffects,
  severity: NotificationSeverity,
  title: Label,
) => [
  host.notify(
    state.requestedBy ? [{ person: state.requestedBy.personId }] : [{ role: "officer" }],
    severity,
    title,
    label(`订单 ${orderOf(state)}`, `Order ${orderOf(state)}`),
  ),
]
