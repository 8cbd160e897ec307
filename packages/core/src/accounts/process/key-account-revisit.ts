import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { decideAtGate, type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelStep,
} from "../../process/cancellation.ts"
import { commandDateSchema } from "../../process/command-date.ts"
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
import { defineFlow, type FlowState } from "../../process/flow.ts"
import type { GateDecidedFields } from "../../process/gate-events.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import { returnedNotice } from "../../process/returned-notice.ts"
import { timer, timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import type { AccountsPolicy } from "../policy/accounts-policy.ts"
import { revisitReportForm } from "../schema/revisit-report-form.ts"

/** The process name of the key-account revisit; part of every idempotency key. */
export const keyAccountRevisitName = "accounts.revisit"

/** Where a revisit stands. */
export type RevisitProcessStatus =
  | "none"
  | "noticed"
  | "assigned"
  | "visited"
  | "awaitingApproval"
  | "archived"
  | "cancelled"

/**
 * The shape of every command of a key-account revisit, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const keyAccountRevisitCommandSchema = commandUnion(
  /** ① 下达《大客户回访通知》: the supervisor orders a revisit, due by `dueAt`. */
  commandShape("IssueNotice", {
    issuedBy: actorSchema,
    revisitId: commandIdSchema,
    customerId: commandIdSchema,
    customerName: commandTextSchema(200).optional(),
    dueAt: commandInstantSchema,
    purpose: commandTextSchema(2000).optional(),
  }),
  /** ② 安排具体回访任务: the officer who goes. */
  commandShape("Assign", { assignedBy: actorSchema, officer: actorSchema }),
  /** ③–⑤ the visit done, its material collated, the service-quality data gathered. */
  commandShape("RecordVisit", {
    officer: actorSchema,
    visitedOn: commandDateSchema,
    metWith: commandTextSchema(200).optional(),
    findings: commandTextSchema(5000),
    qualityData: commandTextSchema(5000).optional(),
    requests: commandTextSchema(5000).optional(),
  }),
  /** ⑥ 书面回访报告, sent for 审核. */
  commandShape("SubmitReport", { officer: actorSchema, followUp: commandTextSchema(5000).optional() }),
  decideApprovalSchema,
  timerCommand("RemindRevisit"),
  timerCommand("EscalateRevisit"),
  cancelCommandSchema,
)

/** The commands of a revisit. */
export type KeyAccountRevisitCommand = ShapedCommand<typeof keyAccountRevisitCommandSchema>

type Step<Type extends KeyAccountRevisitCommand["type"]> = StepFields<KeyAccountRevisitCommand, Type>

/** What the officer found on the visit (③ 上门回访, ④ 资料整理, ⑤ 服务质量资料). */
export type RevisitFindings = Omit<Step<"RecordVisit">, "officer">

/** The events of a revisit. */
export type KeyAccountRevisitEvent =
  | FlowEvent<
      "NoticeIssued",
      Step<"IssueNotice"> & { remindAt: Instant; escalateAt: Instant; policyVersion: string }
    >
  | FlowEvent<"Assigned", Step<"Assign">>
  | FlowEvent<"VisitRecorded", { officer: Actor; findings: RevisitFindings }>
  | FlowEvent<"ReportSubmitted", Step<"SubmitReport"> & { approvalKey: string; approverRole: Role }>
  | FlowEvent<"ReportArchived", GateDecidedFields>
  | FlowEvent<"ReportReturned", GateDecidedFields>
  | FlowEvent<"RevisitReminded">
  | FlowEvent<"RevisitEscalated">
  | CancelledEvent

/** Why a revisit command is refused. */
export type KeyAccountRevisitRefusal = InvalidTransition | ValidationError

/** The state of one revisit. */
export interface KeyAccountRevisitState extends FlowState, GatedState {
  readonly status: RevisitProcessStatus
  /** Events folded in so far: the sequence number of the next event. */
  readonly sequence: number
  readonly revisitId: string
  readonly customerId: string
  readonly customerName: string | undefined
  readonly policyVersion: string
  readonly issuedBy: Actor | undefined
  readonly officer: Actor | undefined
  readonly dueAt: Instant | undefined
  readonly remindAt: Instant | undefined
  readonly escalateAt: Instant | undefined
  readonly reminded: boolean
  readonly escalated: boolean
  readonly findings: RevisitFindings | undefined
  readonly followUp: string | undefined
  readonly approval: { readonly key: string; readonly role: Role } | undefined
  /** How often the report was returned to the officer. */
  readonly returns: number
  readonly approvedBy: PersonId | undefined
}

