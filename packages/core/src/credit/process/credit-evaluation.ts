import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition, NotWithinAuthority } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { format, type Money, toMajorString } from "../../money/money.ts"
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
import { AssessmentAnswer } from "../labels/assessment-answer.ts"
import { BankruptcySign } from "../labels/bankruptcy-sign.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import type { DangerSignal } from "../labels/danger-signal.ts"
import { InvestigationAgency, InvestigationMethod } from "../labels/investigation.ts"
import type { NoticeChannel } from "../labels/notice-channel.ts"
import type { PaymentMethod } from "../labels/payment-method.ts"
import { assessCredit } from "../models/assess-credit.ts"
import { type CreditApprovalStep, creditApprovalRoute, creditDecisions } from "../policy/approval-chain.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import { creditRatingForm } from "../schema/credit-rating-form.ts"
import { creditHostFields } from "../schema/host-fields.ts"
import { moneyInputSchema, nonNegativeMoneyInputSchema } from "../schema/money-input.ts"
import {
  type CancelCommand,
  type ConfirmCustomerNotified,
  customerNotifiedEffects,
  type RemindCustomerNotice,
  sharedCommandSchemas,
} from "./process-support.ts"

/** The process name of the credit evaluation; part of every idempotency key. */
export const creditEvaluationName = "credit.evaluation"

/** Where a credit evaluation stands. */
export type CreditEvaluationStatus =
  | "none"
  | "applied"
  | "investigating"
  | "measures"
  | "awaitingApproval"
  | "approved"
  | "notified"
  | "cancelled"

/** The grade and terms proposed for approval (信用评定). */
export interface CreditProposal {
  readonly grade: CreditGrade
  readonly score: number | undefined
  readonly limit: Money
  readonly paymentTermDays: number
  readonly paymentMethod: PaymentMethod
  readonly guaranteeRequired: boolean
}

/** An approval the instance waits on. */
export interface PendingCreditApproval {
  readonly key: string
  readonly decidingRole: Role | undefined
  readonly steps: ReadonlyArray<CreditApprovalStep>
  readonly formId: string
  readonly requestedAt: Instant
}

/** The state of one credit evaluation. */
export interface CreditEvaluationState {
  readonly status: CreditEvaluationStatus
  /** Events folded in so far: the sequence number of the next event. */
  readonly sequence: number
  /** Approval decisions recorded so far, so a decision delivered again changes nothing. */
  readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
  readonly evaluationId: string
  readonly customerId: string
  readonly customerName: string | undefined
  readonly policyVersion: string
  readonly applicant: Actor | undefined
  readonly requestedLimit: Money | undefined
  readonly investigator: Actor | undefined
  readonly proposal: CreditProposal | undefined
  readonly sound: boolean | undefined
  readonly danger: ReadonlyArray<DangerSignal>
  readonly measures: string | undefined
  readonly approval: PendingCreditApproval | undefined
  readonly approvedBy: PersonId | undefined
  readonly noticeDueAt: Instant | undefined
  readonly noticeReminded: boolean
  /** How often approval was refused and the case went back to investigation. */
  readonly rejections: number
}

/** The investigation's findings: the facts `assessCredit` scores (without the customer id). */
export interface CreditFindings {
  readonly answers: Readonly<Record<string, AssessmentAnswer | number>>
  readonly annualRevenue: Money
  readonly openReceivables: Money
  readonly openOrders: Money
  readonly oldestOverdueDays: number
  readonly bouncedPayments: number
  readonly bankruptcySigns: ReadonlyArray<BankruptcySign>
}

