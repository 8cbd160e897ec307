import type { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/index.ts"
import { asWritten, type Label, label } from "../../labels/label.ts"
import type { FlowEvent, ShapedCommand, StepFields } from "../../process/command-shapes.ts"
import { commandShape, commandUnion } from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import { type Decision, defineFlow } from "../../process/flow.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { policyRefused } from "../../process/policy-refused.ts"
import { timer, timers } from "../../process/timers.ts"
import { personIdSchema } from "../../roles/actor.ts"
import { dayMillis, type Instant, instantSchema } from "../../time/instant.ts"
import { type NonconformityStatus, ReviewKind, type ReviewStatus } from "../labels/quality-labels.ts"
import { type Nonconformity, openedNonconformity, untriedAction } from "../models/nonconformity.ts"
import { pdcaPhaseOf } from "../models/pdca-phase.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import {
  type ChecklistLine,
  checklistLineSchema,
  nonconformityFindingSchema,
} from "../schema/review-findings.ts"

const processName = "quality.review"
const words = commandTextSchema(5000)
const nonconformityId = commandIdSchema

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

/**
 * The shape of every command of a quality review, checked before the decider reads it; exported so
 * callers (and the property tests) can validate or generate commands without deciding them.
 */
export const qualityReviewCommandSchema = commandUnion(
  /** ① the review planned: what, against which criteria, when, led by whom. */
  commandShape("Plan", {
    id: commandIdSchema,
    kind: ReviewKind.schema,
    departmentId: departmentIdSchema,
    scope: words,
    criteria: words,
    plannedFor: instantSchema,
    lead: personIdSchema,
  }),
  /** ② the checklist and the non-conformities found. */
  commandShape("RecordFindings", {
    checklist: z.array(checklistLineSchema),
    nonconformities: z
      .array(nonconformityFindingSchema)
      .refine(
        (list) => new Set(list.map((finding) => finding.id)).size === list.length,
        "non-conformity ids must be unique",
      ),
  }),
  /** ③ a corrective action from the root cause; due by the policy's days for the severity when no date is given. */
  commandShape("ProposeCorrectiveAction", {
    nonconformityId,
    rootCause: words,
    correction: words.optional(),
    correctiveAction: words,
    responsible: personIdSchema,
    dueAt: instantSchema.optional(),
  }),
  /** ✓ the approvers' decision on a corrective action, delivered by the approvals host. */
  commandShape("DecideApproval", {
    nonconformityId,
    outcome: z.enum(["approved", "rejected", "withdrawn"]),
    comment: z.string().max(2000).optional(),
  }),
  /** ④ the corrective action carried out, with its evidence. */
  commandShape("CompleteCorrectiveAction", { nonconformityId, evidence: words }),
  /** ⑤ the check whether it worked, by someone other than who carried it out. */
  commandShape("VerifyCorrectiveAction", {
    nonconformityId,
    effective: z.boolean(),
    note: words,
    by: personIdSchema,
  }),
  /** The timer of a corrective action's due date. */
  commandShape("MarkActionOverdue", { nonconformityId }),
  /** ⑥ the review closed, with what became standard practice. */
  commandShape("Close", { conclusion: words, standardised: z.array(words) }),
)

/** The commands of a quality review. */
export type ReviewCommand = ShapedCommand<typeof qualityReviewCommandSchema>

type Step<Type extends ReviewCommand["type"]> = StepFields<ReviewCommand, Type>
type Decided = { nonconformityId: string; comment: string | undefined }

/** The events of a quality review. */
export type ReviewEvent =
  | FlowEvent<"Planned", Step<"Plan"> & { policyVersion: string }>
  | FlowEvent<"FindingsRecorded", Step<"RecordFindings">>
  // `needsApproval`: whether the action waits for ✓ before it starts (by the policy and the severity).
  | FlowEvent<
      "CorrectiveActionProposed",
      Step<"ProposeCorrectiveAction"> & {
        correction: string | undefined
        dueAt: Instant
        needsApproval: boolean
      }
    >
  | FlowEvent<"CorrectiveActionApproved", Decided>
  | FlowEvent<"CorrectiveActionRejected", Decided>
  | FlowEvent<"CorrectiveActionCompleted", Step<"CompleteCorrectiveAction">>
  | FlowEvent<"CorrectiveActionVerified", Step<"VerifyCorrectiveAction">>
  | FlowEvent<"CorrectiveActionOverdue", Step<"MarkActionOverdue">>
  | FlowEvent<"Closed", Step<"Close">>

/** Why a review command was refused. */
export type ReviewRefusal = InvalidTransition | PolicyRefusal | ValidationError

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