const initialState: KeyAccountRevisitState = {
  status: "none",
  sequence: 0,
  revisitId: "",
  customerId: "",
  customerName: undefined,
  policyVersion: "",
  issuedBy: undefined,
  officer: undefined,
  dueAt: undefined,
  remindAt: undefined,
  escalateAt: undefined,
  reminded: false,
  escalated: false,
  findings: undefined,
  followUp: undefined,
  approval: undefined,
  decidedApprovals: [],
  returns: 0,
  approvedBy: undefined,
}

/** The statuses in which there is nothing to cancel: not yet noticed, or ended. */
const notOpen = new Set<RevisitProcessStatus>(["none", "archived", "cancelled"])

/** Reminders and the escalation wait only until the visit is recorded. */
const beforeVisit = (state: KeyAccountRevisitState) =>
  state.status === "noticed" || state.status === "assigned"

/**
 * A key-account revisit: 004 ch.4 大客户回访管理流程. Until the visit is recorded the officer is
 * reminded before the due day and the supervisor told once it is overdue past the policy's days;
 * both instants are decided with the notice, so replay never depends on today's policy.
 */
export function keyAccountRevisitProcess(
  policy: AccountsPolicy,
): ProcessDefinition<
  KeyAccountRevisitState,
  KeyAccountRevisitCommand,
  KeyAccountRevisitEvent,
  KeyAccountRevisitRefusal