/** The commands of the credit evaluation. */
export type CreditEvaluationCommand =
  | {
      /** A customer applies for credit, or sales asks for it (信用申请). */
      readonly type: "Apply"
      readonly at: Instant
      readonly evaluationId: string
      readonly customerId: string
      readonly customerName?: string
      readonly applicant: Actor
      readonly requestedLimit?: Money
      readonly reason?: string
    }
  | {
      /** ①–③ agency, method and content chosen; the investigation starts. */
      readonly type: "StartInvestigation"
      readonly at: Instant
      readonly investigator: Actor
      readonly agency: InvestigationAgency
      readonly methods: ReadonlyArray<InvestigationMethod>
      readonly content?: string
    }
  | {
      /** ④⑤ the findings, scored under the policy: credit sound? */
      readonly type: "RecordFindings"
      readonly at: Instant
      readonly investigator: Actor
      readonly findings: CreditFindings
    }
  | {
      /** The measures against a sudden deterioration (客户信用状况骤变的对策), when credit is unsound. */
      readonly type: "RecordMeasures"
      readonly at: Instant
      readonly actor: Actor
      readonly measures: string
    }
  | DecideApproval
  | ConfirmCustomerNotified
  | RemindCustomerNotice
  | CancelCommand

/** The events of the credit evaluation. */
export type CreditEvaluationEvent =
  | {
      readonly type: "Applied"
      readonly at: Instant
      readonly evaluationId: string
      readonly customerId: string
      readonly customerName: string | undefined
      readonly applicant: Actor
      readonly requestedLimit: Money | undefined
      readonly reason: string | undefined
      readonly policyVersion: string
    }
  | {
      readonly type: "InvestigationStarted"
      readonly at: Instant
      readonly investigator: Actor
      readonly agency: InvestigationAgency
      readonly methods: ReadonlyArray<InvestigationMethod>
      readonly content: string | undefined
    }
  | {
      readonly type: "Scored"
      readonly at: Instant
      readonly investigator: Actor
      readonly proposal: CreditProposal
      readonly sound: boolean
      readonly danger: ReadonlyArray<DangerSignal>
    }
  | {
      readonly type: "MeasuresRecorded"
      readonly at: Instant
      readonly actor: Actor
      readonly measures: string
    }
  | {
      readonly type: "ApprovalRequested"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidingRole: Role | undefined
      readonly steps: ReadonlyArray<CreditApprovalStep>
      readonly formId: string
    }
  | {
      readonly type: "Approved"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
      readonly noticeDueAt: Instant
    }
  | {
      readonly type: "Rejected"
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
      /** The approval to withdraw, when one was pending. */
      readonly withdrawApprovalKey: string | undefined
    }

/** Why a credit evaluation command is refused. */
export type CreditEvaluationRefusal = InvalidTransition | ValidationError | NotWithinAuthority

const findingsSchema = z.strictObject({
  answers: z.record(z.string(), z.union([AssessmentAnswer.schema, z.number().int().min(0).max(100)])),
  annualRevenue: nonNegativeMoneyInputSchema,
  openReceivables: nonNegativeMoneyInputSchema,
  openOrders: nonNegativeMoneyInputSchema,
  oldestOverdueDays: z.number().int().min(0).max(36_500),
  bouncedPayments: z.number().int().min(0).max(100_000),
  bankruptcySigns: z.array(BankruptcySign.schema),
})

