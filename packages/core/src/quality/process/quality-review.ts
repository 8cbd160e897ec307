import { Result } from "effect"
import { z } from "zod"
import { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import { parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { safeTextSchema } from "../../forms/safe-text.ts"
import { type DepartmentId, idempotencyKey, type PersonId } from "../../ids/index.ts"
import { label } from "../../labels/label.ts"
import type { Deadline, ProcessDefinition } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { dayMillis, type Instant, instantSchema } from "../../time/instant.ts"
import {
  NonconformitySeverity,
  type NonconformityStatus,
  type PdcaPhase,
  ReviewKind,
  type ReviewStatus,
} from "../labels/quality-labels.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"

/** One line of the checklist as recorded (客户服务质量检查表). */
export interface ChecklistLine {
  readonly item: string
  readonly standard: string
  readonly conforming: boolean
  readonly finding?: string
}

/** A non-conformity as found. */
export interface NonconformityFinding {
  readonly id: string
  readonly description: string
  /** The standard or clause it breaches (客户服务质量标准规范 §…). */
  readonly standard: string
  readonly severity: NonconformitySeverity
}

/** A non-conformity as the process tracks it through correction (不合格项改正措施). */
export interface Nonconformity extends NonconformityFinding {
  readonly status: NonconformityStatus
  /** How many corrective actions were tried; an ineffective one sends it round the loop again. */
  readonly attempts: number
  readonly rootCause: string | undefined
  readonly correction: string | undefined
  readonly correctiveAction: string | undefined
  readonly responsible: PersonId | undefined
  readonly dueAt: Instant | undefined
  readonly overdue: boolean
  readonly evidence: string | undefined
  readonly verification:
    | { readonly effective: boolean; readonly note: string; readonly by: PersonId; readonly at: Instant }
    | undefined
  readonly rejection: string | undefined
}

/** The state of one quality review (inspection, audit or evaluation). */
export interface ReviewState {
  readonly status: ReviewStatus
  readonly id: string
  readonly kind: ReviewKind
  readonly policyVersion: string
  readonly departmentId: DepartmentId | undefined
  readonly scope: string
  readonly criteria: string
  readonly plannedFor: Instant
  readonly lead: PersonId | undefined
  readonly checklist: ReadonlyArray<ChecklistLine>
  readonly nonconformities: ReadonlyArray<Nonconformity>
  readonly conclusion: string | undefined
  /** What the Act step made standard practice. */
  readonly standardised: ReadonlyArray<string>
}

/** The commands of a quality review. */
export type ReviewCommand =
  | {
      readonly type: "Plan"
      readonly at: Instant
      readonly id: string
      readonly kind: ReviewKind
      readonly departmentId: DepartmentId
      readonly scope: string
      readonly criteria: string
      readonly plannedFor: Instant
      readonly lead: PersonId
    }
  | {
      readonly type: "RecordFindings"
      readonly at: Instant
      readonly checklist: ReadonlyArray<ChecklistLine>
      readonly nonconformities: ReadonlyArray<NonconformityFinding>
    }
  | {
      readonly type: "ProposeCorrectiveAction"
      readonly at: Instant
      readonly nonconformityId: string
      readonly rootCause: string
      readonly correction?: string
      readonly correctiveAction: string
      readonly responsible: PersonId
      /** The policy's time for the severity when absent. */
      readonly dueAt?: Instant
    }
  | {
      readonly type: "DecideApproval"
      readonly at: Instant
      readonly nonconformityId: string
      readonly outcome: "approved" | "rejected" | "withdrawn"
      readonly comment?: string
    }
  | {
      readonly type: "CompleteCorrectiveAction"
      readonly at: Instant
      readonly nonconformityId: string
      readonly evidence: string
    }
  | {
      readonly type: "VerifyCorrectiveAction"
      readonly at: Instant
      readonly nonconformityId: string
      readonly effective: boolean
      readonly note: string
      readonly by: PersonId
    }
  | { readonly type: "MarkActionOverdue"; readonly at: Instant; readonly nonconformityId: string }
  | {
      readonly type: "Close"
      readonly at: Instant
      readonly conclusion: string
      readonly standardised: ReadonlyArray<string>
    }

/** The events of a quality review. */
export type ReviewEvent =
  | {
      readonly type: "Planned"
      readonly at: Instant
      readonly id: string
      readonly kind: ReviewKind
      readonly departmentId: DepartmentId
      readonly scope: string
      readonly criteria: string
      readonly plannedFor: Instant
      readonly lead: PersonId
      readonly policyVersion: string
    }
  | {
      readonly type: "FindingsRecorded"
      readonly at: Instant
      readonly checklist: ReadonlyArray<ChecklistLine>
      readonly nonconformities: ReadonlyArray<NonconformityFinding>
    }
  | {
      readonly type: "CorrectiveActionProposed"
      readonly at: Instant
      readonly nonconformityId: string
      readonly rootCause: string
      readonly correction: string | undefined
      readonly correctiveAction: string
      readonly responsible: PersonId
      readonly dueAt: Instant
      /** Whether the action waits for approval before it starts (by the policy and the severity). */
      readonly needsApproval: boolean
    }
  | {
      readonly type: "CorrectiveActionApproved"
      readonly at: Instant
      readonly nonconformityId: string
      readonly comment: string | undefined
    }
  | {
      readonly type: "CorrectiveActionRejected"
      readonly at: Instant
      readonly nonconformityId: string
      readonly comment: string | undefined
    }
  | {
      readonly type: "CorrectiveActionCompleted"
      readonly at: Instant
      readonly nonconformityId: string
      readonly evidence: string
    }
  | {
      readonly type: "CorrectiveActionVerified"
      readonly at: Instant
      readonly nonconformityId: string
      readonly effective: boolean
      readonly note: string
      readonly by: PersonId
    }
  | { readonly type: "CorrectiveActionOverdue"; readonly at: Instant; readonly nonconformityId: string }
  | {
      readonly type: "Closed"
      readonly at: Instant
      readonly conclusion: string
      readonly standardised: ReadonlyArray<string>
    }

/** Why a review command was refused. */
export type ReviewRefusal = InvalidTransition | PolicyRefusal | ValidationError

const processName = "quality.review"
const words = safeTextSchema(5000)
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be an id")
const at = instantSchema
/**
 * The shape of every command of a quality review, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const qualityReviewCommandSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("Plan"),
    at,
    id,
    kind: ReviewKind.schema,
    departmentId: id,
    scope: words,
    criteria: words,
    plannedFor: at,
    lead: id,
  }),
  z.object({
    type: z.literal("RecordFindings"),
    at,
    checklist: z.array(
      z.object({ item: words, standard: words, conforming: z.boolean(), finding: words.optional() }),
    ),
    nonconformities: z
      .array(z.object({ id, description: words, standard: words, severity: NonconformitySeverity.schema }))
      .refine(
        (list) => new Set(list.map((finding) => finding.id)).size === list.length,
        "non-conformity ids must be unique",
      ),
  }),
  z.object({
    type: z.literal("ProposeCorrectiveAction"),
    at,
    nonconformityId: id,
    rootCause: words,
    correction: words.optional(),
    correctiveAction: words,
    responsible: id,
    dueAt: at.optional(),
  }),
  z.object({
    type: z.literal("DecideApproval"),
    at,
    nonconformityId: id,
    outcome: z.enum(["approved", "rejected", "withdrawn"]),
    comment: z.string().max(2000).optional(),
  }),
  z.object({ type: z.literal("CompleteCorrectiveAction"), at, nonconformityId: id, evidence: words }),
  z.object({
    type: z.literal("VerifyCorrectiveAction"),
    at,
    nonconformityId: id,
    effective: z.boolean(),
    note: words,
    by: id,
  }),
  z.object({ type: z.literal("MarkActionOverdue"), at, nonconformityId: id }),
  z.object({ type: z.literal("Close"), at, conclusion: words, standardised: z.array(words) }),
])

const initialState: ReviewState = {
  status: "none",
  id: "",
  kind: "inspection",
  policyVersion: "",
  departmentId: undefined,
  scope: "",
  criteria: "",
  plannedFor: 0,
  lead: undefined,
  checklist: [],
  nonconformities: [],
  conclusion: undefined,
  standardised: [],
}

/**
 * Where the review stands in the PDCA loop: planning (the review, or a corrective action not yet
 * approved), doing (an action being carried out), checking (an action awaiting verification), or
 * acting (every non-conformity closed: standardise and close). The least advanced open
 * non-conformity sets the phase, because the loop is only as far along as its slowest part.
 */
export function pdcaPhaseOf(state: ReviewState): PdcaPhase {
  if (state.status === "none" || state.status === "planned") return "plan"
  if (state.status === "readyToClose" || state.status === "closed") return "act"
  const open = state.nonconformities.filter((finding) => finding.status !== "closed")
  if (open.some((finding) => finding.status === "open" || finding.status === "actionSubmitted")) return "plan"
  if (open.some((finding) => finding.status === "implementing")) return "do"
  return "check"
}

/**
 * A quality inspection, audit or evaluation with its non-conformities and their corrective
 * actions (客户服务质量检查流程 10.4.1, 审核流程 10.4.4, 改进流程 10.4.3; 不合格项改正措施 10.5.2) as a
 * decider closing a PDCA loop: Plan the review → Do it and record the checklist and the
 * non-conformities → for each, Plan a corrective action from its root cause (approved ✓ first when
 * the policy requires it for the severity) → Do it by its due date → Check that it worked (an
 * ineffective action reopens the non-conformity for another turn of the loop) → Act: close the
 * review, recording what became standard practice.
 */
export function qualityReviewProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<ReviewState, ReviewCommand, ReviewEvent, ReviewRefusal> {
  const refuse = (state: ReviewState, command: ReviewCommand, reason: string) =>
    Result.fail(
      new InvalidTransition({
        process: processName,
        instanceId: state.id || "(new)",
        state: state.status,
        command: command.type,
        reason,
      }),
    )
  const ok = (events: ReadonlyArray<ReviewEvent>) => Result.succeed(events)
  const findingOf = (state: ReviewState, nonconformityId: string) =>
    state.nonconformities.find((finding) => finding.id === nonconformityId)
  const unknown = (nonconformityId: string) =>
    Result.fail(
      new PolicyRefusal({
        rule: "review.unknownNonconformity",
        detail: `no non-conformity ${nonconformityId} in this review`,
      }),
    )

  function decide(
    state: ReviewState,
    command: ReviewCommand,
  ): Result.Result<ReadonlyArray<ReviewEvent>, ReviewRefusal> {
    const parsed = parseWith(`${processName}.command`, qualityReviewCommandSchema, command)
    if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
    switch (command.type) {
      case "Plan":
        if (state.status !== "none") return refuse(state, command, "the review is already planned")
        return ok([
          {
            type: "Planned",
            at: command.at,
            id: command.id,
            kind: command.kind,
            departmentId: command.departmentId,
            scope: command.scope.trim(),
            criteria: command.criteria.trim(),
            plannedFor: command.plannedFor,
            lead: command.lead,
            policyVersion: policy.version,
          },
        ])
      case "RecordFindings": {
        if (state.status !== "planned")
          return refuse(state, command, "findings are recorded once, after planning")
        const unexplained = command.checklist.findIndex(
          (line) => !line.conforming && line.finding === undefined,
        )
        if (unexplained >= 0) {
          return Result.fail(
            new PolicyRefusal({
              rule: "review.findingRecorded",
              detail: `checklist line ${unexplained + 1} does not conform but records no finding`,
            }),
          )
        }
        return ok([
          {
            type: "FindingsRecorded",
            at: command.at,
            checklist: command.checklist,
            nonconformities: command.nonconformities,
          },
        ])
      }
      case "ProposeCorrectiveAction": {
        const finding = findingOf(state, command.nonconformityId)
        if (state.status !== "correcting")
          return refuse(state, command, "the review has no open non-conformities")
        if (!finding) return unknown(command.nonconformityId)
        if (finding.status !== "open")
          return refuse(state, command, `non-conformity ${finding.id} already has a corrective action`)
        const dueAt = command.dueAt ?? command.at + policy.inspection.dueDays[finding.severity] * dayMillis
        if (dueAt <= command.at)
          return Result.fail(
            new PolicyRefusal({
              rule: "review.actionDue",
              detail: "the corrective action must be due in the future",
            }),
          )
        return ok([
          {
            type: "CorrectiveActionProposed",
            at: command.at,
            nonconformityId: finding.id,
            rootCause: command.rootCause.trim(),
            correction: command.correction?.trim(),
            correctiveAction: command.correctiveAction.trim(),
            responsible: command.responsible,
            dueAt,
            needsApproval: policy.inspection.approvalFor.includes(finding.severity),
          },
        ])
      }
      case "DecideApproval": {
        const finding = findingOf(state, command.nonconformityId)
        if (!finding) return unknown(command.nonconformityId)
        if (finding.status !== "actionSubmitted")
          return refuse(state, command, `no corrective action of ${finding.id} awaits approval`)
        return ok([
          command.outcome === "approved"
            ? {
                type: "CorrectiveActionApproved",
                at: command.at,
                nonconformityId: finding.id,
                comment: command.comment,
              }
            : {
                type: "CorrectiveActionRejected",
                at: command.at,
                nonconformityId: finding.id,
                comment: command.comment ?? command.outcome,
              },
        ])
      }
      case "CompleteCorrectiveAction": {
        const finding = findingOf(state, command.nonconformityId)
        if (!finding) return unknown(command.nonconformityId)
        if (finding.status !== "implementing")
          return refuse(state, command, `the corrective action of ${finding.id} is not being carried out`)
        return ok([
          {
            type: "CorrectiveActionCompleted",
            at: command.at,
            nonconformityId: finding.id,
            evidence: command.evidence.trim(),
          },
        ])
      }
      case "VerifyCorrectiveAction": {
        const finding = findingOf(state, command.nonconformityId)
        if (!finding) return unknown(command.nonconformityId)
        if (finding.status !== "awaitingVerification")
          return refuse(state, command, `the corrective action of ${finding.id} is not complete`)
        if (command.by === finding.responsible) {
          return Result.fail(
            new PolicyRefusal({
              rule: "review.independentVerification",
              detail: "the person who carried out the action may not verify it",
            }),
          )
        }
        return ok([
          {
            type: "CorrectiveActionVerified",
            at: command.at,
            nonconformityId: finding.id,
            effective: command.effective,
            note: command.note.trim(),
            by: command.by,
          },
        ])
      }
      case "MarkActionOverdue": {
        const finding = findingOf(state, command.nonconformityId)
        if (
          finding?.status !== "implementing" ||
          finding.overdue ||
          finding.dueAt === undefined ||
          command.at < finding.dueAt
        )
          return ok([])
        return ok([{ type: "CorrectiveActionOverdue", at: command.at, nonconformityId: finding.id }])
      }
      case "Close":
        if (state.status !== "readyToClose") {
          return refuse(
            state,
            command,
            "every non-conformity must be closed (its corrective action verified effective) first",
          )
        }
        return ok([
          {
            type: "Closed",
            at: command.at,
            conclusion: command.conclusion.trim(),
            standardised: command.standardised.map((line) => line.trim()),
          },
        ])
    }
  }

  const withFinding = (
    state: ReviewState,
    nonconformityId: string,
    change: (finding: Nonconformity) => Nonconformity,
  ): ReviewState => {
    const nonconformities = state.nonconformities.map((finding) =>
      finding.id === nonconformityId ? change(finding) : finding,
    )
    const allClosed = nonconformities.every((finding) => finding.status === "closed")
    return {
      ...state,
      nonconformities,
      status: state.status === "correcting" && allClosed ? "readyToClose" : state.status,
    }
  }

  function evolve(state: ReviewState, event: ReviewEvent): ReviewState {
    switch (event.type) {
      case "Planned":
        return {
          ...initialState,
          status: "planned",
          id: event.id,
          kind: event.kind,
          policyVersion: event.policyVersion,
          departmentId: event.departmentId,
          scope: event.scope,
          criteria: event.criteria,
          plannedFor: event.plannedFor,
          lead: event.lead,
        }
      case "FindingsRecorded":
        return {
          ...state,
          status: event.nonconformities.length === 0 ? "readyToClose" : "correcting",
          checklist: event.checklist,
          nonconformities: event.nonconformities.map((finding) => ({
            ...finding,
            status: "open",
            attempts: 0,
            rootCause: undefined,
            correction: undefined,
            correctiveAction: undefined,
            responsible: undefined,
            dueAt: undefined,
            overdue: false,
            evidence: undefined,
            verification: undefined,
            rejection: undefined,
          })),
        }
      case "CorrectiveActionProposed":
        return withFinding(state, event.nonconformityId, (finding) => ({
          ...finding,
          status: event.needsApproval ? "actionSubmitted" : "implementing",
          attempts: finding.attempts + 1,
          rootCause: event.rootCause,
          correction: event.correction,
          correctiveAction: event.correctiveAction,
          responsible: event.responsible,
          dueAt: event.dueAt,
          overdue: false,
          evidence: undefined,
          verification: undefined,
          rejection: undefined,
        }))
      case "CorrectiveActionApproved":
        return withFinding(state, event.nonconformityId, (finding) => ({
          ...finding,
          status: "implementing",
        }))
      case "CorrectiveActionRejected":
        return withFinding(state, event.nonconformityId, (finding) => ({
          ...finding,
          status: "open",
          rejection: event.comment,
        }))
      case "CorrectiveActionCompleted":
        return withFinding(state, event.nonconformityId, (finding) => ({
          ...finding,
          status: "awaitingVerification",
          evidence: event.evidence,
        }))
      case "CorrectiveActionVerified":
        return withFinding(state, event.nonconformityId, (finding) => ({
          ...finding,
          status: event.effective ? "closed" : "open",
          verification: { effective: event.effective, note: event.note, by: event.by, at: event.at },
        }))
      case "CorrectiveActionOverdue":
        return withFinding(state, event.nonconformityId, (finding) => ({ ...finding, overdue: true }))
      case "Closed":
        return { ...state, status: "closed", conclusion: event.conclusion, standardised: event.standardised }
    }
  }

  function deadlines(state: ReviewState): ReadonlyArray<Deadline<ReviewCommand>> {
    return state.nonconformities
      .filter(
        (finding) => finding.status === "implementing" && !finding.overdue && finding.dueAt !== undefined,
      )
      .map((finding) => ({
        key: `action-due/${finding.id}/${finding.attempts}`,
        dueAt: finding.dueAt!,
        command: { type: "MarkActionOverdue", nonconformityId: finding.id },
      }))
  }

  function effects(
    state: ReviewState,
    event: ReviewEvent,
    step: { instanceId: string; sequence: number },
  ): ReadonlyArray<EffectRequest> {
    const key = (kind: string) => idempotencyKey(processName, step.instanceId, step.sequence, kind)
    const kindLabel = ReviewKind.labels[state.kind]
    const actionTask = (finding: Nonconformity) => `${state.id}/nc/${finding.id}/action/${finding.attempts}`
    const verifyTask = (finding: Nonconformity) => `${state.id}/nc/${finding.id}/verify/${finding.attempts}`
    const startAction = (finding: Nonconformity): EffectRequest => ({
      kind: "host.task.create",
      key: key("host.task.create"),
      draft: {
        externalKey: actionTask(finding),
        subject: `不合格项 ${finding.id} 纠正措施`,
        body: `${finding.description}\n原因：${finding.rootCause ?? ""}\n措施：${finding.correctiveAction ?? ""}`,
        ...(finding.dueAt === undefined ? {} : { dueAt: finding.dueAt }),
      },
      assignee: { person: finding.responsible! },
    })
    switch (event.type) {
      case "Planned":
        return [
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: `${state.id}/review`,
              subject: `${kindLabel["zh-CN"]}：${state.scope.slice(0, 60)}`,
              body: state.criteria,
              dueAt: state.plannedFor,
            },
            assignee: { person: state.lead! },
          },
        ]
      case "FindingsRecorded":
        return [
          { kind: "host.task.complete", key: key("host.task.complete"), taskKey: `${state.id}/review` },
          {
            kind: "notify",
            key: key("notify"),
            draft: {
              recipients: [
                { role: "supervisor", ...(state.departmentId ? { departmentId: state.departmentId } : {}) },
              ],
              severity: event.nonconformities.some((finding) => finding.severity === "major")
                ? "warning"
                : "info",
              title: label(`${kindLabel["zh-CN"]}结果`, `${kindLabel.en} findings`),
              body: label(
                `发现不合格项 ${event.nonconformities.length} 项，请制定纠正措施。`,
                `${event.nonconformities.length} non-conformities found; corrective actions are due.`,
              ),
              caseKey: state.id,
            },
          },
        ]
      case "CorrectiveActionProposed": {
        const finding = findingOf(state, event.nonconformityId)!
        if (!event.needsApproval) return [startAction(finding)]
        return [
          {
            kind: "approval.submit",
            key: key("approval.submit"),
            submission: {
              requestType: "quality.correctiveAction",
              businessKey: `${state.id}/${finding.id}`,
              title: label(`不合格项 ${finding.id} 纠正措施审批`, `Corrective action for ${finding.id}`),
              originator: { person: event.responsible },
              formId: "quality.nonconformity",
              values: {
                number: finding.id,
                department: state.departmentId,
                description: finding.description,
                standard: finding.standard,
                severity: finding.severity,
                rootCause: event.rootCause,
                correction: event.correction,
                correctiveAction: event.correctiveAction,
                responsible: event.responsible,
                dueAt: event.dueAt,
              },
              steps: [{ mode: "any", approvers: [{ role: policy.inspection.approver }] }],
            },
          },
        ]
      }
      case "CorrectiveActionApproved":
        return [startAction(findingOf(state, event.nonconformityId)!)]
      case "CorrectiveActionRejected": {
        const finding = findingOf(state, event.nonconformityId)!
        return [
          {
            kind: "notify",
            key: key("notify"),
            draft: {
              recipients: [{ person: finding.responsible! }],
              severity: "warning",
              title: label(
                `不合格项 ${finding.id} 纠正措施被退回`,
                `Corrective action for ${finding.id} sent back`,
              ),
              body: label(event.comment ?? "", event.comment ?? ""),
              caseKey: state.id,
            },
          },
        ]
      }
      case "CorrectiveActionCompleted": {
        const finding = findingOf(state, event.nonconformityId)!
        return [
          { kind: "host.task.complete", key: key("host.task.complete"), taskKey: actionTask(finding) },
          {
            kind: "host.task.create",
            key: key("host.task.create"),
            draft: {
              externalKey: verifyTask(finding),
              subject: `验证不合格项 ${finding.id} 纠正措施`,
              body: event.evidence,
            },
            assignee: {
              role: policy.inspection.verifier,
              ...(state.departmentId ? { departmentId: state.departmentId } : {}),
            },
          },
        ]
      }
      case "CorrectiveActionVerified": {
        const finding = findingOf(state, event.nonconformityId)!
        const done: EffectRequest = {
          kind: "host.task.complete",
          key: key("host.task.complete"),
          taskKey: verifyTask(finding),
        }
        if (event.effective) return [done]
        return [
          done,
          {
            kind: "notify",
            key: key("notify"),
            draft: {
              recipients: [{ person: finding.responsible! }, { role: policy.inspection.approver }],
              severity: "warning",
              title: label(
                `不合格项 ${finding.id} 纠正措施无效`,
                `Corrective action for ${finding.id} did not work`,
              ),
              body: label(
                `验证意见：${event.note}。请重新分析原因并制定措施。`,
                `Verification: ${event.note}. Analyse the cause again and propose a new action.`,
              ),
              caseKey: state.id,
            },
          },
        ]
      }
      case "CorrectiveActionOverdue": {
        const finding = findingOf(state, event.nonconformityId)!
        return [
          {
            kind: "notify",
            key: key("notify"),
            draft: {
              recipients: [{ person: finding.responsible! }, { role: policy.inspection.approver }],
              severity: "warning",
              title: label(
                `不合格项 ${finding.id} 纠正措施已超期`,
                `Corrective action for ${finding.id} is overdue`,
              ),
              body: label(finding.correctiveAction ?? "", finding.correctiveAction ?? ""),
              caseKey: state.id,
            },
          },
        ]
      }
      case "Closed":
        return [
          {
            kind: "notify",
            key: key("notify"),
            draft: {
              recipients: [{ role: policy.inspection.approver }],
              severity: "info",
              title: label(`${kindLabel["zh-CN"]}已关闭`, `${kindLabel.en} closed`),
              body: label(event.conclusion, event.conclusion),
              caseKey: state.id,
            },
          },
        ]
    }
  }

  return {
    name: processName,
    version: 1,
    initialState,
    decide,
    evolve,
    deadlines,
    effects,
    isFinished: (state) => state.status === "closed",
    statusOf: (state) =>
      state.status === "correcting" ? `correcting (${pdcaPhaseOf(state)})` : state.status,
  }
}