const findingOf = (state: ReviewState, id: string) =>
  state.nonconformities.find((finding) => finding.id === id)

/** Why a command about a non-conformity is refused when it does not stand where the command needs it. */
const notAt: Readonly<Partial<Record<NonconformityStatus, (id: string) => string>>> = {
  open: (id) => `non-conformity ${id} already has a corrective action`,
  actionSubmitted: (id) => `no corrective action of ${id} awaits approval`,
  implementing: (id) => `the corrective action of ${id} is not being carried out`,
  awaitingVerification: (id) => `the corrective action of ${id} is not complete`,
}

/** Decides a command about non-conformity `id` by `next` when it stands at `status`; refuses it otherwise. */
function atFinding<Event, Refusal>(
  state: ReviewState,
  id: string,
  status: NonconformityStatus,
  decision: Decision<Event>,
  next: (finding: Nonconformity) => Result.Result<ReadonlyArray<Event>, Refusal>,
): Result.Result<ReadonlyArray<Event>, Refusal | PolicyRefusal | InvalidTransition> {
  const finding = findingOf(state, id)
  if (!finding) return policyRefused("review.unknownNonconformity", `no non-conformity ${id} in this review`)
  return finding.status === status ? next(finding) : decision.refuse(notAt[status]!(id))
}

/** How an event about one non-conformity changes it; the review is ready to close once every one is closed. */
const findingFold =
  <Event extends { readonly nonconformityId: string }>(
    change: (event: Event, finding: Nonconformity) => Partial<Nonconformity>,
  ) =>
  (state: ReviewState, event: Event): ReviewState => {
    const nonconformities = state.nonconformities.map((finding) =>
      finding.id === event.nonconformityId ? { ...finding, ...change(event, finding) } : finding,
    )
    const allClosed = nonconformities.every((finding) => finding.status === "closed")
    const status = state.status === "correcting" && allClosed ? "readyToClose" : state.status
    return { ...state, nonconformities, status }
  }

/** The effects of an event about one non-conformity, built from the non-conformity after it. */
const findingEffects =
  <Event extends { readonly nonconformityId: string }>(
    build: (
      state: ReviewState,
      finding: Nonconformity,
      event: Event,
      host: HostEffects,
    ) => Array<EffectRequest>,
  ) =>
  (state: ReviewState, event: Event, host: HostEffects) =>
    build(state, findingOf(state, event.nonconformityId)!, event, host)