/**
 * The shape of every command of a credit evaluation, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const creditEvaluationCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("Apply"),
    at: commandInstantSchema,
    evaluationId: commandIdSchema,
    customerId: commandIdSchema,
    customerName: commandTextSchema(200).optional(),
    applicant: actorSchema,
    requestedLimit: moneyInputSchema.optional(),
    reason: commandTextSchema(2000).optional(),
  }),
  z.strictObject({
    type: z.literal("StartInvestigation"),
    at: commandInstantSchema,
    investigator: actorSchema,
    agency: InvestigationAgency.schema,
    methods: z.array(InvestigationMethod.schema).min(1, "choose at least one method"),
    content: commandTextSchema(2000).optional(),
  }),
  z.strictObject({
    type: z.literal("RecordFindings"),
    at: commandInstantSchema,
    investigator: actorSchema,
    findings: findingsSchema,
  }),
  z.strictObject({
    type: z.literal("RecordMeasures"),
    at: commandInstantSchema,
    actor: actorSchema,
    measures: commandTextSchema(2000),
  }),
  decideApprovalSchema,
  sharedCommandSchemas.confirmCustomerNotified,
  sharedCommandSchemas.remindCustomerNotice,
  sharedCommandSchemas.cancel,
]) as unknown as z.ZodType<CreditEvaluationCommand>

const initialState: CreditEvaluationState = {
  status: "none",
  sequence: 0,
  evaluationId: "",
  customerId: "",
  customerName: undefined,
  policyVersion: "",
  applicant: undefined,
  requestedLimit: undefined,
  investigator: undefined,
  proposal: undefined,
  sound: undefined,
  danger: [],
  measures: undefined,
  approval: undefined,
  decidedApprovals: [],
  approvedBy: undefined,
  noticeDueAt: undefined,
  noticeReminded: false,
  rejections: 0,
}

/**
 * The credit evaluation as a decider: 004 ch.2 客户信用调查流程 (① agency ② method ③ content
 * ④ investigate ⑤ analyse ◇ credit sound? — no: measures against the deterioration — ⑥ report)
 * joined to 004 ch.7 客户信用制度制定流程 ⑥ 核定客户信用额度、账期 ✓ ⑦ 通知客户:
 *
 * Apply → StartInvestigation → RecordFindings (scored under the policy) → [unsound: RecordMeasures]
 * → approval of grade and limit (✓ by the post the authority policy names for `credit.limit`,
 * at least `evaluationMinimumRole`) → [rejected: back to investigation] → the grade and limit are
 * written on the customer record and the officer is asked to tell the customer → ConfirmCustomerNotified.
 *
 * The score, the grade, the limit and the approvers are decided once, from the policy, and kept in
 * the events, so replay never depends on today's policy.
 */
export function creditEvaluationProcess(
  policy: CreditPolicy,
): ProcessDefinition<
  CreditEvaluationState,
  CreditEvaluationCommand,
  CreditEvaluationEvent,
  CreditEvaluationRefusal
