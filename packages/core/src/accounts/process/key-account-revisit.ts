import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
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
import { civilDateSchema } from "../../time/civil-date.ts"
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

/** What the officer found on the visit (③ 上门回访, ④ 资料整理, ⑤ 服务质量资料). */
export interface RevisitFindings {
  readonly visitedOn: string
  readonly metWith: string | undefined
  readonly findings: string
  readonly qualityData: string | undefined
  readonly requests: string | undefined
}

/** The state of one revisit. */
export interface KeyAccountRevisitState {
  readonly status: RevisitProcessStatus
  readonly sequence: number
  /** Approval decisions recorded so far, so a decision delivered again changes nothing. */
  readonly decidedApprovals: ReadonlyArray<RecordedApprovalDecision>
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
  readonly returns: number
  readonly approvedBy: PersonId | undefined
}

/** The commands of a revisit. */
export type KeyAccountRevisitCommand =
  | {
      /** ① 下达《大客户回访通知》: the supervisor orders a revisit, due by `dueAt`. */
      readonly type: "IssueNotice"
      readonly at: Instant
      readonly revisitId: string
      readonly customerId: string
      readonly customerName?: string
      readonly issuedBy: Actor
      readonly dueAt: Instant
      readonly purpose?: string
    }
  | {
      /** ② 安排具体回访任务: the officer who goes. */
      readonly type: "Assign"
      readonly at: Instant
      readonly assignedBy: Actor
      readonly officer: Actor
    }
  | {
      /** ③–⑤ the visit done, its material collated, the service-quality data gathered. */
      readonly type: "RecordVisit"
      readonly at: Instant
      readonly officer: Actor
      readonly visitedOn: string
      readonly metWith?: string
      readonly findings: string
      readonly qualityData?: string
      readonly requests?: string
    }
  | {
      /** ⑥ 书面回访报告, sent for 审核. */
      readonly type: "SubmitReport"
      readonly at: Instant
      readonly officer: Actor
      readonly followUp?: string
    }
  | DecideApproval
  | { readonly type: "RemindRevisit"; readonly at: Instant }
  | { readonly type: "EscalateRevisit"; readonly at: Instant }
  | { readonly type: "Cancel"; readonly at: Instant; readonly actor: Actor; readonly reason: string }

/** The events of a revisit. */
export type KeyAccountRevisitEvent =
  | {
      readonly type: "NoticeIssued"
      readonly at: Instant
      readonly revisitId: string
      readonly customerId: string
      readonly customerName: string | undefined
      readonly issuedBy: Actor
      readonly purpose: string | undefined
      readonly dueAt: Instant
      readonly remindAt: Instant
      readonly escalateAt: Instant
      readonly policyVersion: string
    }
  | { readonly type: "Assigned"; readonly at: Instant; readonly assignedBy: Actor; readonly officer: Actor }
  | {
      readonly type: "VisitRecorded"
      readonly at: Instant
      readonly officer: Actor
      readonly findings: RevisitFindings
    }
  | {
      readonly type: "ReportSubmitted"
      readonly at: Instant
      readonly officer: Actor
      readonly followUp: string | undefined
      readonly approvalKey: string
      readonly approverRole: Role
    }
  | {
      readonly type: "ReportArchived"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
    }
  | {
      readonly type: "ReportReturned"
      readonly at: Instant
      readonly approvalKey: string
      readonly decidedBy: PersonId | undefined
      readonly comment: string | undefined
    }
  | { readonly type: "RevisitReminded"; readonly at: Instant }
  | { readonly type: "RevisitEscalated"; readonly at: Instant }
  | {
      readonly type: "Cancelled"
      readonly at: Instant
      readonly actor: Actor
      readonly reason: string
      readonly withdrawApprovalKey: string | undefined
    }

/** Why a revisit command is refused. */
export type KeyAccountRevisitRefusal = InvalidTransition | ValidationError

/**
 * The shape of every command of a key-account revisit, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const keyAccountRevisitCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("IssueNotice"),
    at: commandInstantSchema,
    revisitId: commandIdSchema,
    customerId: commandIdSchema,
    customerName: commandTextSchema(200).optional(),
    issuedBy: actorSchema,
    dueAt: commandInstantSchema,
    purpose: commandTextSchema(2000).optional(),
  }),
  z.strictObject({
    type: z.literal("Assign"),
    at: commandInstantSchema,
    assignedBy: actorSchema,
    officer: actorSchema,
  }),
  z.strictObject({
    type: z.literal("RecordVisit"),
    at: commandInstantSchema,
    officer: actorSchema,
    visitedOn: civilDateSchema,
    metWith: commandTextSchema(200).optional(),
    findings: commandTextSchema(5000),
    qualityData: commandTextSchema(5000).optional(),
    requests: commandTextSchema(5000).optional(),
  }),
  z.strictObject({
    type: z.literal("SubmitReport"),
    at: commandInstantSchema,
    officer: actorSchema,
    followUp: commandTextSchema(5000).optional(),
  }),
  decideApprovalSchema,
  z.strictObject({ type: z.literal("RemindRevisit"), at: commandInstantSchema }),
  z.strictObject({ type: z.literal("EscalateRevisit"), at: commandInstantSchema }),
  z.strictObject({
    type: z.literal("Cancel"),
    at: commandInstantSchema,
    actor: actorSchema,
    reason: commandTextSchema(2000),
  }),
]) as unknown as z.ZodType<KeyAccountRevisitCommand>

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

const beforeVisit = (status: RevisitProcessStatus) => status === "noticed" || status === "assigned"

/**
 * A key-account revisit as a decider: 004 ch.4 大客户回访管理流程 — ① the supervisor issues the
 * revisit notice → ② the officer is assigned → ③ visits on site → ④ collates the material →
 * ⑤ gathers service-quality data → ⑥ writes the report, approved (审核) by the post the policy
 * names → ⑦ the report is archived. Until the visit is recorded the officer is reminded before
 * the due day and the supervisor told once it is overdue past the policy's days; a returned
 * report goes back to the officer.
 */
