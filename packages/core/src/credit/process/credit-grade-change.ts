import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition, NotWithinAuthority, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { type Money, ofMinor, toMajorString } from "../../money/money.ts"
import type { NotificationSeverity } from "../../ports/notifier.ts"
import { type GatedState, gatePassed } from "../../process/approval-gate.ts"
import { type CancelledEvent, cancellationEffects, cancelStep } from "../../process/cancellation.ts"
import type { FlowEvent, ShapedCommand, StepFields } from "../../process/command-shapes.ts"
import { commandShape, commandUnion } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import type { GateDecidedFields, GateReturnedFields } from "../../process/gate-events.ts"
import { gateRefused } from "../../process/gate-refused.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Instant } from "../../time/instant.ts"
import { CreditGrade } from "../labels/credit-grade.ts"
import { DangerSignal } from "../labels/danger-signal.ts"
import { compileCreditPolicy } from "../models/compiled-credit-policy.ts"
import { creditLimitMinor } from "../models/credit-terms.ts"
import { type CreditApprovalRoute, creditApprovalRoute, creditDecisions } from "../policy/approval-chain.ts"
import { type CreditPolicy, termsOfGrade } from "../policy/credit-policy.ts"
import { creditGradeChangeForm } from "../schema/grade-change-form.ts"
import { creditHostFields } from "../schema/host-fields.ts"
import { nonNegativeMoneyInputSchema } from "../schema/money-input.ts"
import {
  type GradeChangeFacts,
  gradeChangeApprovalValues,
  type RoutedCreditApproval,
  routeCreditApproval,
  submitCreditApproval,
} from "./approval-values.ts"
import { approvedNoticeStep } from "./approved-notice-step.ts"
import {
  approvedNoticeCommandSchemas,
  type CreditFlowOptions,
  creditCustomerFields,
  customerNoticeTimer,
  customerNotifiedEffects,
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

/** The change proposed: grade and limit from → to, why, and the measures taken with the customer. */
export type CreditChange = Omit<GradeChangeFacts, "customerId" | "annualTrade">

/** The state of one grade change. */
export interface CreditGradeChangeState extends FlowState, GatedState {
  readonly status: CreditGradeChangeStatus
  readonly sequence: number
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
  readonly approval: (Omit<CreditApprovalRoute, "formId"> & { readonly key: string }) | undefined
  readonly decidedBy: PersonId | undefined
  readonly noticeDueAt: Instant | undefined
  readonly noticeReminded: boolean
}

/**
 * The shape of every command of a credit grade change, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const creditGradeChangeCommandSchema = commandUnion(
  /** ① 发现客户信用异常: anyone who sees the anomaly reports it; 年度交易额 is the base of the new limit. */
  commandShape("ReportAnomaly", {
    changeId: commandIdSchema,
    ...creditCustomerFields,
    reportedBy: actorSchema,
    currentGrade: CreditGrade.schema,
    currentLimit: nonNegativeMoneyInputSchema,
    annualTrade: nonNegativeMoneyInputSchema,
    description: commandTextSchema(2000),
    signals: z.array(DangerSignal.schema).optional(),
  }),
  /**
   * ② the cause and ③ whether it is serious; when it is, the new grade, the new limit (by default
   * the policy's limit for the new grade on the year's trade) and 发展对策.
   */
  commandShape("RecordInvestigation", {
    investigator: actorSchema,
    cause: commandTextSchema(2000),
    serious: z.boolean(),
    proposedGrade: CreditGrade.schema.optional(),
    proposedLimit: nonNegativeMoneyInputSchema.optional(),
    measures: commandTextSchema(2000).optional(),
  }).refine((command) => !command.serious || command.proposedGrade !== undefined, {
    message: "a serious anomaly needs the proposed grade",
    path: ["proposedGrade"],
  }),
  ...approvedNoticeCommandSchemas,
)

/** The commands of the grade change. */
export type CreditGradeChangeCommand = ShapedCommand<typeof creditGradeChangeCommandSchema>

type Step<Type extends CreditGradeChangeCommand["type"]> = StepFields<CreditGradeChangeCommand, Type>

/** The events of the grade change. */
export type CreditGradeChangeEvent =
  | FlowEvent<
      "AnomalyReported",
      Omit<Step<"ReportAnomaly">, "signals"> & { signals: ReadonlyArray<DangerSignal>; policyVersion: string }
    >
  | FlowEvent<"FoundNotSerious", { investigator: Actor; cause: string }>
  | FlowEvent<
      "ChangeProposed",
      RoutedCreditApproval & { investigator: Actor; change: CreditChange; approvalKey: string }
    >
  | FlowEvent<"GradeChanged", GateDecidedFields & { noticeDueAt: Instant }>
  | FlowEvent<"ChangeRejected", GateReturnedFields>
  | FlowEvent<"CustomerNotified", Step<"ConfirmCustomerNotified">>
  | FlowEvent<"CustomerNoticeReminded">
  | CancelledEvent