> {
  const { reminderDaysBefore, escalateAfterDays, reportApprover: approverRole } = policy.revisits
  return defineFlow({
    name: keyAccountRevisitName,
    idOf: (state) => state.revisitId,
    initialState,
    commands: keyAccountRevisitCommandSchema,
    steps: {
      // ① 下达《大客户回访通知》 (supervisor): due day, reminder and escalation fixed now
      IssueNotice: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the notice was already issued")
        return decision.accept({
          ...command,
          type: "NoticeIssued",
          remindAt: command.dueAt - reminderDaysBefore * dayMillis,
          escalateAt: command.dueAt + escalateAfterDays * dayMillis,
          policyVersion: policy.version,
        })
      },
      // ② 安排具体回访任务 (supervisor → key-account officer)
      Assign: (state, command, decision) => {
        if (!beforeVisit(state)) return decision.refuse("an officer is assigned before the visit")
        return decision.accept({ ...command, type: "Assigned" })
      },
      // ③ 上门回访 ④ 资料整理 ⑤ 服务质量资料 (key-account officer)
      RecordVisit: (state, command, decision) => {
        if (state.status !== "assigned") return decision.refuse("the assigned officer records the visit")
        const { at, officer, visitedOn, metWith, findings, qualityData, requests } = command
        const visit = { visitedOn, metWith, findings, qualityData, requests }
        return decision.accept({ type: "VisitRecorded", at, officer, findings: visit })
      },
      // ⑥ 书面回访报告 (officer), sent for ✓ 审核 by the post the policy names
      SubmitReport: (state, command, decision) => {
        if (state.status !== "visited") return decision.refuse("the report follows the visit")
        const approvalKey = decision.keyAt(0, "approval.submit")
        return decision.accept({ ...command, type: "ReportSubmitted", approvalKey, approverRole })
      },
      // ✓ approved: ⑦ 归档 — rejected or withdrawn: back to ⑥ for the officer to revise
      DecideApproval: (state, command, decision) =>
        decideAtGate(state, command, state.status === "awaitingApproval", decision, {
          approved: (decided) => decision.accept({ type: "ReportArchived", ...decided }),
          returned: ({ at, approvalKey, decidedBy, comment }) =>
            decision.accept({ type: "ReportReturned", at, approvalKey, decidedBy, comment }),
        }),
      // reminder before the due day, while not yet visited (officer)
      RemindRevisit: (state, { at }, decision) =>
        decision.acceptIf(beforeVisit(state) && !state.reminded, { type: "RevisitReminded", at }),
      // overdue past the policy's days: escalated to the supervisor, once
      EscalateRevisit: (state, { at }, decision) =>
        decision.acceptIf(beforeVisit(state) && !state.escalated, { type: "RevisitEscalated", at }),
      // 取消 (supervisor), at any step until archived; the report's approval withdrawn if pending
      Cancel: cancelStep(
        (state) => (notOpen.has(state.status) ? "only an open revisit can be cancelled" : undefined),
        (state) => state.status === "awaitingApproval",
      ),
    },
    folds: {
      NoticeIssued: (state, event) => {
        const { issuedBy, revisitId, customerId, customerName, dueAt, remindAt, escalateAt } = event
        const notice = { issuedBy, revisitId, customerId, customerName, dueAt, remindAt, escalateAt }
        return { ...state, status: "noticed", ...notice, policyVersion: event.policyVersion }
      },
      Assigned: (state, event) => ({ ...state, status: "assigned", officer: event.officer }),
      VisitRecorded: (state, event) => ({ ...state, status: "visited", findings: event.findings }),
      ReportSubmitted: (state, event) => ({
        ...state,
        status: "awaitingApproval",
        followUp: event.followUp,
        approval: { key: event.approvalKey, role: event.approverRole },
      }),
      ReportArchived: (state, { decidedBy }) => ({
        ...gatePassed(state),
        status: "archived",
        approvedBy: decidedBy,
      }),
      ReportReturned: (state) => ({ ...gateReturned(state), status: "visited", returns: state.returns + 1 }),
      RevisitReminded: (state) => ({ ...state, reminded: true }),
      RevisitEscalated: (state) => ({ ...state, escalated: true }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) =>
      beforeVisit(state)
        ? timers(
            timer("revisit-reminder", state.remindAt, { type: "RemindRevisit" }, state.reminded),
            timer("revisit-escalation", state.escalateAt, { type: "EscalateRevisit" }, state.escalated),
          )
        : [],
    effects: {
      Assigned: (state, event, host) => [
        host.task(
          { person: event.officer.personId },
          {
            externalKey: taskKeyOf(state),
            subject: `大客户回访 Revisit ${customerOf(state)}`,
            body: `Revisit ${customerOf(state)} (${state.customerId}) on site and report.`,
            ...(state.dueAt === undefined ? {} : { dueAt: state.dueAt }),
          },
        ),
      ],
      VisitRecorded: (state, event, host) => [
        host.activity({
          externalKey: `${state.revisitId}/visit`,
          kind: "visit",
          subject: `大客户回访 Revisit of ${customerOf(state)}`,
          body: event.findings.findings,
          occurredAt: event.at,
          customerKey: state.customerId,
        }),
        host.completeTask(taskKeyOf(state)),
      ],
      ReportSubmitted: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: keyAccountRevisitName,
          businessKey: state.revisitId,
          title: label(`大客户回访报告：${customerOf(state)}`, `Revisit report: ${customerOf(state)}`),
          originator: { person: event.officer.personId },
          formId: revisitReportForm.id,
          values: {
            customer: state.customerId,
            officer: event.officer.personId,
            ...definedOnly({ ...state.findings, followUp: event.followUp }),
          },
          steps: [{ mode: "any", approvers: [{ role: event.approverRole }] }],
        }),
      ],
      ReportReturned: (state, { comment }, host) => [
        returnedNotice(host, {
          to: officerOf(state),
          title: label("回访报告退回修改", "Revisit report returned"),
          subject: customerOf(state),
          comment,
          otherwise: label("请补充后重新提交", "complete it and submit again"),
        }),
      ],
      RevisitReminded: (state, _event, host) => [
        host.notify(
          [officerOf(state)],
          "info",
          label("大客户回访即将到期", "Key-account revisit due soon"),
          label(`请按期回访 ${customerOf(state)}`, `Revisit ${customerOf(state)} before it falls due`),
        ),
      ],
      RevisitEscalated: (state, _event, host) => [
        host.notify(
          [{ role: "supervisor" }],
          "urgent",
          label("大客户回访逾期", "Key-account revisit overdue"),
          label(`${customerOf(state)} 的回访已逾期`, `The revisit of ${customerOf(state)} is overdue`),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
    // ⑦ 归档 ends the revisit, as does a cancellation
    finished: ["archived", "cancelled"],
  })
}

const customerOf = (state: KeyAccountRevisitState) => state.customerName ?? state.customerId
const taskKeyOf = (state: KeyAccountRevisitState) => `${state.revisitId}/revisit`
const officerOf = (state: KeyAccountRevisitState) => personOrPost(state.officer?.personId, "officer")
/** The report's form values: a field left empty is absent, not `undefined`, for every host. */
const definedOnly = (values: Readonly<Record<string, string | undefined>>) => {
  const defined: Record<string, string> = {}
  for (const name in values) if (values[name] !== undefined) defined[name] = values[name]!
  return defined
}
