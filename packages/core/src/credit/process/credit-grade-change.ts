import { Result } from "effect"
import { z } from "zod"
import type { PlanRefusal } from "../../approvals/chain/plan-chain.ts"
import type { InvalidTransition, NotWithinAuthority, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { type Money, ofMinor, toMajorString } from "../../money/money.ts"
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
import { CreditGrade } from "../labels/credit-grade.ts"
import { DangerSignal } from "../labels/danger-signal.ts"
import type { NoticeChannel } from "../labels/notice-channel.ts"
import { compileCreditPolicy } from "../models/compiled-credit-policy.ts"
import { creditLimitMinor } from "../models/credit-terms.ts"
import {
  type CreditApprovalRoute,
  type CreditApprovalStep,
  creditApprovalRoute,
  creditDecisions,
  plannedCreditRoute,
} from "../policy/approval-chain.ts"
import { type CreditPolicy, termsOfGrade } from "../policy/credit-policy.ts"
import { creditGradeChangeForm } from "../schema/grade-change-form.ts"
import { creditHostFields } from "../schema/host-fields.ts"
import { nonNegativeMoneyInputSchema } from "../schema/money-input.ts"
import { gradeChangeApprovalValues } from "./approval-values.ts"
import {
  type CancelCommand,
  type ConfirmCustomerNotified,
  type CreditFlowOptions,
  customerNotifiedEffects,
  type RemindCustomerNotice,
  sharedCommandSchemas,
} from "./process-support.ts"

/** The process name of the credit grade change; part of every idempotency key. */
export const creditGradeChangeName = "credit.grade-change"

/** Where a grade change stands. */
export type CreditGradeChangeStatus =
  | "none"
  | "investigating"
  | "awaitingApproval"
  | "changed"
  | "notified"
  | "keptNotSerious"
  | "rejected"
  | "cancelled"

/** The change proposed: grade and limit from → to, with the terms of the new grade. */
export interface CreditChange {
  readonly fromGrade: CreditGrade
  readonly toGrade: CreditGrade
  readonly fromLimit: Money
  readonly toLimit: Money
  readonly reason: string
  readonly measures: string | undefined
}

/** The state of one grade change. */
export interface CreditGradeChangeState {
  readonly status: CreditGradeChangeStatus
  readonly sequence: number
  /** Approval decisions recorded so far, so a decision delivered again changes nothing. */
  readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
  readonly changeId: string
  readonly customerId: string
  readonly customerName: string | undefined
  readonly policyVersion: string
  readonly reportedBy: Actor | undefined
  readonly currentGrade: CreditGrade | undefined
  readonly currentLimit: Money | undefined
  readonly annualTrade: Money | undefined
  readonly anomaly: string | undefined
  readonly signals: ReadonlyArray<DangerSignal>
  readonly investigator: Actor | undefined
  readonly change: CreditChange | undefined
  readonly approval:
    | {
        readonly key: string
        readonly decidingRole: Role | undefined
        readonly steps: ReadonlyArray<CreditApprovalStep>
      }
    | undefined
  readonly decidedBy: PersonId | undefined
  readonly noticeDueAt: Instant | undefined
  readonly noticeReminded: boolean
}

/** The commands of the grade change. */
export type CreditGradeChangeCommand =
  | {
      /** ① 发现客户信用异常: anyone who sees the anomaly reports it to the 客户信息主管. */
      readonly type: "ReportAnomaly"
      readonly at: Instant
      readonly changeId: string
      readonly customerId: string
      readonly customerName?: string
      readonly reportedBy: Actor
      readonly currentGrade: CreditGrade
      readonly currentLimit: Money
      /** 年度交易额: the base of the new limit. */
      readonly annualTrade: Money
      readonly description: string
      readonly signals?: ReadonlyArray<DangerSignal>
    }
  | {
      /** ② 调查出现异常的原因 and ③ 是否严重: the cause and, when serious, the new grade. */
      readonly type: "RecordInvestigation"
      readonly at: Instant
      readonly investigator: Actor
      readonly cause: string
      readonly serious: boolean
      readonly proposedGrade?: CreditGrade
      /** The new limit; by default the policy's limit for the new grade on the year's trade. */
      readonly proposedLimit?: Money
      /** 发展对策: what is done with the customer now. */
      readonly measures?: string
    }
  | DecideApproval
  | ConfirmCustomerNotified
  | RemindCustomerNotice
  | CancelCommand

/** The events of the grade change. */
export type CreditGradeChangeEvent =
  | {
      readonly type: "AnomalyReported"
      readonly at: Instant
      readonly changeId: string
      readonly customerId: string
      readonly customerName: string | undefined
      readonly reportedBy: Actor
      readonly currentGrade: CreditGrade
      readonly currentLimit: Money
      readonly annualTrade: Money
      readonly description: string
      readonly signals: ReadonlyArray<DangerSignal>
      readonly policyVersion: string
    }
  | {
      readonly type: "FoundNotSerious"
      readonly at: Instant
      readonly investigator: Actor
      readonly cause: string
    }
  | {
      readonly type: "ChangeProposed"
      readonly at: Instant
      readonly investigator: Actor
      readonly change: CreditChange
      readonly approvalKey: string
      readonly decidingRole: Role | undefined
      readonly steps: ReadonlyArray<CreditApprovalStep>
      readonly formId: string
      /** The approval form's values, checked against the form when decided. */
      readonly values: Readonly<Record<string, unknown>>
    }
  | {
      readonly type: "GradeChanged"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
      readonly noticeDueAt: Instant
    }
  | {
      readonly type: "ChangeRejected"
      readonly at: Instant
      readonly approvalKey: string
      readonly outcome: "rejected" | "withdrawn"
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
    }
  | {
      readonly type: "CustomerNotified"
      readonly at: Instant
      readonly actor: Actor
      readonly channel: NoticeChannel
      readonly note: string | undefined
    }
  | { readonly type: "CustomerNoticeReminded"; readonly at: Instant }
  | {
      readonly type: "Cancelled"
      readonly at: Instant
      readonly actor: Actor
      readonly reason: string
      readonly withdrawApprovalKey: string | undefined
    }

/** Why a grade change command is refused. */
export type CreditGradeChangeRefusal =
  | InvalidTransition
  | ValidationError
  | NotWithinAuthority
  | PolicyRefusal

/**
 * The shape of every command of a credit grade change, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const creditGradeChangeCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("ReportAnomaly"),
    at: commandInstantSchema,
    changeId: commandIdSchema,
    customerId: commandIdSchema,
    customerName: commandTextSchema(200).optional(),
    reportedBy: actorSchema,
    currentGrade: CreditGrade.schema,
    currentLimit: nonNegativeMoneyInputSchema,
    annualTrade: nonNegativeMoneyInputSchema,
    description: commandTextSchema(2000),
    signals: z.array(DangerSignal.schema).optional(),
  }),
  z
    .strictObject({
      type: z.literal("RecordInvestigation"),
      at: commandInstantSchema,
      investigator: actorSchema,
      cause: commandTextSchema(2000),
      serious: z.boolean(),
      proposedGrade: CreditGrade.schema.optional(),
      proposedLimit: nonNegativeMoneyInputSchema.optional(),
      measures: commandTextSchema(2000).optional(),
    })
    .refine((command) => !command.serious || command.proposedGrade !== undefined, {
      message: "a serious anomaly needs the proposed grade",
      path: ["proposedGrade"],
    }),
  decideApprovalSchema,
  sharedCommandSchemas.confirmCustomerNotified,
  sharedCommandSchemas.remindCustomerNotice,
  sharedCommandSchemas.cancel,
]) as unknown as z.ZodType<CreditGradeChangeCommand>

const initialState: CreditGradeChangeState = {
  status: "none",
  sequence: 0,
  changeId: "",
  customerId: "",
  customerName: undefined,
  policyVersion: "",
  reportedBy: undefined,
  currentGrade: undefined,
  currentLimit: undefined,
  annualTrade: undefined,
  anomaly: undefined,
  signals: [],
  investigator: undefined,
  change: undefined,
  approval: undefined,
  decidedApprovals: [],
  decidedBy: undefined,
  noticeDueAt: undefined,
  noticeReminded: false,
}

/**
 * The credit grade change as a decider: 004 ch.7 客户信用等级变更流程 — ① an anomaly is reported
 * → ② its cause investigated → ③ serious? no: the grade stays; yes: ④ the grade is changed ✓
 * (客户服务部经理, or above when the new limit exceeds the manager's `credit.limit` authority) →
 * ⑤ the change is registered on the customer record (修改信用等级, 变更登记) → ⑥ the customer is
 * told. The approval carries 客户信用度变更表.
 */
export function creditGradeChangeProcess(
  policy: CreditPolicy,
  options: CreditFlowOptions = {},
): ProcessDefinition<
  CreditGradeChangeState,
  CreditGradeChangeCommand,
  CreditGradeChangeEvent,
  CreditGradeChangeRefusal
> {
  const compiled = compileCreditPolicy(policy)

  function decide(
    state: CreditGradeChangeState,
    input: CreditGradeChangeCommand,
  ): Result.Result<ReadonlyArray<CreditGradeChangeEvent>, CreditGradeChangeRefusal> {
    const parsed = parseProcessCommand(
      `${creditGradeChangeName}.command`,
      creditGradeChangeCommandSchema,
      input,
    )
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    const command = parsed.success
    const no = (reason: string) =>
      refuseTransition(creditGradeChangeName, state.changeId, state.status, command.type, reason)
    switch (command.type) {
      case "ReportAnomaly": {
        if (state.status !== "none") return no("the anomaly was already reported")
        for (const amount of [command.currentLimit, command.annualTrade]) {
          if (amount.currency !== policy.currency) return no(`amounts must be in ${policy.currency}`)
        }
        return Result.succeed([
          {
            type: "AnomalyReported",
            at: command.at,
            changeId: command.changeId,
            customerId: command.customerId,
            customerName: command.customerName,
            reportedBy: command.reportedBy,
            currentGrade: command.currentGrade,
            currentLimit: command.currentLimit,
            annualTrade: command.annualTrade,
            description: command.description,
            signals: command.signals ?? [],
            policyVersion: policy.version,
          },
        ])
      }
      case "RecordInvestigation": {
        if (state.status !== "investigating")
          return no("the anomaly is investigated once, after it is reported")
        if (!command.serious) {
          return Result.succeed([
            {
              type: "FoundNotSerious",
              at: command.at,
              investigator: command.investigator,
              cause: command.cause,
            },
          ])
        }
        const toGrade = command.proposedGrade!
        const gradeCode = CreditGrade.values.indexOf(toGrade)
        const toLimit =
          command.proposedLimit ??
          ofMinor(creditLimitMinor(state.annualTrade!.minor, gradeCode, compiled), policy.currency)
        if (toLimit.currency !== policy.currency) return no(`the new limit must be in ${policy.currency}`)
        if (toGrade === state.currentGrade && toLimit.minor === state.currentLimit!.minor) {
          return no(
            "a serious anomaly must change the grade or the limit; report it not serious to keep them",
          )
        }
        const change: CreditChange = {
          fromGrade: state.currentGrade!,
          toGrade,
          fromLimit: state.currentLimit!,
          toLimit,
          reason: command.cause,
          measures: command.measures,
        }
        const facts = { customerId: state.customerId, annualTrade: state.annualTrade!, ...change }
        const route: Result.Result<CreditApprovalRoute, NotWithinAuthority | PlanRefusal> =
          options.approvalPolicy === undefined
            ? creditApprovalRoute(
                policy,
                creditDecisions.limit,
                toLimit,
                policy.approval.gradeChangeMinimumRole,
                creditGradeChangeForm.id,
              )
            : plannedCreditRoute(
                options.approvalPolicy,
                "credit.gradeChange",
                toLimit,
                Result.getOrThrow(gradeChangeApprovalValues(creditGradeChangeForm.id, facts)),
              )
        if (Result.isFailure(route)) return Result.fail(route.failure)
        const values = gradeChangeApprovalValues(route.success.formId, facts)
        if (Result.isFailure(values)) return Result.fail(values.failure)
        return Result.succeed([
          {
            type: "ChangeProposed",
            at: command.at,
            investigator: command.investigator,
            change,
            approvalKey: idempotencyKey(
              creditGradeChangeName,
              state.changeId,
              state.sequence,
              "approval.submit",
            ),
            decidingRole: route.success.decidingRole,
            steps: route.success.steps,
            formId: route.success.formId,
            values: values.success,
          },
        ])
      }
      case "DecideApproval": {
        const check = checkApprovalDecision(state, state.status === "awaitingApproval", command)
        if (check.verdict === "repeat") return Result.succeed([])
        if (check.verdict === "refuse") return no(check.reason)
        if (command.outcome === "approved") {
          const noticeDueAt = command.at + policy.approval.customerNoticeWithinHours * hourMillis
          return Result.succeed([{ type: "GradeChanged", ...approvalDecisionOf(command), noticeDueAt }])
        }
        return Result.succeed([
          { type: "ChangeRejected", ...approvalDecisionOf(command), outcome: command.outcome },
        ])
      }
      case "ConfirmCustomerNotified":
        if (state.status !== "changed") return no("the customer is told once the change is approved")
        return Result.succeed([
          {
            type: "CustomerNotified",
            at: command.at,
            actor: command.actor,
            channel: command.channel,
            note: command.note,
          },
        ])
      case "RemindCustomerNotice":
        if (state.status !== "changed" || state.noticeReminded) return Result.succeed([])
        return Result.succeed([{ type: "CustomerNoticeReminded", at: command.at }])
      case "Cancel":
        if (state.status !== "investigating" && state.status !== "awaitingApproval") {
          return no("only a change under investigation or awaiting approval can be cancelled")
        }
        return Result.succeed([
          {
            type: "Cancelled",
            at: command.at,
            actor: command.actor,
            reason: command.reason,
            withdrawApprovalKey: state.status === "awaitingApproval" ? state.approval?.key : undefined,
          },
        ])
    }
  }

  function evolve(state: CreditGradeChangeState, event: CreditGradeChangeEvent): CreditGradeChangeState {
    const next = { ...state, sequence: state.sequence + 1 }
    switch (event.type) {
      case "AnomalyReported":
        return {
          ...next,
          status: "investigating",
          changeId: event.changeId,
          customerId: event.customerId,
          customerName: event.customerName,
          policyVersion: event.policyVersion,
          reportedBy: event.reportedBy,
          currentGrade: event.currentGrade,
          currentLimit: event.currentLimit,
          annualTrade: event.annualTrade,
          anomaly: event.description,
          signals: event.signals,
        }
      case "FoundNotSerious":
        return { ...next, status: "keptNotSerious", investigator: event.investigator }
      case "ChangeProposed":
        return {
          ...next,
          status: "awaitingApproval",
          investigator: event.investigator,
          change: event.change,
          approval: { key: event.approvalKey, decidingRole: event.decidingRole, steps: event.steps },
        }
      case "GradeChanged":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, true),
          status: "changed",
          decidedBy: event.decidedBy,
          noticeDueAt: event.noticeDueAt,
        }
      case "ChangeRejected":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
          status: "rejected",
          decidedBy: event.decidedBy,
        }
      case "CustomerNotified":
        return { ...next, status: "notified" }
      case "CustomerNoticeReminded":
        return { ...next, noticeReminded: true }
      case "Cancelled":
        return { ...next, status: "cancelled" }
    }
  }

  function deadlines(state: CreditGradeChangeState): ReadonlyArray<Deadline<CreditGradeChangeCommand>> {
    if (state.status !== "changed" || state.noticeReminded || state.noticeDueAt === undefined) return []
    return [{ key: "customer-notice", dueAt: state.noticeDueAt, command: { type: "RemindCustomerNotice" } }]
  }

  function effects(
    state: CreditGradeChangeState,
    event: CreditGradeChangeEvent,
    step: { readonly instanceId: string; readonly sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) => idempotencyKey(creditGradeChangeName, step.instanceId, step.sequence, kind)
    const customer = state.customerName ?? state.customerId
    const investigator = state.investigator
      ? { person: state.investigator.personId }
      : { role: "supervisor" as const }
    switch (event.type) {
      case "AnomalyReported":
        return [
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: `${state.changeId}/investigate`,
              subject: `调查客户信用异常 Investigate a credit anomaly: ${customer}`,
              body: event.description,
            },
            // 通知客户信息主管: the flow chart hands the anomaly to the information supervisor.
            assignee: { role: "supervisor" },
          },
        ]
      case "ChangeProposed": {
        const change = event.change
        return [
          {
            kind: "approval.submit",
            key: event.approvalKey as IdempotencyKey,
            submission: {
              requestType: "credit.gradeChange",
              businessKey: state.changeId,
              title: label(
                `客户信用等级变更：${customer} ${change.fromGrade} → ${change.toGrade}`,
                `Credit grade change: ${customer} ${change.fromGrade} → ${change.toGrade}`,
              ),
              originator: investigator,
              formId: event.formId,
              values: event.values,
              steps: event.steps,
            },
          },
        ]
      }
      case "GradeChanged": {
        const change = state.change!
        const terms = termsOfGrade(policy, change.toGrade)
        return [
          {
            kind: "host.customer.update",
            key: key("host.customer.update"),
            customerKey: state.customerId,
            fields: creditHostFields({
              grade: change.toGrade,
              limit: change.toLimit,
              paymentTermDays: terms.paymentTermDays,
              paymentMethod: terms.paymentMethod,
              guaranteeRequired: terms.guaranteeRequired,
              score: undefined,
            }),
          },
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: `${state.changeId}/notify-customer`,
              subject: `通知客户信用等级变更 Tell ${customer} of its new credit grade`,
              body: `Grade ${change.fromGrade} → ${change.toGrade}, limit ${toMajorString(change.fromLimit)} → ${toMajorString(change.toLimit)} ${change.toLimit.currency}.`,
              dueAt: event.noticeDueAt,
            },
            assignee: investigator,
          },
        ]
      }
      case "ChangeRejected":
        return [
          notifyRequest(
            key("notify"),
            [investigator],
            "info",
            label("信用等级变更未获批准", "Credit grade change not approved"),
            label(
              `${customer}：信用等级维持不变${event.comment ? `（${event.comment}）` : ""}`,
              `${customer}: the grade stays${event.comment ? ` (${event.comment})` : ""}`,
            ),
            state.changeId,
          ),
        ]
      case "CustomerNotified":
        return customerNotifiedEffects(
          key,
          state.changeId,
          state.customerId,
          `信用等级变更已通知 Credit grade change told to ${customer}`,
          event,
        )
      case "CustomerNoticeReminded":
        return [
          notifyRequest(
            key("notify"),
            [investigator],
            "warning",
            label("请通知客户信用等级变更", "Tell the customer of its new credit grade"),
            label(
              `${customer} 的信用等级变更已批准，尚未通知客户`,
              `${customer}'s grade change is approved but not yet told`,
            ),
            state.changeId,
          ),
        ]
      case "Cancelled":
        return event.withdrawApprovalKey === undefined
          ? []
          : [withdrawApprovalRequest(key("approval.withdraw"), event.withdrawApprovalKey, event.reason)]
      default:
        return []
    }
  }

  return {
    name: creditGradeChangeName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) =>
      state.status === "notified" ||
      state.status === "keptNotSerious" ||
      state.status === "rejected" ||
      state.status === "cancelled",
    statusOf: (state) => state.status,
  }
}