/** Why a grade change command is refused. */
export type CreditGradeChangeRefusal =
  | InvalidTransition
  | ValidationError
  | NotWithinAuthority
  | PolicyRefusal

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
 * The credit grade change: 004 ch.7 客户信用等级变更流程 — ① an anomaly is reported → ② its cause
 * investigated → ③ serious? no: the grade stays; yes: ④ the grade is changed ✓ (客户服务部经理, or
 * above when the new limit exceeds the manager's `credit.limit` authority) → ⑤ the change is
 * registered on the customer record (修改信用等级, 变更登记) → ⑥ the customer is told. The approval
 * carries 客户信用度变更表.
 */
export function creditGradeChangeProcess(policy: CreditPolicy, options: CreditFlowOptions = {}) {
  const compiled = compileCreditPolicy(policy)

  return defineFlow<
    CreditGradeChangeState,
    CreditGradeChangeCommand,
    CreditGradeChangeEvent,
    CreditGradeChangeRefusal
  >({
    name: creditGradeChangeName,
    initialState,
    commands: creditGradeChangeCommandSchema,
    idOf: (state) => state.changeId,
    finished: ["notified", "keptNotSerious", "rejected", "cancelled"],
    steps: {
      // ① 发现客户信用异常 (anyone; handed to the 客户信息主管)
      ReportAnomaly: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the anomaly was already reported")
        if ([command.currentLimit, command.annualTrade].some((amount) => amount.currency !== policy.currency))
          return decision.refuse(`amounts must be in ${policy.currency}`)
        const { signals = [], ...reported } = command
        const policyVersion = policy.version
        return decision.accept({ ...reported, type: "AnomalyReported", signals, policyVersion })
      },
      // ② 调查出现异常的原因 ◇ ③ 是否严重？ no: the grade stays — yes: ④ 变更信用等级 ✓ (客户信息主管)
      RecordInvestigation: (state, { serious, proposedGrade, proposedLimit, ...command }, decision) => {
        if (state.status !== "investigating")
          return decision.refuse("the anomaly is investigated once, after it is reported")
        const { at, investigator, cause } = command
        if (!serious) return decision.accept({ type: "FoundNotSerious", at, investigator, cause })
        const toGrade = proposedGrade!
        const gradeCode = CreditGrade.values.indexOf(toGrade)
        const toLimit =
          proposedLimit ??
          ofMinor(creditLimitMinor(state.annualTrade!.minor, gradeCode, compiled), policy.currency)
        if (toLimit.currency !== policy.currency)
          return decision.refuse(`the new limit must be in ${policy.currency}`)
        if (toGrade === state.currentGrade && toLimit.minor === state.currentLimit!.minor)
          return decision.refuse(
            "a serious anomaly must change the grade or the limit; report it not serious to keep them",
          )
        const [fromGrade, fromLimit] = [state.currentGrade!, state.currentLimit!]
        const change = { fromGrade, toGrade, fromLimit, toLimit, reason: cause, measures: command.measures }
        const facts = { customerId: state.customerId, annualTrade: state.annualTrade!, ...change }
        const approval = routeCreditApproval(
          options,
          {
            type: "credit.gradeChange",
            amount: toLimit,
            ownFormId: creditGradeChangeForm.id,
            valuesFor: (formId) => gradeChangeApprovalValues(formId, facts),
          },
          () =>
            creditApprovalRoute(
              policy,
              creditDecisions.limit,
              toLimit,
              policy.approval.gradeChangeMinimumRole,
              creditGradeChangeForm.id,
            ),
        )
        if (Result.isFailure(approval)) return Result.fail(approval.failure)
        const [routed, approvalKey] = [approval.success, decision.keyAt(0, "approval.submit")]
        return decision.accept({ type: "ChangeProposed", at, investigator, change, approvalKey, ...routed })
      },
      // ✓ approved: ⑤ 修改信用等级, 变更登记 and ⑥ within the policy's hours — rejected: the grade stays
      DecideApproval: approvedNoticeStep(policy, { approved: "GradeChanged", returned: "ChangeRejected" }),
      // ⑥ 通知客户 (客户信息主管)
      ConfirmCustomerNotified: (state, command, decision) =>
        state.status === "changed"
          ? decision.accept({ ...command, type: "CustomerNotified" })
          : decision.refuse("the customer is told once the change is approved"),
      RemindCustomerNotice: (state, { at }, decision) =>
        decision.acceptIf(state.status === "changed" && !state.noticeReminded, {
          type: "CustomerNoticeReminded",
          at,
        }),
      Cancel: cancelStep(
        (state) =>
          state.status === "investigating" || state.status === "awaitingApproval"
            ? undefined
            : "only a change under investigation or awaiting approval can be cancelled",
        (state) => state.status === "awaitingApproval",
      ),
    },
    folds: {
      AnomalyReported: (state, { type: _, at: __, description, ...reported }) => ({
        ...state,
        ...reported,
        status: "investigating",
        anomaly: description,
      }),
      FoundNotSerious: (state, { investigator }) => ({ ...state, status: "keptNotSerious", investigator }),
      ChangeProposed: (state, { approvalKey: key, decidingRole, steps, investigator, change }) => {
        const approval = { key, decidingRole, steps }
        return { ...state, status: "awaitingApproval", investigator, change, approval }
      },
      GradeChanged: (state, { decidedBy, noticeDueAt }) => ({
        ...gatePassed(state),
        status: "changed",
        decidedBy,
        noticeDueAt,
      }),
      ChangeRejected: (state, { decidedBy }) => ({ ...gateRefused(state), status: "rejected", decidedBy }),
      CustomerNotified: (state) => ({ ...state, status: "notified" }),
      CustomerNoticeReminded: (state) => ({ ...state, noticeReminded: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) => customerNoticeTimer(state, state.status === "changed"),
    effects: {
      // 通知客户信息主管: the flow chart hands the anomaly to the information supervisor.
      AnomalyReported: (state, event, host) => [
        host.task(
          { role: "supervisor" },
          {
            externalKey: `${state.changeId}/investigate`,
            subject: `调查客户信用异常 Investigate a credit anomaly: ${customerOf(state)}`,
            body: event.description,
          },
        ),
      ],
      ChangeProposed: (state, event, host) => {
        const grades = `${customerOf(state)} ${event.change.fromGrade} → ${event.change.toGrade}`
        const title = label(`客户信用等级变更：${grades}`, `Credit grade change: ${grades}`)
        const request = { requestType: "credit.gradeChange", businessKey: state.changeId, title } as const
        return [submitCreditApproval(host, event, request, investigatorOf(state))]
      },
      GradeChanged: (state, event, host) => {
        const { fromGrade, toGrade, fromLimit, toLimit } = state.change!
        const { paymentTermDays, paymentMethod, guaranteeRequired } = termsOfGrade(policy, toGrade)
        const limits = `${toMajorString(fromLimit)} → ${toMajorString(toLimit)} ${toLimit.currency}`
        const terms = { grade: toGrade, limit: toLimit, paymentTermDays, paymentMethod, guaranteeRequired }
        return [
          host.updateCustomer(state.customerId, creditHostFields({ ...terms, score: undefined })),
          host.task(investigatorOf(state), {
            externalKey: `${state.changeId}/notify-customer`,
            subject: `通知客户信用等级变更 Tell ${customerOf(state)} of its new credit grade`,
            body: `Grade ${fromGrade} → ${toGrade}, limit ${limits}.`,
            dueAt: event.noticeDueAt,
          }),
        ]
      },
      ChangeRejected: (state, { comment }, host) =>
        tellInvestigator(
          state,
          host,
          "info",
          ["信用等级变更未获批准", "Credit grade change not approved"],
          [
            `：信用等级维持不变${comment ? `（${comment}）` : ""}`,
            `: the grade stays${comment ? ` (${comment})` : ""}`,
          ],
        ),
      CustomerNotified: (state, event, host) =>
        customerNotifiedEffects(
          host.key,
          state.changeId,
          state.customerId,
          `信用等级变更已通知 Credit grade change told to ${customerOf(state)}`,
          event,
        ),
      CustomerNoticeReminded: (state, _event, host) =>
        tellInvestigator(
          state,
          host,
          "warning",
          ["请通知客户信用等级变更", "Tell the customer of its new credit grade"],
          [" 的信用等级变更已批准，尚未通知客户", "'s grade change is approved but not yet told"],
        ),
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

const customerOf = (state: CreditGradeChangeState) => state.customerName ?? state.customerId
const investigatorOf = (state: CreditGradeChangeState) =>
  personOrPost(state.investigator?.personId, "supervisor")

/** A notification to the investigator: a title, and a body after the customer's name, in zh-CN and en. */
const tellInvestigator = (
  state: CreditGradeChangeState,
  host: HostEffects,
  severity: NotificationSeverity,
  [titleZh, titleEn]: readonly [string, string],
  [bodyZh, bodyEn]: readonly [string, string],
) => [
  host.notify(
    [investigatorOf(state)],
    severity,
    label(titleZh, titleEn),
    label(`${customerOf(state)}${bodyZh}`, `${customerOf(state)}${bodyEn}`),
  ),
]