/** The title of a message about a non-conformity's corrective action. */
const actionTitle = (finding: Nonconformity, chinese: string, english: string) =>
  label(`不合格项 ${finding.id} 纠正措施${chinese}`, `Corrective action for ${finding.id}${english}`)

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
  const { approver, verifier, dueDays, approvalFor } = policy.inspection
  const kindOf = (state: ReviewState) => ReviewKind.labels[state.kind]
  const inDepartment = (state: ReviewState) =>
    state.departmentId ? { departmentId: state.departmentId } : {}
  const taskKey = (state: ReviewState, finding: Nonconformity, step: "action" | "verify") =>
    `${state.id}/nc/${finding.id}/${step}/${finding.attempts}`
  /** A warning about the corrective action of `finding` (`what` became of it) to its responsible, and the approver. */
  const warn = (
    host: HostEffects,
    finding: Nonconformity,
    what: [string, string],
    body: Label,
    approverToo = true,
  ) =>
    host.notify(
      [{ person: finding.responsible! }, ...(approverToo ? [{ role: approver }] : [])],
      "warning",
      actionTitle(finding, ...what),
      body,
    )
  /** ④ the responsible's task to carry out the action, once it needs no (more) approval. */
  const startAction = (state: ReviewState, finding: Nonconformity, host: HostEffects) =>
    host.task(
      { person: finding.responsible! },
      {
        externalKey: taskKey(state, finding, "action"),
        subject: `不合格项 ${finding.id} 纠正措施`,
        body: `${finding.description}\n原因：${finding.rootCause ?? ""}\n措施：${finding.correctiveAction ?? ""}`,
        ...(finding.dueAt === undefined ? {} : { dueAt: finding.dueAt }),
      },
    )

  return defineFlow<ReviewState, ReviewCommand, ReviewEvent, PolicyRefusal>({
    name: processName,
    initialState,
    commands: qualityReviewCommandSchema,
    idOf: (state) => state.id || "(new)",
    finished: ["closed"],
    steps: {
      // ① 制定检查/审核计划 (quality manager): scope, criteria, date, lead
      Plan: (state, command, decision) => {
        if (state.status !== "none") return decision.refuse("the review is already planned")
        return decision.accept({ ...command, type: "Planned", policyVersion: policy.version })
      },
      // ② 实施检查，填写检查表 (review lead) ◇ 有不合格项？ yes: correcting — no: ready to close
      RecordFindings: (state, command, decision) => {
        if (state.status !== "planned") return decision.refuse("findings are recorded once, after planning")
        const unexplained = command.checklist.findIndex(
          (line) => !line.conforming && line.finding === undefined,
        )
        if (unexplained >= 0)
          return policyRefused(
            "review.findingRecorded",
            `checklist line ${unexplained + 1} does not conform but records no finding`,
          )
        return decision.accept({ ...command, type: "FindingsRecorded" })
      },
      // ③ 原因分析，制定纠正措施 (responsible) ◇ 需审批？ by the policy and the severity
      ProposeCorrectiveAction: (state, command, decision) => {
        if (state.status !== "correcting") return decision.refuse("the review has no open non-conformities")
        return atFinding(state, command.nonconformityId, "open", decision, ({ severity }) => {
          const dueAt = command.dueAt ?? command.at + dueDays[severity] * dayMillis
          if (dueAt <= command.at)
            return policyRefused("review.actionDue", "the corrective action must be due in the future")
          const needsApproval = approvalFor.includes(severity)
          const proposed = { ...command, correction: command.correction, dueAt, needsApproval }
          return decision.accept({ ...proposed, type: "CorrectiveActionProposed" })
        })
      },
      // ✓ 纠正措施审批 (manager): approved starts ④ — rejected or withdrawn back to ③
      DecideApproval: (state, { at, nonconformityId, outcome, comment }, decision) =>
        atFinding(state, nonconformityId, "actionSubmitted", decision, () =>
          decision.accept(
            outcome === "approved"
              ? { type: "CorrectiveActionApproved", at, nonconformityId, comment }
              : { type: "CorrectiveActionRejected", at, nonconformityId, comment: comment ?? outcome },
          ),
        ),
      // ④ 实施纠正措施 (responsible), by its due date
      CompleteCorrectiveAction: (state, command, decision) =>
        atFinding(state, command.nonconformityId, "implementing", decision, () =>
          decision.accept({ ...command, type: "CorrectiveActionCompleted" }),
        ),
      // ⑤ 验证纠正措施 (verifier, not the responsible) ◇ 有效？ yes: closed — no: back to ③
      VerifyCorrectiveAction: (state, command, decision) =>
        atFinding(state, command.nonconformityId, "awaitingVerification", decision, (finding) =>
          command.by === finding.responsible
            ? policyRefused(
                "review.independentVerification",
                "the person who carried out the action may not verify it",
              )
            : decision.accept({ ...command, type: "CorrectiveActionVerified" }),
        ),
      // ⏰ 超期: the due date passed while the action is still being carried out
      MarkActionOverdue: (state, command, decision) => {
        const finding = findingOf(state, command.nonconformityId)
        const due = finding?.status === "implementing" && !finding.overdue && finding.dueAt !== undefined
        return decision.acceptIf(due && command.at >= finding.dueAt!, {
          ...command,
          type: "CorrectiveActionOverdue",
        })
      },
      // ⑥ 标准化，关闭 (quality manager): once every non-conformity is closed
      Close: (state, command, decision) => {
        if (state.status !== "readyToClose")
          return decision.refuse(
            "every non-conformity must be closed (its corrective action verified effective) first",
          )
        return decision.accept({ ...command, type: "Closed" })
      },
    },
    folds: {
      Planned: (_state, { id, kind, departmentId, scope, criteria, plannedFor, lead, policyVersion }) => ({
        ...{ ...initialState, id, kind, departmentId, scope, criteria, plannedFor, lead, policyVersion },
        status: "planned",
      }),
      FindingsRecorded: (state, { checklist, nonconformities }) => ({
        ...state,
        status: nonconformities.length === 0 ? "readyToClose" : "correcting",
        checklist,
        nonconformities: nonconformities.map(openedNonconformity),
      }),
      CorrectiveActionProposed: findingFold(
        ({ rootCause, correction, correctiveAction, responsible, dueAt, needsApproval }, finding) => ({
          ...untriedAction,
          status: needsApproval ? "actionSubmitted" : "implementing",
          attempts: finding.attempts + 1,
          rootCause,
          correction,
          correctiveAction,
          responsible,
          dueAt,
        }),
      ),
      CorrectiveActionApproved: findingFold(() => ({ status: "implementing" })),
      CorrectiveActionRejected: findingFold((event) => ({ status: "open", rejection: event.comment })),
      CorrectiveActionCompleted: findingFold((event) => ({
        status: "awaitingVerification",
        evidence: event.evidence,
      })),
      CorrectiveActionVerified: findingFold(({ at, effective, note, by }) => ({
        status: effective ? "closed" : "open",
        verification: { effective, note, by, at },
      })),
      CorrectiveActionOverdue: findingFold(() => ({ overdue: true })),
      Closed: (state, { conclusion, standardised }) => ({
        ...state,
        status: "closed",
        conclusion,
        standardised,
      }),
    },
    deadlines: (state) =>
      timers(
        ...state.nonconformities.map(
          (finding) =>
            finding.status === "implementing" &&
            timer<ReviewCommand>(
              `action-due/${finding.id}/${finding.attempts}`,
              finding.dueAt,
              { type: "MarkActionOverdue", nonconformityId: finding.id },
              finding.overdue,
            ),
        ),
      ),
    effects: {
      Planned: (state, _event, host) => [
        host.task(
          { person: state.lead! },
          {
            externalKey: `${state.id}/review`,
            subject: `${kindOf(state)["zh-CN"]}：${state.scope.slice(0, 60)}`,
            body: state.criteria,
            dueAt: state.plannedFor,
          },
        ),
      ],
      FindingsRecorded: (state, { nonconformities }, host) => [
        host.completeTask(`${state.id}/review`),
        host.notify(
          [{ role: "supervisor", ...inDepartment(state) }],
          nonconformities.some((finding) => finding.severity === "major") ? "warning" : "info",
          label(`${kindOf(state)["zh-CN"]}结果`, `${kindOf(state).en} findings`),
          label(
            `发现不合格项 ${nonconformities.length} 项，请制定纠正措施。`,
            `${nonconformities.length} non-conformities found; corrective actions are due.`,
          ),
        ),
      ],
      CorrectiveActionProposed: findingEffects((state, finding, event, host) => {
        if (!event.needsApproval) return [startAction(state, finding, host)]
        const { nonconformityId: number, rootCause, correction, correctiveAction, responsible, dueAt } = event
        const action = { rootCause, correction, correctiveAction, responsible, dueAt }
        const { description, standard, severity } = finding
        return [
          host.submitApproval(host.key("approval.submit"), {
            requestType: "quality.correctiveAction",
            businessKey: `${state.id}/${finding.id}`,
            title: actionTitle(finding, "审批", ""),
            originator: { person: event.responsible },
            formId: "quality.nonconformity",
            values: { number, department: state.departmentId, description, standard, severity, ...action },
            steps: [{ mode: "any", approvers: [{ role: approver }] }],
          }),
        ]
      }),
      CorrectiveActionApproved: findingEffects((state, finding, _event, host) => [
        startAction(state, finding, host),
      ]),
      CorrectiveActionRejected: findingEffects((_state, finding, { comment }, host) => [
        warn(host, finding, ["被退回", " sent back"], asWritten(comment ?? ""), false),
      ]),
      CorrectiveActionCompleted: findingEffects((state, finding, event, host) => [
        host.completeTask(taskKey(state, finding, "action")),
        host.task(
          { role: verifier, ...inDepartment(state) },
          {
            externalKey: taskKey(state, finding, "verify"),
            subject: `验证不合格项 ${finding.id} 纠正措施`,
            body: event.evidence,
          },
        ),
      ]),
      CorrectiveActionVerified: findingEffects((state, finding, { effective, note }, host) => {
        const done = host.completeTask(taskKey(state, finding, "verify"))
        if (effective) return [done]
        const body = label(
          `验证意见：${note}。请重新分析原因并制定措施。`,
          `Verification: ${note}. Analyse the cause again and propose a new action.`,
        )
        return [done, warn(host, finding, ["无效", " did not work"], body)]
      }),
      CorrectiveActionOverdue: findingEffects((_state, finding, _event, host) => [
        warn(host, finding, ["已超期", " is overdue"], asWritten(finding.correctiveAction ?? "")),
      ]),
      Closed: (state, event, host) => [
        host.notify(
          [{ role: approver }],
          "info",
          label(`${kindOf(state)["zh-CN"]}已关闭`, `${kindOf(state).en} closed`),
          asWritten(event.conclusion),
        ),
      ],
    },
    // The host's status line names the PDCA phase while non-conformities are being corrected.
    statusOf: (state) =>
      state.status === "correcting" ? `correcting (${pdcaPhaseOf(state)})` : state.status,
  })
}
