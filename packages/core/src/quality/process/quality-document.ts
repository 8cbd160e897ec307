import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { decideAtGate, type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import { approvalStepsOf } from "../../process/approval-steps.ts"
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
  timerCommand,
} from "../../process/command-shapes.ts"
import { daysAfter } from "../../process/days-after.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import type { GateDecidedFields, GateDecisionEvents } from "../../process/gate-events.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { reminderTimer } from "../../process/reminder-timer.ts"
import {
  type ReviewedEvent,
  reviewCommandSchema,
  reviewStep,
  sentBackNotice,
} from "../../process/review-step.ts"
import { timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import { Role } from "../../roles/role.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { DocumentKind, type DocumentStatus, type VersionStatus } from "../labels/quality-system-labels.ts"
import { defaultQualityPolicy, type QualityPolicy } from "../policy/quality-policy.ts"
import { documentForm } from "../schema/document-form.ts"

/** The process name of a quality-system document; part of every idempotency key. */
export const qualityDocumentName = "quality.document"

const recipientSchema = z.strictObject({ departmentId: departmentIdSchema, post: Role.schema })

/** A post in a department a document is distributed to (发放对象), who acknowledges receipt (签收). */
export type DocumentRecipient = ShapedCommand<typeof recipientSchema>

/** A version being drafted, reviewed and approved, not yet distributed. */
export interface DraftVersion {
  readonly number: number
  readonly content: string
  readonly changeSummary: string | undefined
  readonly author: PersonId
  readonly draftedAt: Instant
  /** How often this version was (re)submitted for review: tasks of each round have their own key. */
  readonly round: number
  readonly reviewer: PersonId | undefined
  readonly reviewComments: string | undefined
  readonly approvedBy: PersonId | undefined
  readonly approvedAt: Instant | undefined
}

/** A version that was in force: kept for good, superseded by the next or withdrawn (受控文件的版本记录). */
export interface DocumentVersion extends DraftVersion {
  readonly status: VersionStatus
  readonly effectiveAt: Instant
  readonly endedAt: Instant | undefined
}

/** One recipient of the version in force and its acknowledgement. */
export interface Distribution extends DocumentRecipient {
  readonly acknowledgedBy: PersonId | undefined
  readonly acknowledgedAt: Instant | undefined
}

/** What the approval waited on decides: a version to put in force, or the document's withdrawal. */
export type DocumentApprovalPurpose = "version" | "withdrawal"

/** The state of one quality-system document with all its versions. */
export interface QualityDocumentState extends FlowState, GatedState {
  readonly status: DocumentStatus
  readonly sequence: number
  readonly documentId: string
  readonly title: string
  readonly kind: DocumentKind
  readonly draft: DraftVersion | undefined
  readonly versions: ReadonlyArray<DocumentVersion>
  readonly distribution: ReadonlyArray<Distribution>
  readonly distributedAt: Instant | undefined
  readonly acknowledgementReminded: boolean
  readonly approval: { readonly key: string; readonly purpose: DocumentApprovalPurpose } | undefined
  /** The withdrawal asked for and not yet decided or cancelled. */
  readonly withdrawal: { readonly reason: string; readonly requestedBy: PersonId } | undefined
}

const content = commandTextSchema(20000)
const note = commandTextSchema(2000)

/** The shape of every command of a quality-system document, checked before the decider reads it. */
export const qualityDocumentCommandSchema = commandUnion(
  /** ① 编写 the draft (or redraft a returned one) and submit it for review. */
  commandShape("Draft", {
    documentId: commandIdSchema,
    title: commandTextSchema(200),
    kind: DocumentKind.schema,
    author: actorSchema,
    content,
    changeSummary: note.optional(),
  }),
  /** ② 审核 by the reviewer the policy names: ◇ passed goes to ✓, otherwise back to ①. */
  reviewCommandSchema,
  /** ③ ✓ the approvers' decision on the version, or on the withdrawal. */
  decideApprovalSchema,
  /** ④ 发放 the approved version to posts in departments; it supersedes the version before. */
  commandShape("Distribute", {
    by: actorSchema,
    recipients: z
      .array(recipientSchema)
      .min(1, "distribute to at least one post")
      .refine(
        (list) => new Set(list.map(recipientKey)).size === list.length,
        "each post of a department is named once",
      ),
  }),
  /** ⑤ 签收: a recipient acknowledges receipt of the version in force. */
  commandShape("Acknowledge", { departmentId: departmentIdSchema, post: Role.schema, by: actorSchema }),
  /** The timer of the acknowledgement period. */
  timerCommand("RemindAcknowledgement"),
  /** ⑥ 修订: a new version drafted from the one in force, submitted for review. */
  commandShape("Revise", { author: actorSchema, content, changeSummary: note }),
  /** ⑦ 废止申请: the document withdrawn, after approval. */
  commandShape("RequestWithdrawal", { requester: actorSchema, reason: note }),
  cancelCommandSchema,
)

/** The commands of a quality-system document. */
export type QualityDocumentCommand = ShapedCommand<typeof qualityDocumentCommandSchema>

type Step<Type extends QualityDocumentCommand["type"]> = StepFields<QualityDocumentCommand, Type>

/** The events of a quality-system document. */
export type QualityDocumentEvent =
  | FlowEvent<"Drafted", Step<"Draft"> & { version: number }>
  | ReviewedEvent
  | FlowEvent<"ApprovalRequested", { approvalKey: string; purpose: DocumentApprovalPurpose }>
  | GateDecisionEvents<"Approved", "Returned">
  | FlowEvent<"Distributed", Step<"Distribute">>
  | FlowEvent<"Acknowledged", Step<"Acknowledge">>
  | FlowEvent<"AcknowledgementReminded">
  | FlowEvent<"Revised", Step<"Revise"> & { version: number }>
  | FlowEvent<"WithdrawalRequested", Step<"RequestWithdrawal">>
  | FlowEvent<"Withdrawn", GateDecidedFields>
  | CancelledEvent

/** Why a command of a quality-system document is refused. */
export type QualityDocumentRefusal = InvalidTransition | ValidationError

function recipientKey(recipient: DocumentRecipient): string {
  return `${recipient.departmentId}/${recipient.post}`
}

const initialState: QualityDocumentState = {
  status: "none",
  sequence: 0,
  documentId: "",
  title: "",
  kind: "procedure",
  draft: undefined,
  versions: [],
  distribution: [],
  distributedAt: undefined,
  acknowledgementReminded: false,
  approval: undefined,
  decidedApprovals: [],
  withdrawal: undefined,
}

/** The version in force, if any. */
export const currentVersionOf = (state: QualityDocumentState): DocumentVersion | undefined =>
  state.versions.find((version) => version.status === "current")

const unacknowledged = (state: QualityDocumentState) =>
  state.distribution.filter((recipient) => recipient.acknowledgedAt === undefined)

/** Where a document with a version in force rests: in force once every recipient acknowledged. */
const settled = (state: QualityDocumentState): DocumentStatus =>
  unacknowledged(state).length === 0 ? "inForce" : "distributed"

/** Whether the document rests with a version in force and nothing under way (a revision may start). */
const resting = (status: DocumentStatus) => status === "distributed" || status === "inForce"

/** Whether a version is in force, whatever else is under way (a revision, a withdrawal request). */
const hasVersionInForce = (state: QualityDocumentState) =>
  state.status !== "withdrawn" && currentVersionOf(state) !== undefined

const newDraft = (
  number: number,
  round: number,
  at: Instant,
  fields: { readonly author: Actor; readonly content: string; readonly changeSummary?: string | undefined },
): DraftVersion => ({
  number,
  round,
  content: fields.content,
  changeSummary: fields.changeSummary,
  author: fields.author.personId,
  draftedAt: at,
  reviewer: undefined,
  reviewComments: undefined,
  approvedBy: undefined,
  approvedAt: undefined,
})

/**
 * A controlled quality-system document (002 10.2 服务质量体系文件管理, 10.3 文件编制; 000 10.5.5
 * 服务质量体系程序文件): drafted, reviewed, approved ✓, distributed to posts with their
 * acknowledgement, revised as new versions that supersede the one in force, and withdrawn after
 * approval. Every version stays in the state (现行版, 已作废, 已废止), so what was in force when is
 * never lost.
 */
export function qualityDocumentProcess(
  policy: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<
  QualityDocumentState,
  QualityDocumentCommand,
  QualityDocumentEvent,
  QualityDocumentRefusal
> {
  const { documentReviewer, documentApprovers, acknowledgeWithinDays } = policy.system
  const nameOf = (state: QualityDocumentState) => `${state.documentId} ${state.title}`
  const reviewTask = (state: QualityDocumentState) =>
    `${state.documentId}/v${state.draft!.number}/review/${state.draft!.round}`
  const distributeTask = (state: QualityDocumentState) =>
    `${state.documentId}/v${state.draft!.number}/distribute`
  const acknowledgeTask = (state: QualityDocumentState, recipient: DocumentRecipient) =>
    `${state.documentId}/v${currentVersionOf(state)?.number}/acknowledge/${recipientKey(recipient)}`
  const authorOf = (state: QualityDocumentState): Assignee =>
    state.draft ? { person: state.draft.author } : { role: "officer" }
  const postOf = (recipient: DocumentRecipient): Assignee => ({
    role: recipient.post,
    departmentId: recipient.departmentId as DepartmentId,
  })

  /** ② the reviewer's task for the draft's current round. */
  const askForReview = (state: QualityDocumentState, host: HostEffects) =>
    host.task(
      { role: documentReviewer },
      {
        externalKey: reviewTask(state),
        subject: `审核质量体系文件 Review ${nameOf(state)} v${state.draft!.number}`,
        body: state.draft!.changeSummary ?? state.title,
      },
    )

  const acknowledgementReminder = reminderTimer<
    QualityDocumentState,
    QualityDocumentCommand,
    QualityDocumentEvent
  >({
    key: "acknowledge",
    command: { type: "RemindAcknowledgement" },
    dueAt: (state) => daysAfter(state.distributedAt, acknowledgeWithinDays),
    awaited: (state) =>
      hasVersionInForce(state) && unacknowledged(state).length > 0 && !state.acknowledgementReminded,
    event: (at) => ({ type: "AcknowledgementReminded", at }),
  })

  return defineFlow<QualityDocumentState, QualityDocumentCommand, QualityDocumentEvent, never>({
    name: qualityDocumentName,
    initialState,
    commands: qualityDocumentCommandSchema,
    idOf: (state) => state.documentId,
    finished: ["withdrawn", "cancelled"],
    steps: {
      // ① 编写文件 (服务质量专员): a new document, or a draft sent back to its author
      Draft: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "drafting")
          return decision.refuse("a draft is written for a new document or one sent back for redrafting")
        if (state.status === "drafting" && command.documentId !== state.documentId)
          return decision.refuse(`this is document ${state.documentId}, not ${command.documentId}`)
        const version = state.draft?.number ?? 1
        return decision.accept({ ...command, type: "Drafted", version })
      },
      // ② 审核 (服务质量主管, not the author) ◇ 审核通过？ yes: ③ ✓ — no: back to ①
      Review: reviewStep<QualityDocumentState, QualityDocumentEvent>({
        refusalOf: (state) =>
          state.status === "inReview" ? undefined : "only a submitted draft is reviewed",
        authorOf: (state) => state.draft?.author,
        approvalRequested: (_state, at, approvalKey) => ({
          type: "ApprovalRequested",
          at,
          approvalKey,
          purpose: "version",
        }),
      }),
      // ③ 审批 ✓ (客户服务部经理): approved — the version to ④, or the document withdrawn; returned — back
      DecideApproval: (state, command, decision) => {
        const waiting = state.status === "awaitingApproval" || state.status === "withdrawalRequested"
        return decideAtGate(state, command, waiting, decision, {
          approved: (decided) =>
            state.approval?.purpose === "withdrawal"
              ? decision.accept({ type: "Withdrawn", ...decided })
              : decision.accept({ type: "Approved", ...decided }),
          returned: (decided) => decision.accept({ ...decided, type: "Returned" }),
        })
      },
      // ④ 发放 (服务质量专员) to posts; the version before is superseded and its copies recalled
      Distribute: (state, command, decision) => {
        if (state.status !== "approved") return decision.refuse("only an approved version is distributed")
        return decision.accept({ ...command, type: "Distributed" })
      },
      // ⑤ 签收 (each receiving post)
      Acknowledge: (state, command, decision) => {
        if (!hasVersionInForce(state)) return decision.refuse("no version is in force to acknowledge")
        const recipient = state.distribution.find(
          (each) => each.departmentId === command.departmentId && each.post === command.post,
        )
        if (recipient === undefined)
          return decision.refuse(`the version in force was not distributed to ${recipientKey(command)}`)
        return decision.acceptIf(recipient.acknowledgedAt === undefined, { ...command, type: "Acknowledged" })
      },
      // ⏰ 签收期满: one reminder to the posts that have not acknowledged
      RemindAcknowledgement: acknowledgementReminder.step,
      // ⑥ 修订 (服务质量专员): a new version of the one in force, then ② again
      Revise: (state, command, decision) => {
        if (!resting(state.status))
          return decision.refuse(
            "only a document in force, with no revision or withdrawal under way, is revised",
          )
        const version = Math.max(...state.versions.map((each) => each.number)) + 1
        return decision.accept({ ...command, type: "Revised", version })
      },
      // ⑦ 废止申请 then ③ ✓
      RequestWithdrawal: (state, command, decision) => {
        if (!resting(state.status))
          return decision.refuse(
            "only a document in force, with no revision or withdrawal under way, is withdrawn",
          )
        return decision.accept(
          { ...command, type: "WithdrawalRequested" },
          {
            type: "ApprovalRequested",
            at: command.at,
            approvalKey: decision.keyAt(1, "approval.submit"),
            purpose: "withdrawal",
          },
        )
      },
      // 取消: a draft abandoned, a withdrawal no longer asked for
      Cancel: cancelStep(
        (state) =>
          ["none", "approved", "distributed", "inForce", "withdrawn", "cancelled"].includes(state.status)
            ? "only a draft or a withdrawal request can be cancelled"
            : undefined,
        (state) => state.status === "awaitingApproval" || state.status === "withdrawalRequested",
      ),
    },
    folds: {
      Drafted: (state, { at, documentId, title, kind, version, ...fields }) => ({
        ...state,
        status: "inReview",
        documentId,
        title,
        kind,
        draft: newDraft(version, (state.draft?.round ?? 0) + 1, at, fields),
      }),
      Reviewed: (state, { reviewer, passed, comments }) => ({
        ...state,
        status: passed ? state.status : "drafting",
        draft: { ...state.draft!, reviewer: reviewer.personId, reviewComments: comments },
      }),
      ApprovalRequested: (state, { approvalKey: key, purpose }) => ({
        ...state,
        status: purpose === "version" ? "awaitingApproval" : "withdrawalRequested",
        approval: { key, purpose },
      }),
      Approved: (state, { at, decidedBy }) => ({
        ...gatePassed(state),
        status: "approved",
        draft: { ...state.draft!, approvedBy: decidedBy, approvedAt: at },
      }),
      Returned: (state) => {
        const returned = gateReturned(state)
        return state.approval?.purpose === "withdrawal"
          ? { ...returned, status: settled(state), withdrawal: undefined }
          : { ...returned, status: "drafting" }
      },
      Distributed: (state, { at, recipients }) => {
        const kept = state.versions.map((version) =>
          version.status === "current" ? { ...version, status: "superseded" as const, endedAt: at } : version,
        )
        const version: DocumentVersion = {
          ...state.draft!,
          status: "current",
          effectiveAt: at,
          endedAt: undefined,
        }
        const distribution = recipients.map((recipient) => ({
          ...recipient,
          acknowledgedBy: undefined,
          acknowledgedAt: undefined,
        }))
        const next = { ...state, versions: [...kept, version], draft: undefined, distribution }
        return { ...next, status: settled(next), distributedAt: at, acknowledgementReminded: false }
      },
      Acknowledged: (state, { at, departmentId, post, by }) => {
        const distribution = state.distribution.map((recipient) =>
          recipient.departmentId === departmentId && recipient.post === post
            ? { ...recipient, acknowledgedBy: by.personId, acknowledgedAt: at }
            : recipient,
        )
        const next = { ...state, distribution }
        return { ...next, status: state.status === "distributed" ? settled(next) : state.status }
      },
      AcknowledgementReminded: (state) => ({ ...state, acknowledgementReminded: true }),
      Revised: (state, { at, version, ...fields }) => ({
        ...state,
        status: "inReview",
        draft: newDraft(version, 1, at, fields),
      }),
      WithdrawalRequested: (state, { reason, requester }) => ({
        ...state,
        withdrawal: { reason, requestedBy: requester.personId },
      }),
      Withdrawn: (state, { at }) => ({
        ...gatePassed(state),
        status: "withdrawn",
        versions: state.versions.map((version) =>
          version.status === "current" ? { ...version, status: "withdrawn" as const, endedAt: at } : version,
        ),
      }),
      Cancelled: (state) =>
        state.versions.length === 0
          ? { ...state, status: "cancelled" }
          : { ...state, status: settled(state), draft: undefined, withdrawal: undefined },
    },
    deadlines: (state) => timers(acknowledgementReminder.deadline(state)),
    effects: {
      Drafted: (state, _event, host) => [askForReview(state, host)],
      Revised: (state, _event, host) => [askForReview(state, host)],
      Reviewed: (state, event, host) => [
        host.completeTask(reviewTask(state)),
        ...(event.passed
          ? []
          : [
              sentBackNotice(
                host,
                authorOf(state),
                label(`文件审核未通过：${nameOf(state)}`, `Document review not passed: ${nameOf(state)}`),
                event.comments,
              ),
            ]),
      ],
      ApprovalRequested: (state, event, host) => {
        const draft = state.draft ?? currentVersionOf(state)!
        return [
          host.submitApproval(event.approvalKey, {
            requestType:
              event.purpose === "version" ? "quality.document.version" : "quality.document.withdrawal",
            businessKey: state.documentId,
            title:
              event.purpose === "version"
                ? label(`质量体系文件审批：${nameOf(state)}`, `Quality document approval: ${nameOf(state)}`)
                : label(
                    `质量体系文件废止：${nameOf(state)}`,
                    `Quality document withdrawal: ${nameOf(state)}`,
                  ),
            originator: state.withdrawal ? { person: state.withdrawal.requestedBy } : authorOf(state),
            formId: documentForm.id,
            values: {
              documentNumber: state.documentId,
              title: state.title,
              kind: state.kind,
              version: draft.number,
              author: draft.author,
              content: draft.content,
              ...(draft.changeSummary === undefined ? {} : { changeSummary: draft.changeSummary }),
              ...(draft.reviewer === undefined ? {} : { reviewer: draft.reviewer }),
              ...(draft.reviewComments === undefined ? {} : { reviewComments: draft.reviewComments }),
              ...(state.withdrawal === undefined ? {} : { withdrawalReason: state.withdrawal.reason }),
            },
            steps: approvalStepsOf(documentApprovers),
          }),
        ]
      },
      Approved: (state, _event, host) => [
        host.task(authorOf(state), {
          externalKey: distributeTask(state),
          subject: `发放质量体系文件 Distribute ${nameOf(state)} v${state.draft!.number}`,
          body: "文件已批准，请确定发放范围并发放。The document is approved: distribute it.",
        }),
      ],
      Returned: (state, event, host) => [
        sentBackNotice(
          host,
          authorOf(state),
          label(`文件审批未通过：${nameOf(state)}`, `Document not approved: ${nameOf(state)}`),
          event.comment,
        ),
      ],
      Distributed: (state, event, host) => {
        const version = currentVersionOf(state)!
        const superseded = state.versions.find(
          (each) => each.endedAt === event.at && each.status === "superseded",
        )
        const recall = superseded
          ? `；旧版 v${superseded.number} 作废，请交回 (recall v${superseded.number})`
          : ""
        return [
          host.completeTask(`${state.documentId}/v${version.number}/distribute`),
          ...event.recipients.map((recipient) =>
            host.task(
              postOf(recipient),
              {
                externalKey: acknowledgeTask(state, recipient),
                subject: `签收质量体系文件 Acknowledge ${nameOf(state)} v${version.number}`,
                body: `${state.title} v${version.number} 生效${recall}`,
                dueAt: event.at + acknowledgeWithinDays * dayMillis,
              },
              `host.task.create:${recipientKey(recipient)}`,
            ),
          ),
        ]
      },
      Acknowledged: (state, event, host) => [host.completeTask(acknowledgeTask(state, event))],
      AcknowledgementReminded: (state, _event, host) => [
        host.notify(
          [...unacknowledged(state).map(postOf), { role: documentReviewer }],
          "warning",
          label(`请签收质量体系文件：${nameOf(state)}`, `Please acknowledge ${nameOf(state)}`),
          label(
            `${unacknowledged(state).length} 个岗位尚未签收`,
            `${unacknowledged(state).length} posts have not acknowledged`,
          ),
        ),
      ],
      WithdrawalRequested: () => [],
      Withdrawn: (state, _event, host) => [
        host.notify(
          state.distribution.map(postOf),
          "info",
          label(`质量体系文件已废止：${nameOf(state)}`, `Quality document withdrawn: ${nameOf(state)}`),
          label(
            `请停止使用并交回全部副本。${state.withdrawal?.reason ?? ""}`,
            `Stop using it and return every copy. ${state.withdrawal?.reason ?? ""}`,
          ),
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
