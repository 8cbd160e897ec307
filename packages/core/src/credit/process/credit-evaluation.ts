import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition, NotWithinAuthority } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { format, type Money } from "../../money/money.ts"
import {
  type CancelledEvent,
  cancellationEffects,
  cancelStep,
  commandIdSchema,
  commandShape,
  commandTextSchema,
  commandUnion,
  type Decision,
  defineFlow,
  type FlowEvent,
  type FlowState,
  type GateDecidedFields,
  type GatedState,
  type GateReturnedFields,
  gatePassed,
  gateReturned,
  type ProcessDefinition,
  returnedNotice,
  type ShapedCommand,
  type StepFields,
} from "../../process/index.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import type { DangerSignal } from "../labels/danger-signal.ts"
import { InvestigationAgency, InvestigationMethod } from "../labels/investigation.ts"
import { type CreditProposal, creditTermsText, proposeCredit } from "../models/credit-proposal.ts"
import { type CreditApprovalRoute, creditApprovalRoute, creditDecisions } from "../policy/approval-chain.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import { creditFindingsSchema } from "../schema/credit-findings.ts"
import { creditRatingForm, creditRatingValues } from "../schema/credit-rating-form.ts"
import { creditHostFields } from "../schema/host-fields.ts"
import { moneyInputSchema } from "../schema/money-input.ts"
import { approvedNoticeStep } from "./approved-notice-step.ts"
import {
  approvedNoticeCommandSchemas,
  creditCustomerFields,
  customerNoticeTimer,
  customerNotifiedEffects,
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

/** An approval the instance waits on: the route the policy named, under its key, since when. */
export interface PendingCreditApproval extends CreditApprovalRoute {
  readonly key: string
  readonly requestedAt: Instant
}

/** The state of one credit evaluation. */
export interface CreditEvaluationState extends FlowState, GatedState {
  readonly status: CreditEvaluationStatus
  /** Events folded in so far: the sequence number of the next event. */
  readonly sequence: number
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

/**
 * The shape of every command of a credit evaluation, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const creditEvaluationCommandSchema = commandUnion(
  /** A customer applies for credit, or sales asks for it (信用申请). */
  commandShape("Apply", {
    evaluationId: commandIdSchema,
    ...creditCustomerFields,
    applicant: actorSchema,
    requestedLimit: moneyInputSchema.optional(),
    reason: commandTextSchema(2000).optional(),
  }),
  /** ①–③ agency, method and content chosen; the investigation starts. */
  commandShape("StartInvestigation", {
    investigator: actorSchema,
    agency: InvestigationAgency.schema,
    methods: z.array(InvestigationMethod.schema).min(1, "choose at least one method"),
    content: commandTextSchema(2000).optional(),
  }),
  /** ④⑤ the findings, scored under the policy: credit sound? */
  commandShape("RecordFindings", { investigator: actorSchema, findings: creditFindingsSchema }),
  /** The measures against a sudden deterioration (客户信用状况骤变的对策), when credit is unsound. */
  commandShape("RecordMeasures", { actor: actorSchema, measures: commandTextSchema(2000) }),
  ...approvedNoticeCommandSchemas,
)

/** The commands of the credit evaluation. */
export type CreditEvaluationCommand = ShapedCommand<typeof creditEvaluationCommandSchema>

type Step<Type extends CreditEvaluationCommand["type"]> = StepFields<CreditEvaluationCommand, Type>

/** The events of the credit evaluation. */
export type CreditEvaluationEvent =
  | FlowEvent<"Applied", Step<"Apply"> & { policyVersion: string }>
  | FlowEvent<"InvestigationStarted", Step<"StartInvestigation">>
  | FlowEvent<
      "Scored",
      { investigator: Actor; proposal: CreditProposal; sound: boolean; danger: ReadonlyArray<DangerSignal> }
    >
  | FlowEvent<"MeasuresRecorded", Step<"RecordMeasures">>
  | FlowEvent<"ApprovalRequested", CreditApprovalRoute & { approvalKey: string }>
  | FlowEvent<"Approved", GateDecidedFields & { noticeDueAt: Instant }>
  | FlowEvent<"Rejected", GateReturnedFields>
  | FlowEvent<"CustomerNotified", Step<"ConfirmCustomerNotified">>
  | FlowEvent<"CustomerNoticeReminded">
  | CancelledEvent

/** Why a credit evaluation command is refused. */
export type CreditEvaluationRefusal = InvalidTransition | ValidationError | NotWithinAuthority

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
 * The credit evaluation: 004 ch.2 客户信用调查流程 joined to ch.7 客户信用制度制定流程 ⑥⑦.
 * The score, the grade, the limit and the approvers are decided once, from the policy, and kept
 * in the events, so replay never depends on today's policy.
 */
export function creditEvaluationProcess(
  policy: CreditPolicy,
): ProcessDefinition<
  CreditEvaluationState,
  CreditEvaluationCommand,
  CreditEvaluationEvent,
  CreditEvaluationRefusal
> {
  /**
   * ⑥ 核定客户信用额度、账期 ✓ after `first` (the score, or the measures): the approval goes to the
   * post the authority policy names for `credit.limit`, keyed by the event after `first`.
   */
  function withApproval(
    first: CreditEvaluationEvent,
    proposal: CreditProposal,
    decision: Decision<CreditEvaluationEvent>,
  ) {
    const minimum = policy.approval.evaluationMinimumRole
    const route = creditApprovalRoute(
      policy,
      creditDecisions.limit,
      proposal.limit,
      minimum,
      creditRatingForm.id,
    )
    const approvalKey = decision.keyAt(1, "approval.submit")
    return Result.flatMap(route, (approvers) =>
      decision.accept(first, { type: "ApprovalRequested", at: first.at, approvalKey, ...approvers }),
    )
  }

  return defineFlow<
    CreditEvaluationState,
    CreditEvaluationCommand,
    CreditEvaluationEvent,
    CreditEvaluationRefusal
  >({
    name: creditEvaluationName,
    initialState,
    commands: creditEvaluationCommandSchema,
    idOf: (state) => state.evaluationId,
    finished: ["notified", "cancelled"],
    steps: {
      // 信用申请 (applicant: the customer, or sales for it)
      Apply: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the evaluation was already opened")
        if (command.requestedLimit !== undefined && command.requestedLimit.currency !== policy.currency) {
          return decision.refuse(`the requested limit must be in ${policy.currency}`)
        }
        return decision.accept({ ...command, type: "Applied", policyVersion: policy.version })
      },
      // ① 确定调查机构 ② 选择调查方法 ③ 确定调查内容 (credit officer)
      StartInvestigation: (state, command, decision) => {
        if (state.status !== "applied")
          return decision.refuse("only an application that is not yet investigated can start")
        return decision.accept({ ...command, type: "InvestigationStarted" })
      },
      // ④ 实施调查 ⑤ 分析 ◇ 信用状况良好？ yes: ⑥ ✓ — no: measures first
      RecordFindings: (state, command, decision) => {
        if (state.status !== "investigating")
          return decision.refuse("findings are recorded during the investigation")
        const analysed = proposeCredit(policy, state.customerId, state.requestedLimit, command.findings)
        if (Result.isFailure(analysed)) return Result.fail(analysed.failure)
        const { at, investigator } = command
        const scored: CreditEvaluationEvent = { type: "Scored", at, investigator, ...analysed.success }
        if (!analysed.success.sound) return decision.accept(scored)
        return withApproval(scored, analysed.success.proposal, decision)
      },
      // 客户信用状况骤变的对策, then ⑥ ✓
      RecordMeasures: (state, command, decision) => {
        if (state.status !== "measures")
          return decision.refuse("measures are recorded when credit was found unsound")
        return withApproval({ ...command, type: "MeasuresRecorded" }, state.proposal!, decision)
      },
      // ✓ approved: ⑦ 通知客户 within the policy's hours — rejected: back to ④ investigation
      DecideApproval: approvedNoticeStep(policy, { approved: "Approved", returned: "Rejected" }),
      // ⑦ 通知客户
      ConfirmCustomerNotified: (state, command, decision) => {
        if (state.status !== "approved")
          return decision.refuse("the customer is told once the grade and limit are approved")
        return decision.accept({ ...command, type: "CustomerNotified" })
      },
      // 催办 while the customer is not yet told (credit officer)
      RemindCustomerNotice: (state, { at }, decision) =>
        decision.acceptIf(state.status === "approved" && !state.noticeReminded, {
          type: "CustomerNoticeReminded",
          at,
        }),
      // 取消 (applicant or officer), until approved; the approval withdrawn if pending
      Cancel: cancelStep(
        (state) =>
          notOpen.has(state.status)
            ? "only an open evaluation can be cancelled"
            : state.status === "approved"
              ? "an approved grade is changed by a grade change, not cancelled"
              : undefined,
        (state) => state.status === "awaitingApproval",
      ),
    },
    folds: {
      Applied: (state, { type: _, at: __, reason: ___, ...application }) => ({
        ...state,
        ...application,
        status: "applied",
      }),
      InvestigationStarted: (state, event) => ({
        ...state,
        status: "investigating",
        investigator: event.investigator,
      }),
      Scored: (state, { investigator, proposal, sound, danger }) => ({
        ...state,
        status: sound ? "investigating" : "measures",
        investigator,
        proposal,
        sound,
        danger,
      }),
      MeasuresRecorded: (state, event) => ({ ...state, measures: event.measures }),
      ApprovalRequested: (state, { approvalKey: key, decidingRole, steps, formId, at }) => ({
        ...state,
        status: "awaitingApproval",
        approval: { key, decidingRole, steps, formId, requestedAt: at },
      }),
      Approved: (state, event) => ({
        ...gatePassed(state),
        status: "approved",
        approvedBy: event.decidedBy,
        noticeDueAt: event.noticeDueAt,
      }),
      Rejected: (state) => ({
        ...gateReturned(state),
        status: "investigating",
        rejections: state.rejections + 1,
      }),
      CustomerNotified: (state) => ({ ...state, status: "notified" }),
      CustomerNoticeReminded: (state) => ({ ...state, noticeReminded: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) => customerNoticeTimer(state, state.status === "approved"),
    effects: {
      Applied: (state, _event, host) => {
        const customer = customerOf(state)
        const asked = state.requestedLimit ? ` of ${format(state.requestedLimit, "en")}` : ""
        return [
          host.task(
            { role: "officer" },
            {
              externalKey: `${state.evaluationId}/investigate`,
              subject: `客户信用调查 Credit investigation: ${customer}`,
              body: `${customer} (${state.customerId}) applied for credit${asked}.`,
            },
          ),
        ]
      },
      ApprovalRequested: (state, event, host) => {
        const customer = customerOf(state)
        return [
          host.submitApproval(event.approvalKey, {
            requestType: creditEvaluationName,
            businessKey: state.evaluationId,
            title: label(`客户信用评定：${customer}`, `Credit rating: ${customer}`),
            originator: investigatorOf(state),
            formId: event.formId,
            values: creditRatingValues(state.customerId, state.proposal!, state.measures),
            steps: event.steps,
          }),
        ]
      },
      Approved: (state, event, host) => [
        host.updateCustomer(state.customerId, creditHostFields(state.proposal!)),
        host.task(investigatorOf(state), {
          externalKey: `${state.evaluationId}/notify-customer`,
          subject: `通知客户信用评定结果 Tell ${customerOf(state)} its credit terms`,
          body: creditTermsText(state.proposal!),
          dueAt: event.noticeDueAt,
        }),
      ],
      Rejected: (state, { comment }, host) => [
        returnedNotice(host, {
          to: investigatorOf(state),
          title: label("信用评定未获批准", "Credit rating not approved"),
          subject: customerOf(state),
          comment,
          otherwise: label("请补充调查后重新提交", "investigate further and submit again"),
        }),
      ],
      CustomerNotified: (state, event, host) =>
        customerNotifiedEffects(
          host.key,
          state.evaluationId,
          state.customerId,
          `信用评定结果已通知 Credit terms told to ${customerOf(state)}`,
          event,
        ),
      CustomerNoticeReminded: (state, _event, host) => {
        const customer = customerOf(state)
        return [
          host.notify(
            [investigatorOf(state)],
            "warning",
            label("请通知客户信用评定结果", "Tell the customer its credit terms"),
            label(
              `${customer} 的信用评定已批准，尚未通知客户`,
              `${customer}'s credit terms are approved but not yet told`,
            ),
          ),
        ]
      },
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

/** The statuses in which there is nothing to cancel: not yet applied, or ended. */
const notOpen = new Set<CreditEvaluationStatus>(["none", "notified", "cancelled"])

const customerOf = (state: CreditEvaluationState) => state.customerName ?? state.customerId
const investigatorOf = (state: CreditEvaluationState) =>
  state.investigator ? { person: state.investigator.personId } : { role: "officer" as const }
