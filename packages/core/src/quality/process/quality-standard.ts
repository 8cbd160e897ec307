import type { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
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
} from "../../process/command-shapes.ts"
import { commandIdSchema, commandTextSchema } from "../../process/decider-support.ts"
import type { ProcessDefinition } from "../../process/definition.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import {
  decideVersionApproval,
  publishedVersionNotice,
  publishVersionCommandSchema,
  type VersionApprovedEvent,
  type VersionReturnedEvent,
} from "../../process/policy-version-lifecycle.ts"
import {
  type ReviewedEvent,
  reviewCommandSchema,
  reviewStep,
  sentBackNotice,
} from "../../process/review-step.ts"
import { actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import type { Instant } from "../../time/instant.ts"
import type { StandardStatus } from "../labels/quality-system-labels.ts"
import { changedPaths } from "../policy/policy-changes.ts"
import { defaultQualityPolicy, type QualityPolicy, qualityPolicySchema } from "../policy/quality-policy.ts"
import { standardForm } from "../schema/standard-form.ts"

/** The process name of a quality standard's drafting; part of every idempotency key. */
export const qualityStandardName = "quality.standard"

/** The state of one new quality standard: a new version of the quality policy on its way to being published. */
export interface QualityStandardState extends FlowState, GatedState {
  readonly status: StandardStatus
  readonly sequence: number
  readonly standardId: string
  readonly title: string
  readonly basis: string
  readonly author: PersonId | undefined
  /** The version in force when the standard was drafted, the one it replaces. */
  readonly basedOnVersion: string
  /** The new version as drafted: validated, and kept in the events so replay never depends on today's policy. */
  readonly policy: QualityPolicy | undefined
  /** What the new version changes against the one it replaces (paths such as `indices.confidence`). */
  readonly changes: ReadonlyArray<string>
  readonly reviewer: PersonId | undefined
  readonly reviewComments: string | undefined
  readonly approvedBy: PersonId | undefined
  readonly effectiveAt: Instant | undefined
  /** How often the standard was submitted for review: each round's task has its own key. */
  readonly round: number
}

const note = commandTextSchema(2000)

/** The shape of every command of a quality standard, checked before the decider reads it. */
export const qualityStandardCommandSchema = commandUnion(
  /** ① 编制 the standard as a new version of the quality policy, with its basis; or redraft it. */
  commandShape("Draft", {
    standardId: commandIdSchema,
    title: commandTextSchema(200),
    basis: note,
    author: actorSchema,
    policy: qualityPolicySchema as unknown as z.ZodType<QualityPolicy>,
  }),
  /** ② 征求意见、审核: ◇ passed goes to ✓, otherwise back to ①. */
  reviewCommandSchema,
  /** ③ ✓ the approvers' decision. */
  decideApprovalSchema,
  /** ④ 发布: the new version in force from `effectiveAt` (when published, if not given). */
  publishVersionCommandSchema,
  cancelCommandSchema,
)

/** The commands of a quality standard. */
export type QualityStandardCommand = ShapedCommand<typeof qualityStandardCommandSchema>

type Step<Type extends QualityStandardCommand["type"]> = StepFields<QualityStandardCommand, Type>

/** The events of a quality standard. */
export type QualityStandardEvent =
  | FlowEvent<"Drafted", Step<"Draft"> & { basedOnVersion: string; changes: ReadonlyArray<string> }>
  | ReviewedEvent
  | FlowEvent<"ApprovalRequested", { approvalKey: string }>
  | VersionApprovedEvent
  | VersionReturnedEvent
  // The published policy travels in the event: whoever keeps policies takes it from here.
  | FlowEvent<"Published", { by: Step<"Publish">["by"]; effectiveAt: Instant; policy: QualityPolicy }>
  | CancelledEvent

/** Why a command of a quality standard is refused. */
export type QualityStandardRefusal = InvalidTransition | ValidationError

const initialState: QualityStandardState = {
  status: "none",
  sequence: 0,
  standardId: "",
  title: "",
  basis: "",
  author: undefined,
  basedOnVersion: "",
  policy: undefined,
  changes: [],
  reviewer: undefined,
  reviewComments: undefined,
  approvedBy: undefined,
  effectiveAt: undefined,
  round: 0,
  approval: undefined,
  decidedApprovals: [],
}

/** The quality policy a published standard put in force, undefined before it is published. */
export const publishedPolicyOf = (state: QualityStandardState): QualityPolicy | undefined =>
  state.status === "published" ? state.policy : undefined

/** Everyone the standard binds, told when it is published. */
const everyPost: ReadonlyArray<Role> = ["officer", "supervisor", "manager"]

/**
 * A customer service quality standard drafted, reviewed, approved ✓ and published as a new
 * version of the quality policy (002 10.5 客户服务质量标准编制; 000 10.3.1 客户服务质量标准规范).
 * `current` is the policy in force: the draft must carry a new version, and the approvers see
 * what it changes against `current`.
 */
export function qualityStandardProcess(
  current: QualityPolicy = defaultQualityPolicy,
): ProcessDefinition<
  QualityStandardState,
  QualityStandardCommand,
  QualityStandardEvent,
  QualityStandardRefusal
> {
  const { documentReviewer, standardApprovers } = current.system
  const nameOf = (state: QualityStandardState) => `${state.title} ${state.policy?.version ?? ""}`
  const reviewTask = (state: QualityStandardState) => `${state.standardId}/review/${state.round}`
  const authorOf = (state: QualityStandardState): Assignee =>
    state.author ? { person: state.author } : { role: "supervisor" }

  return defineFlow<QualityStandardState, QualityStandardCommand, QualityStandardEvent, never>({
    name: qualityStandardName,
    initialState,
    commands: qualityStandardCommandSchema,
    idOf: (state) => state.standardId,
    finished: ["published", "cancelled"],
    steps: {
      // ① 编制标准 (服务质量主管): a new policy version, validated field by field
      Draft: (state, command, decision) => {
        if (state.status !== "none" && state.status !== "drafting")
          return decision.refuse("a standard is drafted new, or redrafted when sent back")
        if (state.status === "drafting" && command.standardId !== state.standardId)
          return decision.refuse(`this is standard ${state.standardId}, not ${command.standardId}`)
        if (command.policy.version === current.version)
          return decision.refuse(
            `the new standard needs a version other than ${current.version}, the one in force`,
          )
        const changes = changedPaths(current, command.policy).filter((path) => path !== "version")
        if (changes.length === 0)
          return decision.refuse("the new standard changes nothing in the policy in force")
        return decision.accept({ ...command, type: "Drafted", basedOnVersion: current.version, changes })
      },
      // ② 征求意见、审核 (相关部门, 主管; not the author) ◇ 通过？ yes: ③ ✓ — no: back to ①
      Review: reviewStep<QualityStandardState, QualityStandardEvent>({
        refusalOf: (state) =>
          state.status === "inReview" ? undefined : "only a drafted standard is reviewed",
        authorOf: (state) => state.author,
        approvalRequested: (_state, at, approvalKey) => ({ type: "ApprovalRequested", at, approvalKey }),
      }),
      // ③ 审批 ✓ (经理 → 总经理): approved — to ④; returned — back to ①
      DecideApproval: (state, command, decision) =>
        decideVersionApproval(state, command, state.status === "awaitingApproval", decision),
      // ④ 发布实施 (服务质量主管): the new policy version, carried in the event
      Publish: (state, command, decision) => {
        if (state.status !== "approved") return decision.refuse("only an approved standard is published")
        return decision.accept({
          type: "Published",
          at: command.at,
          by: command.by,
          effectiveAt: command.effectiveAt ?? command.at,
          policy: state.policy!,
        })
      },
      Cancel: cancelStep(
        (state) =>
          ["none", "approved", "published", "cancelled"].includes(state.status)
            ? "only a standard still being drafted, reviewed or approved can be cancelled"
            : undefined,
        (state) => state.status === "awaitingApproval",
      ),
    },
    folds: {
      Drafted: (state, { standardId, title, basis, author, policy, basedOnVersion, changes }) => ({
        ...state,
        status: "inReview",
        standardId,
        title,
        basis,
        author: author.personId,
        policy,
        basedOnVersion,
        changes,
        round: state.round + 1,
      }),
      Reviewed: (state, { reviewer, passed, comments }) => ({
        ...state,
        status: passed ? state.status : "drafting",
        reviewer: reviewer.personId,
        reviewComments: comments,
      }),
      ApprovalRequested: (state, { approvalKey: key }) => ({
        ...state,
        status: "awaitingApproval",
        approval: { key },
      }),
      Approved: (state, { decidedBy }) => ({
        ...gatePassed(state),
        status: "approved",
        approvedBy: decidedBy,
      }),
      Returned: (state) => ({ ...gateReturned(state), status: "drafting" }),
      Published: (state, { effectiveAt }) => ({ ...state, status: "published", effectiveAt }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    effects: {
      Drafted: (state, _event, host) => [
        host.task(
          { role: documentReviewer },
          {
            externalKey: reviewTask(state),
            subject: `审核客户服务质量标准 Review quality standard ${nameOf(state)}`,
            body: `变更 Changes: ${state.changes.join(", ")}`,
          },
        ),
      ],
      Reviewed: (state, event, host) => [
        host.completeTask(reviewTask(state)),
        ...(event.passed
          ? []
          : [
              sentBackNotice(
                host,
                authorOf(state),
                label(
                  `质量标准审核未通过：${nameOf(state)}`,
                  `Quality standard review not passed: ${nameOf(state)}`,
                ),
                event.comments,
              ),
            ]),
      ],
      ApprovalRequested: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: qualityStandardName,
          businessKey: state.standardId,
          title: label(
            `客户服务质量标准审批：${nameOf(state)}`,
            `Quality standard approval: ${nameOf(state)}`,
          ),
          originator: authorOf(state),
          formId: standardForm.id,
          values: {
            standardNumber: state.standardId,
            title: state.title,
            version: state.policy!.version,
            previousVersion: state.basedOnVersion,
            basis: state.basis,
            changes: state.changes.join("\n"),
            author: state.author,
            ...(state.reviewer === undefined ? {} : { reviewer: state.reviewer }),
            ...(state.reviewComments === undefined ? {} : { reviewComments: state.reviewComments }),
          },
          steps: approvalStepsOf(standardApprovers),
        }),
      ],
      Approved: (state, _event, host) => [
        host.task(authorOf(state), {
          externalKey: `${state.standardId}/publish`,
          subject: `发布客户服务质量标准 Publish ${nameOf(state)}`,
          body: "标准已批准，请发布并组织宣贯。The standard is approved: publish it and brief the staff.",
        }),
      ],
      Returned: (state, event, host) => [
        sentBackNotice(
          host,
          authorOf(state),
          label(`质量标准未获批准：${nameOf(state)}`, `Quality standard not approved: ${nameOf(state)}`),
          event.comment,
        ),
      ],
      Published: (state, event, host) => [
        host.completeTask(`${state.standardId}/publish`),
        publishedVersionNotice(
          host,
          everyPost,
          label(`客户服务质量标准发布：${nameOf(state)}`, `Quality standard published: ${nameOf(state)}`),
          event.effectiveAt,
          state.basedOnVersion,
        ),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}