> {
  const keyOf = (state: CreditEvaluationState, offset: number, kind: string) =>
    idempotencyKey(creditEvaluationName, state.evaluationId, state.sequence + offset, kind)

  function requestApproval(
    state: CreditEvaluationState,
    proposal: CreditProposal,
    at: Instant,
    offset: number,
  ): Result.Result<CreditEvaluationEvent, NotWithinAuthority> {
    const route = creditApprovalRoute(
      policy,
      creditDecisions.limit,
      proposal.limit,
      policy.approval.evaluationMinimumRole,
      creditRatingForm.id,
    )
    if (Result.isFailure(route)) return Result.fail(route.failure)
    return Result.succeed({
      type: "ApprovalRequested",
      at,
      approvalKey: keyOf(state, offset, "approval.submit"),
      decidingRole: route.success.decidingRole,
      steps: route.success.steps,
      formId: route.success.formId,
    })
  }

  function decide(
    state: CreditEvaluationState,
    input: CreditEvaluationCommand,
  ): Result.Result<ReadonlyArray<CreditEvaluationEvent>, CreditEvaluationRefusal> {
    const parsed = parseProcessCommand(
      `${creditEvaluationName}.command`,
      creditEvaluationCommandSchema,
      input,
    )
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    const command = parsed.success
    const no = (reason: string) =>
      refuseTransition(creditEvaluationName, state.evaluationId, state.status, command.type, reason)
    switch (command.type) {
      case "Apply": {
        if (state.status !== "none") return no("the evaluation was already opened")
        if (command.requestedLimit !== undefined && command.requestedLimit.currency !== policy.currency) {
          return no(`the requested limit must be in ${policy.currency}`)
        }
        return Result.succeed([
          {
            type: "Applied",
            at: command.at,
            evaluationId: command.evaluationId,
            customerId: command.customerId,
            customerName: command.customerName,
            applicant: command.applicant,
            requestedLimit: command.requestedLimit,
            reason: command.reason,
            policyVersion: policy.version,
          },
        ])
      }
      case "StartInvestigation":
        if (state.status !== "applied")
          return no("only an application that is not yet investigated can start")
        return Result.succeed([
          {
            type: "InvestigationStarted",
            at: command.at,
            investigator: command.investigator,
            agency: command.agency,
            methods: command.methods,
            content: command.content,
          },
        ])
      case "RecordFindings": {
        if (state.status !== "investigating") return no("findings are recorded during the investigation")
        const assessed = assessCredit({ customerId: state.customerId, ...command.findings }, policy)
        if (Result.isFailure(assessed)) return Result.fail(assessed.failure)
        const assessment = assessed.success
        const recommended = assessment.recommended
        const limit =
          state.requestedLimit !== undefined && state.requestedLimit.minor < recommended.limit.minor
            ? state.requestedLimit
            : recommended.limit
        const proposal: CreditProposal = {
          grade: recommended.grade,
          score: assessment.score,
          limit,
          paymentTermDays: recommended.paymentTermDays,
          paymentMethod: recommended.paymentMethod,
          guaranteeRequired: recommended.guaranteeRequired,
        }
        const lowest = CreditGrade.values[CreditGrade.values.length - 1]
        const sound = proposal.grade !== lowest && assessment.danger.length === 0
        const scored: CreditEvaluationEvent = {
          type: "Scored",
          at: command.at,
          investigator: command.investigator,
          proposal,
          sound,
          danger: assessment.danger.map((finding) => finding.signal),
        }
        if (!sound) return Result.succeed([scored])
        const approval = requestApproval(state, proposal, command.at, 1)
        if (Result.isFailure(approval)) return Result.fail(approval.failure)
        return Result.succeed([scored, approval.success])
      }
      case "RecordMeasures": {
        if (state.status !== "measures") return no("measures are recorded when credit was found unsound")
        const approval = requestApproval(state, state.proposal!, command.at, 1)
        if (Result.isFailure(approval)) return Result.fail(approval.failure)
        return Result.succeed([
          { type: "MeasuresRecorded", at: command.at, actor: command.actor, measures: command.measures },
          approval.success,
        ])
      }
      case "DecideApproval": {
        const check = checkApprovalDecision(state, state.status === "awaitingApproval", command)
        if (check.verdict === "repeat") return Result.succeed([])
        if (check.verdict === "refuse") return no(check.reason)
        if (command.outcome === "approved") {
          const noticeDueAt = command.at + policy.approval.customerNoticeWithinHours * hourMillis
          return Result.succeed([{ type: "Approved", ...approvalDecisionOf(command), noticeDueAt }])
        }
        return Result.succeed([
          { type: "Rejected", ...approvalDecisionOf(command), outcome: command.outcome },
        ])
      }
      case "ConfirmCustomerNotified":
        if (state.status !== "approved")
          return no("the customer is told once the grade and limit are approved")
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
        if (state.status !== "approved" || state.noticeReminded) return Result.succeed([])
        return Result.succeed([{ type: "CustomerNoticeReminded", at: command.at }])
      case "Cancel":
        if (state.status === "none" || state.status === "notified" || state.status === "cancelled") {
          return no("only an open evaluation can be cancelled")
        }
        if (state.status === "approved")
          return no("an approved grade is changed by a grade change, not cancelled")
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

  function evolve(state: CreditEvaluationState, event: CreditEvaluationEvent): CreditEvaluationState {
    const next = { ...state, sequence: state.sequence + 1 }
    switch (event.type) {
      case "Applied":
        return {
          ...next,
          status: "applied",
          evaluationId: event.evaluationId,
          customerId: event.customerId,
          customerName: event.customerName,
          policyVersion: event.policyVersion,
          applicant: event.applicant,
          requestedLimit: event.requestedLimit,
        }
      case "InvestigationStarted":
        return { ...next, status: "investigating", investigator: event.investigator }
      case "Scored":
        return {
          ...next,
          status: event.sound ? "investigating" : "measures",
          investigator: event.investigator,
          proposal: event.proposal,
          sound: event.sound,
          danger: event.danger,
        }
      case "MeasuresRecorded":
        return { ...next, measures: event.measures }
      case "ApprovalRequested":
        return {
          ...next,
          status: "awaitingApproval",
          approval: {
            key: event.approvalKey,
            decidingRole: event.decidingRole,
            steps: event.steps,
            formId: event.formId,
            requestedAt: event.at,
          },
        }
      case "Approved":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, true),
          status: "approved",
          approvedBy: event.decidedBy,
          noticeDueAt: event.noticeDueAt,
        }
      case "Rejected":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
          status: "investigating",
          approval: undefined,
          rejections: state.rejections + 1,
        }
      case "CustomerNotified":
        return { ...next, status: "notified" }
      case "CustomerNoticeReminded":
        return { ...next, noticeReminded: true }
      case "Cancelled":
        return { ...next, status: "cancelled" }
    }
  }

  function deadlines(state: CreditEvaluationState): ReadonlyArray<Deadline<CreditEvaluationCommand>> {
    if (state.status !== "approved" || state.noticeReminded || state.noticeDueAt === undefined) return []
    return [{ key: "customer-notice", dueAt: state.noticeDueAt, command: { type: "RemindCustomerNotice" } }]
  }

  function effects(
    state: CreditEvaluationState,
    event: CreditEvaluationEvent,
    step: { readonly instanceId: string; readonly sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) => idempotencyKey(creditEvaluationName, step.instanceId, step.sequence, kind)
    const customer = state.customerName ?? state.customerId
    const investigator = state.investigator
      ? { person: state.investigator.personId }
      : { role: "officer" as const }
    switch (event.type) {
      case "Applied":
        return [
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: `${state.evaluationId}/investigate`,
              subject: `客户信用调查 Credit investigation: ${customer}`,
              body: `${customer} (${state.customerId}) applied for credit${state.requestedLimit ? ` of ${format(state.requestedLimit, "en")}` : ""}.`,
            },
            assignee: { role: "officer" },
          },
        ]
      case "ApprovalRequested": {
        const proposal = state.proposal!
        return [
          {
            kind: "approval.submit",
            key: event.approvalKey as IdempotencyKey,
            submission: {
              requestType: creditEvaluationName,
              businessKey: state.evaluationId,
              title: label(`客户信用评定：${customer}`, `Credit rating: ${customer}`),
              originator: investigator,
              formId: event.formId,
              values: {
                customer: state.customerId,
                creditGrade: proposal.grade,
                ...(proposal.score === undefined ? {} : { creditScore: proposal.score }),
                paymentMethod: proposal.paymentMethod,
                creditLimit: proposal.limit,
                paymentTermDays: proposal.paymentTermDays,
                guaranteeRequired: proposal.guaranteeRequired,
                ...(state.measures === undefined ? {} : { remarks: state.measures }),
              },
              steps: event.steps,
            },
          },
        ]
      }
      case "Approved": {
        const proposal = state.proposal!
        return [
          {
            kind: "host.customer.update",
            key: key("host.customer.update"),
            customerKey: state.customerId,
            fields: creditHostFields(proposal),
          },
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: `${state.evaluationId}/notify-customer`,
              subject: `通知客户信用评定结果 Tell ${customer} its credit terms`,
              body: `Grade ${proposal.grade}, limit ${toMajorString(proposal.limit)} ${proposal.limit.currency}, ${proposal.paymentTermDays} days, ${proposal.paymentMethod}${proposal.guaranteeRequired ? ", guarantee required" : ""}.`,
              dueAt: event.noticeDueAt,
            },
            assignee: investigator,
          },
        ]
      }
      case "Rejected":
        return [
          notifyRequest(
            key("notify"),
            [investigator],
            "warning",
            label("信用评定未获批准", "Credit rating not approved"),
            label(
              `${customer}：${event.comment ?? "请补充调查后重新提交"}`,
              `${customer}: ${event.comment ?? "investigate further and submit again"}`,
            ),
            state.evaluationId,
          ),
        ]
      case "CustomerNotified":
        return customerNotifiedEffects(
          key,
          state.evaluationId,
          state.customerId,
          `信用评定结果已通知 Credit terms told to ${customer}`,
          event,
        )
      case "CustomerNoticeReminded":
        return [
          notifyRequest(
            key("notify"),
            [investigator],
            "warning",
            label("请通知客户信用评定结果", "Tell the customer its credit terms"),
            label(
              `${customer} 的信用评定已批准，尚未通知客户`,
              `${customer}'s credit terms are approved but not yet told`,
            ),
            state.evaluationId,
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
    name: creditEvaluationName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) => state.status === "notified" || state.status === "cancelled",
    statusOf: (state) => state.status,
  }
}
