import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { FormValue } from "../../forms/form.ts"
import { departmentId, type PersonId } from "../../ids/ids.ts"
import { asWritten, label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
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
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { issuesUnderField } from "../../process/field-issues.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import { submitFormForApproval } from "../../process/form-approval.ts"
import { formCommandField } from "../../process/form-command-field.ts"
import { gateDecisionStep, gateEventTypes } from "../../process/gate-decision-step.ts"
import type { ApprovalGateEvents } from "../../process/gate-events.ts"
import { sentBackNotice } from "../../process/review-step.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { PresalesInformationRating } from "../labels/presales-support.ts"
import type { ValueQuadrant } from "../labels/value-quadrant.ts"
import { type MonthlyReportSummary, summariseMonthlyReport } from "../models/monthly-report-summary.ts"
import { valueMatrix } from "../models/value-matrix.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"
import { keyAccountFileForm } from "../schema/key-account-file-form.ts"
import { keyAccountMonthlyReportForm } from "../schema/key-account-monthly-report-form.ts"
import { keyAccountSupportForm } from "../schema/key-account-support-form.ts"
import { serviceReviewForm } from "../schema/service-review-form.ts"
import { serviceStrategyForm } from "../schema/service-strategy-form.ts"
import { supervisorOf } from "./cycle-support.ts"

/** The process name of key-account service management; part of every idempotency key. */
export const keyAccountServiceName = "accounts.service-management"

/** Where a service-management cycle stands. */
export type KeyAccountServiceStatus =
  | "none"
  | "strategyAwaitingApproval"
  | "strategyReturned"
  | "implementing"
  | "closed"
  | "cancelled"

/** ① 大客户管理战略与目标 as its form validates it. */
export type ServiceStrategy = FormValue<(typeof serviceStrategyForm)["fields"]>

/** A 大客户支持表 request of the cycle and where it stands. */
export interface SupportRequestStatus {
  readonly requestId: string
  readonly customerId: string
  readonly applicant: PersonId
  readonly dueAt: Instant
  readonly answered: boolean
  readonly escalated: boolean
}

/** The state of one service-management cycle. */
export interface KeyAccountServiceState extends FlowState, GatedState {
  readonly status: KeyAccountServiceStatus
  readonly sequence: number
  readonly cycleId: string
  readonly policyVersion: string
  readonly supervisor: Actor | undefined
  readonly strategy: ServiceStrategy | undefined
  readonly supportRequests: ReadonlyArray<SupportRequestStatus>
  /** The month (YYYY-MM) whose 大客户月报表 waits for 审核, if any. */
  readonly reportUnderReview: string | undefined
  readonly reportsApproved: ReadonlyArray<string>
  readonly accountsClassified: number
  readonly filesUpdated: number
  /** ⑦ reviews that found the goals not met and sent the cycle back to ②. */
  readonly reviewsFailed: number
  readonly approvedBy: PersonId | undefined
}

const monthSchema = z.string().regex(/^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$/, "must be a month, YYYY-MM")

/** Every command of a service-management cycle, validated before a step reads it. */
export const keyAccountServiceCommandSchema = commandUnion(
  /** ① 制定大客户管理战略与目标 (大客户主管), sent for 审批 by the general manager. */
  commandShape("SubmitStrategy", {
    cycleId: commandIdSchema,
    supervisor: actorSchema,
    strategy: formCommandField(serviceStrategyForm),
  }),
  /** ✓ 审批 of the strategy, ✓ 审核 of a monthly report. */
  decideApprovalSchema,
  /** ③ 顾问式的销售行动: the officer asks pre-sales (相关部门) for support on 大客户支持表. */
  commandShape("RequestSupport", {
    requestId: commandIdSchema,
    officer: actorSchema,
    presalesDepartment: commandIdSchema,
    request: formCommandField(keyAccountSupportForm),
  }),
  /** ③ pre-sales answers: who went, how good the request was, what it achieved (售前效果评价). */
  commandShape("AnswerSupport", {
    requestId: commandIdSchema,
    presales: actorSchema,
    staffing: commandTextSchema(500),
    completeness: PresalesInformationRating.schema.optional(),
    correctness: PresalesInformationRating.schema.optional(),
    detail: PresalesInformationRating.schema.optional(),
    overall: PresalesInformationRating.schema.optional(),
    outcome: commandTextSchema(2000),
  }),
  /** The timer of an unanswered support request. */
  commandShape("EscalateSupport", { requestId: commandIdSchema }),
  /** ④ 大客户服务质量管理: the month's 大客户月报表, sent for 审核 (客户服务经理). */
  commandShape("SubmitMonthlyReport", {
    officer: actorSchema,
    month: monthSchema,
    report: formCommandField(keyAccountMonthlyReportForm),
  }),
  /** ⑤ 对大客户进行分类分级管理: the accounts' current and potential value, placed in the value matrix. */
  commandShape("ClassifyAccounts", { actor: actorSchema, accounts: z.array(z.unknown()).min(1).max(10_000) }),
  /** ⑥ 对大客户进行信息档案管理: an account's 大客户档案表 brought up to date. */
  commandShape("UpdateFile", { officer: actorSchema, file: formCommandField(keyAccountFileForm) }),
  /** ⑦ 大客户服务回顾评价 ◇ goals met? */
  commandShape("ReviewService", { reviewer: actorSchema, review: formCommandField(serviceReviewForm) }),
  cancelCommandSchema,
)

/** The commands of a service-management cycle. */
export type KeyAccountServiceCommand = ShapedCommand<typeof keyAccountServiceCommandSchema>

type Step<Type extends KeyAccountServiceCommand["type"]> = StepFields<KeyAccountServiceCommand, Type>

/** The events of a service-management cycle. */
export type KeyAccountServiceEvent =
  | ApprovalGateEvents<"Strategy", Step<"SubmitStrategy"> & { approver: Role; policyVersion: string }>
  | FlowEvent<"SupportRequested", Step<"RequestSupport"> & { dueAt: Instant }>
  | FlowEvent<"SupportAnswered", Step<"AnswerSupport">>
  | FlowEvent<"SupportEscalated", Step<"EscalateSupport">>
  | ApprovalGateEvents<
      "MonthlyReport",
      Step<"SubmitMonthlyReport"> & { approver: Role; summary: MonthlyReportSummary }
    >
  | FlowEvent<
      "AccountsClassified",
      { actor: Actor; placements: ReadonlyArray<{ customerId: string; quadrant: ValueQuadrant }> }
    >
  | FlowEvent<"FileUpdated", Step<"UpdateFile">>
  | FlowEvent<"ServiceReviewed", Step<"ReviewService">>
  | CancelledEvent

/** Why a service-management command is refused. */
export type KeyAccountServiceRefusal = InvalidTransition | ValidationError

const initialState: KeyAccountServiceState = {
  status: "none",
  sequence: 0,
  cycleId: "",
  policyVersion: "",
  supervisor: undefined,
  strategy: undefined,
  supportRequests: [],
  reportUnderReview: undefined,
  reportsApproved: [],
  accountsClassified: 0,
  filesUpdated: 0,
  reviewsFailed: 0,
  approval: undefined,
  decidedApprovals: [],
  approvedBy: undefined,
}

/**
 * 大客户服务管理流程 (004 ch.4 §14): ① the supervisor's strategy and goals, ✓ approved by the general
 * manager; ② carried out: ③ consultative selling with pre-sales support asked for on 大客户支持表
 * (escalated when unanswered), ④ service quality through the monthly 大客户月报表 ✓ reviewed by
 * the customer-service manager, ⑤ the accounts placed in the value matrix, ⑥ their files kept up
 * to date; ⑦ the review ◇ goals met? — no: back to ②, yes: the cycle ends.
 */
export function keyAccountServiceProcess(
  policy: AccountsPolicy,
): ProcessDefinition<
  KeyAccountServiceState,
  KeyAccountServiceCommand,
  KeyAccountServiceEvent,
  KeyAccountServiceRefusal
> {
  const rules = policy.serviceManagement
  const subject = `${keyAccountServiceName}.command`
  const requestOf = (state: KeyAccountServiceState, requestId: string) =>
    state.supportRequests.find((request) => request.requestId === requestId)
  return defineFlow<
    KeyAccountServiceState,
    KeyAccountServiceCommand,
    KeyAccountServiceEvent,
    KeyAccountServiceRefusal
  >({
    name: keyAccountServiceName,
    initialState,
    commands: keyAccountServiceCommandSchema,
    idOf: (state) => state.cycleId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 制定大客户管理战略与目标 (大客户主管) → 审批 (总经理)
      SubmitStrategy: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "strategyReturned")
          return decision.refuse("the strategy opens the cycle, or is submitted again after it was returned")
        if (state.status === "strategyReturned" && command.cycleId !== state.cycleId)
          return decision.refuse(`a returned strategy is resubmitted under its own cycle ${state.cycleId}`)
        return decision.accept({
          ...command,
          type: "StrategySubmitted",
          approvalKey: decision.keyAt(0, "approval.submit", command.cycleId),
          approver: rules.strategyApprover,
          policyVersion: policy.version,
        })
      },
      // ✓ 审批 of ①: approved → ② 实施; returned → ① — ✓ 审核 of ④: the report approved or sent back
      DecideApproval: gateDecisionStep(
        (state) =>
          state.status === "strategyAwaitingApproval" ||
          (state.status === "implementing" && state.reportUnderReview !== undefined),
        (state) => gateEventTypes(state.status === "strategyAwaitingApproval" ? "Strategy" : "MonthlyReport"),
      ),
      // ③ 顾问式的销售行动 (大客户专员): support asked for on 大客户支持表
      RequestSupport: (state, command, decision) => {
        if (state.status !== "implementing")
          return decision.refuse("support is asked for once the strategy is approved")
        if (requestOf(state, command.requestId) !== undefined)
          return decision.refuse(`support request ${command.requestId} was already made`)
        return decision.accept({
          ...command,
          type: "SupportRequested",
          dueAt: command.at + rules.supportAnswerDays * dayMillis,
        })
      },
      // ③ pre-sales (相关部门) answers and rates the request
      AnswerSupport: (state, command, decision) => {
        const request = requestOf(state, command.requestId)
        if (state.status !== "implementing" || request === undefined || request.answered)
          return decision.refuse(`support request ${command.requestId} is not open`)
        return decision.accept({ ...command, type: "SupportAnswered" })
      },
      EscalateSupport: (state, command, decision) => {
        const request = requestOf(state, command.requestId)
        return decision.acceptIf(
          state.status === "implementing" && request !== undefined && !request.answered && !request.escalated,
          { ...command, type: "SupportEscalated" },
        )
      },
      // ④ 大客户服务质量管理 (大客户专员): 大客户月报表 → 审核 (客户服务经理)
      SubmitMonthlyReport: (state, command, decision) => {
        if (state.status !== "implementing")
          return decision.refuse("monthly reports follow the approved strategy")
        if (state.reportUnderReview !== undefined)
          return decision.refuse(`the report of ${state.reportUnderReview} is still under review`)
        if (state.reportsApproved.includes(command.month))
          return decision.refuse(`the report of ${command.month} was already approved`)
        const summary = summariseMonthlyReport(command.report, policy.currency)
        if (Result.isFailure(summary))
          return Result.fail(issuesUnderField(subject, "report", summary.failure))
        return decision.accept({
          ...command,
          type: "MonthlyReportSubmitted",
          approvalKey: decision.keyAt(0, "approval.submit"),
          approver: rules.monthlyReportApprover,
          summary: summary.success,
        })
      },
      // ⑤ 对大客户进行分类分级管理 (客户服务经理): the value matrix under the policy
      ClassifyAccounts: (state, command, decision) => {
        if (state.status !== "implementing")
          return decision.refuse("accounts are classified while the strategy is carried out")
        const matrix = valueMatrix(command.accounts, policy)
        if (Result.isFailure(matrix))
          return Result.fail(issuesUnderField(subject, "accounts", matrix.failure))
        return decision.accept({
          type: "AccountsClassified",
          at: command.at,
          actor: command.actor,
          placements: matrix.success.accounts.map(({ customerId, quadrant }) => ({ customerId, quadrant })),
        })
      },
      // ⑥ 对大客户进行信息档案管理 (大客户专员)
      UpdateFile: (state, command, decision) => {
        if (state.status !== "implementing")
          return decision.refuse("files are kept while the strategy is carried out")
        return decision.accept({ ...command, type: "FileUpdated" })
      },
      // ⑦ 大客户服务回顾评价 (大客户主管) ◇ goals met? yes → 结束; no → back to ②
      ReviewService: (state, command, decision) => {
        if (state.status !== "implementing")
          return decision.refuse("the review closes a strategy being carried out")
        if (command.review.goalsMet) {
          const open = state.supportRequests
            .filter((request) => !request.answered)
            .map((request) => request.requestId)
          if (open.length > 0) return decision.refuse(`support requests still open: ${open.join(", ")}`)
          if (state.reportUnderReview !== undefined)
            return decision.refuse(`the report of ${state.reportUnderReview} is still under review`)
        }
        return decision.accept({ ...command, type: "ServiceReviewed" })
      },
      Cancel: cancelStep(
        (state) =>
          state.status === "none" || state.status === "closed" || state.status === "cancelled"
            ? "only an open service cycle can be cancelled"
            : undefined,
        (state) =>
          state.status === "strategyAwaitingApproval" ||
          (state.status === "implementing" && state.reportUnderReview !== undefined),
      ),
    },
    folds: {
      StrategySubmitted: (state, event) => ({
        ...state,
        status: "strategyAwaitingApproval",
        cycleId: event.cycleId,
        policyVersion: event.policyVersion,
        supervisor: event.supervisor,
        strategy: event.strategy,
        approval: { key: event.approvalKey },
      }),
      StrategyApproved: (state, event) => ({
        ...gatePassed(state),
        status: "implementing",
        approvedBy: event.decidedBy,
      }),
      StrategyReturned: (state) => ({ ...gateReturned(state), status: "strategyReturned" }),
      SupportRequested: (state, event) => ({
        ...state,
        supportRequests: [
          ...state.supportRequests,
          {
            requestId: event.requestId,
            customerId: event.request.customer,
            applicant: event.officer.personId,
            dueAt: event.dueAt,
            answered: false,
            escalated: false,
          },
        ],
      }),
      SupportAnswered: (state, event) => ({
        ...state,
        supportRequests: state.supportRequests.map((request) =>
          request.requestId === event.requestId ? { ...request, answered: true } : request,
        ),
      }),
      SupportEscalated: (state, event) => ({
        ...state,
        supportRequests: state.supportRequests.map((request) =>
          request.requestId === event.requestId ? { ...request, escalated: true } : request,
        ),
      }),
      MonthlyReportSubmitted: (state, event) => ({
        ...state,
        reportUnderReview: event.month,
        approval: { key: event.approvalKey },
      }),
      MonthlyReportApproved: (state) => ({
        ...gatePassed(state),
        reportUnderReview: undefined,
        reportsApproved: [...state.reportsApproved, state.reportUnderReview!],
      }),
      MonthlyReportReturned: (state) => ({ ...gateReturned(state), reportUnderReview: undefined }),
      AccountsClassified: (state, event) => ({ ...state, accountsClassified: event.placements.length }),
      FileUpdated: (state) => ({ ...state, filesUpdated: state.filesUpdated + 1 }),
      ServiceReviewed: (state, event) =>
        event.review.goalsMet
          ? { ...state, status: "closed" }
          : { ...state, reviewsFailed: state.reviewsFailed + 1 },
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      state.status !== "implementing"
        ? []
        : timers(
            ...state.supportRequests.map((request) =>
              timer<KeyAccountServiceCommand>(
                `support:${request.requestId}`,
                request.dueAt,
                { type: "EscalateSupport", requestId: request.requestId },
                request.answered || request.escalated,
              ),
            ),
          ),
    effects: {
      StrategySubmitted: (state, event, host) => [
        submitFormForApproval(host, event.approvalKey, {
          requestType: keyAccountServiceName,
          businessKey: state.cycleId,
          title: label(
            `大客户管理战略与目标：${state.cycleId}`,
            `Key account strategy and goals: ${state.cycleId}`,
          ),
          originator: { person: event.supervisor.personId },
          form: serviceStrategyForm,
          values: event.strategy,
          approver: event.approver,
        }),
      ],
      StrategyApproved: (state, _event, host) => [
        host.notify(
          [supervisorOf(state.supervisor), { role: "officer" }],
          "info",
          label("大客户管理战略与目标已批准，开始实施", "Key account strategy approved: carry it out"),
          label(state.strategy!.strategy, state.strategy!.strategy),
        ),
      ],
      StrategyReturned: (state, event, host) => [
        sentBackNotice(
          host,
          supervisorOf(state.supervisor),
          label("大客户管理战略与目标被退回", "Key account strategy returned"),
          event.comment,
        ),
      ],
      SupportRequested: (state, event, host) => [
        host.task(
          { role: "officer", departmentId: departmentId(event.presalesDepartment) },
          {
            externalKey: `${state.cycleId}/support/${event.requestId}`,
            subject: `大客户售前支持 Pre-sales support for ${event.request.customer}`,
            body: event.request.background,
            dueAt: event.dueAt,
          },
        ),
      ],
      SupportAnswered: (state, event, host) => [
        host.completeTask(`${state.cycleId}/support/${event.requestId}`),
        host.notify(
          [{ person: requestOf(state, event.requestId)!.applicant }],
          "info",
          label("售前支持已完成", "Pre-sales support done"),
          asWritten(event.outcome),
        ),
      ],
      SupportEscalated: (state, event, host) => [
        host.notify(
          [supervisorOf(state.supervisor)],
          "warning",
          label("售前支持逾期未答复", "Pre-sales support overdue"),
          label(
            `支持申请 ${event.requestId} 超过 ${rules.supportAnswerDays} 天未答复`,
            `Support request ${event.requestId} unanswered after ${rules.supportAnswerDays} days`,
          ),
        ),
      ],
      MonthlyReportSubmitted: (state, event, host) => [
        submitFormForApproval(host, event.approvalKey, {
          requestType: keyAccountServiceName,
          businessKey: state.cycleId,
          title: label(`大客户月报表：${event.month}`, `Key account monthly report: ${event.month}`),
          originator: { person: event.officer.personId },
          form: keyAccountMonthlyReportForm,
          values: event.report,
          approver: event.approver,
        }),
      ],
      MonthlyReportReturned: (state, event, host) => [
        sentBackNotice(
          host,
          supervisorOf(state.supervisor),
          label("大客户月报表被退回", "Key account monthly report returned"),
          event.comment,
        ),
      ],
      AccountsClassified: (_state, event, host) =>
        event.placements.map((placement, index) =>
          host.updateCustomer(
            placement.customerId,
            { key_account_quadrant: placement.quadrant },
            `host.customer.update:${index}`,
          ),
        ),
      FileUpdated: (_state, event, host) => [
        host.updateCustomer(event.file.customer, {
          key_account_region: event.file.region,
          key_account_officer: event.file.officer,
          key_account_file_updated_at: event.at,
        }),
      ],
      ServiceReviewed: (state, event, host) =>
        event.review.goalsMet
          ? []
          : [
              host.notify(
                [supervisorOf(state.supervisor)],
                "warning",
                label("大客户服务目标未达成，继续实施", "Key account goals not met: carry on"),
                asWritten(event.review.evaluation),
              ),
            ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