export function keyAccountRevisitProcess(
  policy: AccountsPolicy,
): ProcessDefinition<
  KeyAccountRevisitState,
  KeyAccountRevisitCommand,
  KeyAccountRevisitEvent,
  KeyAccountRevisitRefusal
> {
  function decide(
    state: KeyAccountRevisitState,
    input: KeyAccountRevisitCommand,
  ): Result.Result<ReadonlyArray<KeyAccountRevisitEvent>, KeyAccountRevisitRefusal> {
    const parsed = parseProcessCommand(
      `${keyAccountRevisitName}.command`,
      keyAccountRevisitCommandSchema,
      input,
    )
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    const command = parsed.success
    const no = (reason: string) =>
      refuseTransition(keyAccountRevisitName, state.revisitId, state.status, command.type, reason)
    switch (command.type) {
      case "IssueNotice":
        if (state.status !== "none") return no("the notice was already issued")
        return Result.succeed([
          {
            type: "NoticeIssued",
            at: command.at,
            revisitId: command.revisitId,
            customerId: command.customerId,
            customerName: command.customerName,
            issuedBy: command.issuedBy,
            purpose: command.purpose,
            dueAt: command.dueAt,
            remindAt: command.dueAt - policy.revisits.reminderDaysBefore * dayMillis,
            escalateAt: command.dueAt + policy.revisits.escalateAfterDays * dayMillis,
            policyVersion: policy.version,
          },
        ])
      case "Assign":
        if (!beforeVisit(state.status)) return no("an officer is assigned before the visit")
        return Result.succeed([
          { type: "Assigned", at: command.at, assignedBy: command.assignedBy, officer: command.officer },
        ])
      case "RecordVisit":
        if (state.status !== "assigned") return no("the assigned officer records the visit")
        return Result.succeed([
          {
            type: "VisitRecorded",
            at: command.at,
            officer: command.officer,
            findings: {
              visitedOn: command.visitedOn,
              metWith: command.metWith,
              findings: command.findings,
              qualityData: command.qualityData,
              requests: command.requests,
            },
          },
        ])
      case "SubmitReport":
        if (state.status !== "visited") return no("the report follows the visit")
        return Result.succeed([
          {
            type: "ReportSubmitted",
            at: command.at,
            officer: command.officer,
            followUp: command.followUp,
            approvalKey: idempotencyKey(
              keyAccountRevisitName,
              state.revisitId,
              state.sequence,
              "approval.submit",
            ),
            approverRole: policy.revisits.reportApprover,
          },
        ])
      case "DecideApproval": {
        const check = checkApprovalDecision(state, state.status === "awaitingApproval", command)
        if (check.verdict === "repeat") return Result.succeed([])
        if (check.verdict === "refuse") return no(check.reason)
        return Result.succeed([
          command.outcome === "approved"
            ? { type: "ReportArchived", ...approvalDecisionOf(command) }
            : { type: "ReportReturned", ...approvalDecisionOf(command) },
        ])
      }
      case "RemindRevisit":
        if (!beforeVisit(state.status) || state.reminded) return Result.succeed([])
        return Result.succeed([{ type: "RevisitReminded", at: command.at }])
      case "EscalateRevisit":
        if (!beforeVisit(state.status) || state.escalated) return Result.succeed([])
        return Result.succeed([{ type: "RevisitEscalated", at: command.at }])
      case "Cancel":
        if (state.status === "none" || state.status === "archived" || state.status === "cancelled") {
          return no("only an open revisit can be cancelled")
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

  function evolve(state: KeyAccountRevisitState, event: KeyAccountRevisitEvent): KeyAccountRevisitState {
    const next = { ...state, sequence: state.sequence + 1 }
    switch (event.type) {
      case "NoticeIssued":
        return {
          ...next,
          status: "noticed",
          revisitId: event.revisitId,
          customerId: event.customerId,
          customerName: event.customerName,
          policyVersion: event.policyVersion,
          issuedBy: event.issuedBy,
          dueAt: event.dueAt,
          remindAt: event.remindAt,
          escalateAt: event.escalateAt,
        }
      case "Assigned":
        return { ...next, status: "assigned", officer: event.officer }
      case "VisitRecorded":
        return { ...next, status: "visited", findings: event.findings }
      case "ReportSubmitted":
        return {
          ...next,
          status: "awaitingApproval",
          followUp: event.followUp,
          approval: { key: event.approvalKey, role: event.approverRole },
        }
      case "ReportArchived":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, true),
          status: "archived",
          approvedBy: event.decidedBy,
        }
      case "ReportReturned":
        return {
          ...next,
          decidedApprovals: recordApprovalDecision(state.decidedApprovals, state.approval, false),
          status: "visited",
          approval: undefined,
          returns: state.returns + 1,
        }
      case "RevisitReminded":
        return { ...next, reminded: true }
      case "RevisitEscalated":
        return { ...next, escalated: true }
      case "Cancelled":
        return { ...next, status: "cancelled" }
    }
  }

  function deadlines(state: KeyAccountRevisitState): ReadonlyArray<Deadline<KeyAccountRevisitCommand>> {
    if (!beforeVisit(state.status)) return []
    const timers: Array<Deadline<KeyAccountRevisitCommand>> = []
    if (!state.reminded && state.remindAt !== undefined) {
      timers.push({ key: "revisit-reminder", dueAt: state.remindAt, command: { type: "RemindRevisit" } })
    }
    if (!state.escalated && state.escalateAt !== undefined) {
      timers.push({
        key: "revisit-escalation",
        dueAt: state.escalateAt,
        command: { type: "EscalateRevisit" },
      })
    }
    return timers
  }

  function effects(
    state: KeyAccountRevisitState,
    event: KeyAccountRevisitEvent,
    step: { readonly instanceId: string; readonly sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) => idempotencyKey(keyAccountRevisitName, step.instanceId, step.sequence, kind)
    const customer = state.customerName ?? state.customerId
    const officer = state.officer ? { person: state.officer.personId } : { role: "officer" as const }
    const taskKey = `${state.revisitId}/revisit`
    switch (event.type) {
      case "Assigned":
        return [
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: taskKey,
              subject: `大客户回访 Revisit ${customer}`,
              body: `Revisit ${customer} (${state.customerId}) on site and report.`,
              ...(state.dueAt === undefined ? {} : { dueAt: state.dueAt }),
            },
            assignee: { person: event.officer.personId },
          },
        ]
      case "VisitRecorded":
        return [
          {
            kind: "host.activity.log",
            key: key("host.activity.log"),
            draft: {
              externalKey: `${state.revisitId}/visit`,
              kind: "visit",
              subject: `大客户回访 Revisit of ${customer}`,
              body: event.findings.findings,
              occurredAt: event.at,
              customerKey: state.customerId,
            },
          },
          { kind: "host.task.complete", key: key("host.task.complete"), taskKey },
        ]
      case "ReportSubmitted": {
        const findings = state.findings!
        return [
          {
            kind: "approval.submit",
            key: event.approvalKey as IdempotencyKey,
            submission: {
              requestType: keyAccountRevisitName,
              businessKey: state.revisitId,
              title: label(`大客户回访报告：${customer}`, `Revisit report: ${customer}`),
              originator: { person: event.officer.personId },
              formId: revisitReportForm.id,
              values: {
                customer: state.customerId,
                visitedOn: findings.visitedOn,
                officer: event.officer.personId,
                findings: findings.findings,
                ...(findings.metWith === undefined ? {} : { metWith: findings.metWith }),
                ...(findings.qualityData === undefined ? {} : { qualityData: findings.qualityData }),
                ...(findings.requests === undefined ? {} : { requests: findings.requests }),
                ...(event.followUp === undefined ? {} : { followUp: event.followUp }),
              },
              steps: [{ mode: "any", approvers: [{ role: event.approverRole }] }],
            },
          },
        ]
      }
      case "ReportReturned":
        return [
          notifyRequest(
            key("notify"),
            [officer],
            "warning",
            label("回访报告退回修改", "Revisit report returned"),
            label(
              `${customer}：${event.comment ?? "请补充后重新提交"}`,
              `${customer}: ${event.comment ?? "complete it and submit again"}`,
            ),
            state.revisitId,
          ),
        ]
      case "RevisitReminded":
        return [
          notifyRequest(
            key("notify"),
            [officer],
            "info",
            label("大客户回访即将到期", "Key-account revisit due soon"),
            label(`请按期回访 ${customer}`, `Revisit ${customer} before it falls due`),
            state.revisitId,
          ),
        ]
      case "RevisitEscalated":
        return [
          notifyRequest(
            key("notify"),
            [{ role: "supervisor" }],
            "urgent",
            label("大客户回访逾期", "Key-account revisit overdue"),
            label(`${customer} 的回访已逾期`, `The revisit of ${customer} is overdue`),
            state.revisitId,
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
    name: keyAccountRevisitName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) => state.status === "archived" || state.status === "cancelled",
    statusOf: (state) => state.status,
  }
}
