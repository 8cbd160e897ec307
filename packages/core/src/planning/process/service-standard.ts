import { Result } from "effect"
import { z } from "zod"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { ValidationError } from "../../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import { Post } from "../../organisation/post.ts"
import { decideApprovalSchema } from "../../process/approval-decision.ts"
import { type GatedState, gatePassed, gateReturned } from "../../process/approval-gate.ts"
import { approvalStepsOf } from "../../process/approval-steps.ts"
import {
  type CancelledEvent,
  cancelCommandSchema,
  cancellationEffects,
  cancelWhileOpen,
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
import { departmentIdSchema } from "../../process/department-id-schema.ts"
import {
  departmentReviewFields,
  type DepartmentReview as ProcessDepartmentReview,
  reviewLines,
} from "../../process/department-review-round.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { defineFlow, type FlowState } from "../../process/flow.ts"
import {
  decideDepartmentReview,
  decideVersionApproval,
  departmentReviewTasks,
  departmentVerdictEffects,
  draftedPolicyVersion,
  initialPolicyVersionState,
  type PolicyApprovalRequestedEvent,
  type PolicyVersionState,
  type PostReviewRemindedEvent,
  postReviewDone,
  postReviewDueCommandSchema,
  postReviewReminder,
  postReviewTask,
  publishedVersionNotice,
  publishVersionCommandSchema,
  type ReviewedInForceEvent,
  reviewInForceCommandSchema,
  type VersionApprovedEvent,
  type VersionReturnedEvent,
  withDepartmentVerdict,
  withDraftedVersion,
  withPublishedVersion,
} from "../../process/policy-version-lifecycle.ts"
import { sentBackNotice } from "../../process/review-step.ts"
import { timers } from "../../process/timers.ts"
import { type Actor, actorSchema } from "../../roles/actor.ts"
import type { Role } from "../../roles/role.ts"
import { dayMillis, type Instant } from "../../time/instant.ts"
import { NeedSource } from "../labels/need-source.ts"
import type { PolicyModule } from "../policy/policy-module.ts"
import { draftPolicyVersion } from "../policy/policy-version-draft.ts"
import { serviceStandardForm } from "../schema/service-standard-form.ts"

/** What every service standard's process name starts with; the module's id follows it. */
export const serviceStandardBaseName = "planning.standard"

/** The process name of a service standard for `moduleId`; part of every idempotency key. */
export const serviceStandardName = (moduleId: string): string => `${serviceStandardBaseName}.${moduleId}`

/** Where a service standard (客户服务标准制定) stands, from the need to the review after a period in force. */
export type ServiceStandardStatus =
  | "none"
  | "researching"
  | "drafting"
  | "inReview"
  | "awaitingApproval"
  | "approved"
  | "published"
  | "inForce"
  | "closed"
  | "cancelled"

/** One department's verdict on the draft of the current round (④ 相关部门会审). */
export type DepartmentReview = ProcessDepartmentReview

/** The state of one service standard: a new version of one module's policy on its way into force. */
export interface ServiceStandardState<Policy> extends FlowState, GatedState, PolicyVersionState<Policy> {
  readonly status: ServiceStandardStatus
  readonly sequence: number
  readonly standardId: string
  readonly owner: Actor | undefined
  /** ① where the need came from and what it is. */
  readonly needSources: ReadonlyArray<NeedSource>
  readonly need: string
  /** ② the research findings, one line per part (current standard, competitors, expectations). */
  readonly research: string
  /** ③ who drafted the new version (its policy, changes and ④ review round are the lifecycle's). */
  readonly author: PersonId | undefined
}

const competitorSchema = z.strictObject({
  competitor: commandTextSchema(200),
  standard: commandTextSchema(2000),
})

/** The shape of every command of a service standard, checked before the decider reads it. */
export const serviceStandardCommandSchema = commandUnion(
  /** ① 发现标准需求: from quality findings, complaints, a survey. */
  commandShape("IdentifyNeed", {
    standardId: commandIdSchema,
    owner: actorSchema,
    sources: z.array(NeedSource.schema).min(1, "name where the need came from").max(6),
    need: commandTextSchema(2000),
  }),
  /** ② 调研: the standard in force, competitors' standards, what customers expect. */
  commandShape("RecordResearch", {
    actor: actorSchema,
    currentStandard: commandTextSchema(2000),
    competitors: z.array(competitorSchema).max(50),
    customerExpectations: commandTextSchema(2000),
  }),
  /** ③ 起草: the new policy version as data, and the departments that review it. */
  commandShape("DraftStandard", {
    author: actorSchema,
    policy: z.unknown(),
    departments: z.array(departmentIdSchema).min(1, "name at least one department concerned").max(20),
    notes: commandTextSchema(2000).optional(),
  }),
  /** ④ 相关部门会审: one department's verdict; every one must pass before ✓. */
  commandShape("ReviewDraft", {
    ...departmentReviewFields,
  }),
  /** ⑤ ✓ the approvers' decision. */
  decideApprovalSchema,
  /** ⑥ 发布: in force from `effectiveAt` (when published, if not given). */
  publishVersionCommandSchema,
  /** ⑦ 培训与宣贯: who was trained, how. */
  commandShape("RecordTraining", {
    actor: actorSchema,
    audience: z.array(Post.schema).min(1, "name the posts trained").max(Post.values.length),
    sessions: z.number().int().min(1).max(1000),
    attendees: z.number().int().min(1).max(100_000),
  }),
  /** ⑧ the reminder that the review of the standard in force is due (timer). */
  postReviewDueCommandSchema,
  /** ⑧ 执行评估: did the standard do what it was for? */
  reviewInForceCommandSchema,
  cancelCommandSchema,
)

/** The commands of a service standard. */
export type ServiceStandardCommand = ShapedCommand<typeof serviceStandardCommandSchema>

type Step<Type extends ServiceStandardCommand["type"]> = StepFields<ServiceStandardCommand, Type>

/** The events of a service standard; the drafted and the published policy travel whole. */
export type ServiceStandardEvent<Policy> =
  | FlowEvent<"NeedIdentified", Step<"IdentifyNeed">>
  | FlowEvent<"ResearchRecorded", Step<"RecordResearch">>
  | FlowEvent<
      "StandardDrafted",
      {
        author: Actor
        policy: Policy
        basedOnVersion: string
        changes: ReadonlyArray<string>
        departments: ReadonlyArray<DepartmentId>
        notes: string | undefined
      }
    >
  | FlowEvent<"DraftReviewed", Step<"ReviewDraft">>
  | PolicyApprovalRequestedEvent
  | VersionApprovedEvent
  | VersionReturnedEvent
  // Whoever keeps the module's policies takes the new version from here.
  | FlowEvent<"Published", { by: Actor; module: string; effectiveAt: Instant; policy: Policy }>
  | FlowEvent<"TrainingRecorded", Step<"RecordTraining">>
  | PostReviewRemindedEvent
  | ReviewedInForceEvent
  | CancelledEvent

/** Why a command of a service standard is refused. */
export type ServiceStandardRefusal = InvalidTransition | ValidationError

/** Options of a service standard. */
export interface ServiceStandardOptions {
  /** Who approves (⑤ ✓), in order (default: the manager, then the general manager). */
  readonly approvers?: ReadonlyArray<Role>
  /** How long the standard is in force before ⑧ reviews it (default 180 days). */
  readonly reviewAfterDays?: number
}

/** Everyone a published standard binds, told when it is published. */
const everyPost: ReadonlyArray<Role> = ["officer", "supervisor", "manager", "director"]

/**
 * 客户服务标准制定流程 ①–⑧ (002 ch.2 2.4): the need for a new standard identified, researched,
 * drafted as a new version of `module`'s policy (validated by the module's own parser), reviewed
 * by every department concerned, approved ✓, published with its effective date, trained and
 * communicated, and reviewed after it has been in force a while. Any module's policy: `current`
 * is the version in force, which the draft must change.
 */
export function serviceStandardProcess<Policy extends { readonly version: string }>(
  module: PolicyModule<Policy>,
  current: Policy,
  options: ServiceStandardOptions = {},
): ProcessDefinition<
  ServiceStandardState<Policy>,
  ServiceStandardCommand,
  ServiceStandardEvent<Policy>,
  ServiceStandardRefusal
> {
  type State = ServiceStandardState<Policy>
  type Event = ServiceStandardEvent<Policy>
  const name = serviceStandardName(module.id)
  const approvers = options.approvers ?? ["manager", "generalManager"]
  const reviewAfter = (options.reviewAfterDays ?? 180) * dayMillis
  const initialState: State = {
    status: "none",
    sequence: 0,
    standardId: "",
    owner: undefined,
    needSources: [],
    need: "",
    research: "",
    author: undefined,
    ...initialPolicyVersionState<Policy>(current.version),
    approval: undefined,
    decidedApprovals: [],
  }
  const nameOf = (state: State) => `${module.title["zh-CN"]} ${state.policy?.version ?? ""}`
  const nameEn = (state: State) => `${module.title.en} ${state.policy?.version ?? ""}`
  const ownerOf = (state: State): Assignee =>
    state.owner ? { person: state.owner.personId } : { role: "supervisor" }
  const authorOf = (state: State): Assignee => (state.author ? { person: state.author } : ownerOf(state))
  const reviewTask = (state: State, department: string) =>
    `${state.standardId}/review/${state.round}/${department}`
  const postReview = postReviewReminder<State, ServiceStandardCommand, Event>(
    (state) => state.status === "inForce",
  )

  return defineFlow<State, ServiceStandardCommand, Event, ValidationError>({
    name,
    initialState,
    commands: serviceStandardCommandSchema,
    idOf: (state) => state.standardId,
    finished: ["closed", "cancelled"],
    steps: {
      // ① 发现标准需求 (客户服务部主管): from quality findings, complaints, a survey
      IdentifyNeed: (state, command, decision) =>
        state.status === "none"
          ? decision.accept({ ...command, type: "NeedIdentified" })
          : decision.refuse("the need of this standard was already identified"),
      // ② 调研 (客户调查专员): the standard in force, competitors, customers' expectations
      RecordResearch: (state, command, decision) =>
        state.status === "researching"
          ? decision.accept({ ...command, type: "ResearchRecorded" })
          : decision.refuse("research follows the need and comes before the draft"),
      // ③ 起草新版本 (客户服务部主管): the policy as data, validated by its module's parser
      DraftStandard: (state, command, decision) => {
        if (state.status !== "drafting")
          return decision.refuse("a standard is drafted after the research, or redrafted when sent back")
        const drafted = draftedPolicyVersion(
          draftPolicyVersion(module, current, command.policy, `${name}.command`),
          current.version,
          command.departments,
        )
        if (Result.isFailure(drafted)) return Result.fail(drafted.failure)
        return decision.accept({
          type: "StandardDrafted",
          at: command.at,
          author: command.author,
          ...drafted.success,
          notes: command.notes,
        })
      },
      // ④ 相关部门会审 (各相关部门; not the author) ◇ all passed: ⑤ ✓ — one not passed: back to ③
      ReviewDraft: (state, command, decision) =>
        decideDepartmentReview(state, command, decision, {
          open: state.status === "inReview",
          notOpen: "only a drafted standard is reviewed",
          author: state.author,
          names: { what: "draft", author: "author" },
          reviewed: { ...command, type: "DraftReviewed" },
        }),
      // ⑤ 审批 ✓ (经理 → 总经理): approved — to ⑥; returned — back to ③
      DecideApproval: (state, command, decision) =>
        decideVersionApproval(state, command, state.status === "awaitingApproval", decision),
      // ⑥ 发布 (客户服务部经理): the new version, carried in the event, in force from its date
      Publish: (state, command, decision) => {
        if (state.status !== "approved") return decision.refuse("only an approved standard is published")
        return decision.accept({
          type: "Published",
          at: command.at,
          by: command.by,
          module: module.id,
          effectiveAt: command.effectiveAt ?? command.at,
          policy: state.policy!,
        })
      },
      // ⑦ 培训与宣贯 (客户服务部主管)
      RecordTraining: (state, command, decision) =>
        state.status === "published"
          ? decision.accept({ ...command, type: "TrainingRecorded" })
          : decision.refuse("training follows the publication of the standard"),
      // ⑧ timer: the standard has been in force long enough to be reviewed
      PostReviewDue: postReview.step,
      // ⑧ 执行评估 (客户服务部经理) ◇ effective: closed — not effective: closed, a new need raised
      ReviewInForce: (state, command, decision) =>
        state.status === "inForce"
          ? decision.accept({ ...command, type: "ReviewedInForce" })
          : decision.refuse("a standard is reviewed once it is in force and its staff trained"),
      Cancel: cancelWhileOpen(
        ["published", "inForce", "closed"],
        "only a standard not yet published can be cancelled",
        "awaitingApproval",
      ),
    },
    folds: {
      NeedIdentified: (state, { standardId, owner, sources, need }) => ({
        ...state,
        status: "researching",
        standardId,
        owner,
        needSources: sources,
        need,
      }),
      ResearchRecorded: (state, { currentStandard, competitors, customerExpectations }) => ({
        ...state,
        status: "drafting",
        research: [
          `现行标准 Current: ${currentStandard}`,
          ...competitors.map((entry) => `${entry.competitor}: ${entry.standard}`),
          `客户期望 Expectations: ${customerExpectations}`,
        ].join("\n"),
      }),
      StandardDrafted: (state, event) => ({
        ...withDraftedVersion(state, event),
        status: "inReview",
        author: event.author.personId,
      }),
      DraftReviewed: (state, verdict) => withDepartmentVerdict(state, verdict, "drafting"),
      ApprovalRequested: (state, { approvalKey: key }) => ({
        ...state,
        status: "awaitingApproval",
        approval: { key },
      }),
      Approved: (state) => ({ ...gatePassed(state), status: "approved" }),
      Returned: (state) => ({ ...gateReturned(state), status: "drafting" }),
      Published: (state, { effectiveAt }) => ({
        ...withPublishedVersion(state, effectiveAt, reviewAfter),
        status: "published",
      }),
      TrainingRecorded: (state) => ({ ...state, status: "inForce" }),
      PostReviewReminded: (state) => ({ ...state, reviewReminded: true }),
      ReviewedInForce: (state, { effective }) => ({ ...state, status: "closed", effective }),
      Cancelled: (state) => ({ ...state, status: "cancelled" }),
    },
    deadlines: (state) => timers(postReview.deadline(state)),
    effects: {
      NeedIdentified: (state, _event, host) => [
        host.task(
          { role: "officer" },
          {
            externalKey: `${state.standardId}/research`,
            subject: `② 标准调研 Research for ${module.title.en} standard ${state.standardId}`,
            body: `${state.need}`,
          },
        ),
      ],
      ResearchRecorded: (state, _event, host) => [
        host.completeTask(`${state.standardId}/research`),
        host.task(ownerOf(state), {
          externalKey: `${state.standardId}/draft`,
          subject: `③ 起草标准 Draft the new ${module.title.en} (${state.standardId})`,
          body: state.research,
        }),
      ],
      StandardDrafted: (state, _event, host) => [
        ...(state.round === 1 ? [host.completeTask(`${state.standardId}/draft`)] : []),
        ...departmentReviewTasks(host, state.departments, {
          taskKey: (department) => reviewTask(state, department),
          subject: `④ 会审客户服务标准 Review ${nameEn(state)}`,
          body: `变更 Changes: ${state.changes.join(", ")}`,
        }),
      ],
      DraftReviewed: (state, event, host) =>
        departmentVerdictEffects(
          host,
          event,
          reviewTask(state, event.department),
          authorOf(state),
          label(`标准会审未通过：${nameOf(state)}`, `Standard review not passed: ${nameEn(state)}`),
        ),
      ApprovalRequested: (state, event, host) => [
        host.submitApproval(event.approvalKey, {
          requestType: name,
          businessKey: state.standardId,
          title: label(`客户服务标准审批：${nameOf(state)}`, `Service standard approval: ${nameEn(state)}`),
          originator: authorOf(state),
          formId: serviceStandardForm.id,
          values: {
            standardNumber: state.standardId,
            module: module.title["zh-CN"],
            version: state.policy!.version,
            previousVersion: state.basedOnVersion,
            needSources: state.needSources,
            need: state.need,
            research: state.research,
            changes: state.changes.join("\n"),
            reviews: reviewLines(state),
            author: state.author,
          },
          steps: approvalStepsOf(approvers),
        }),
      ],
      Approved: (state, _event, host) => [
        host.task(ownerOf(state), {
          externalKey: `${state.standardId}/publish`,
          subject: `⑥ 发布客户服务标准 Publish ${nameEn(state)}`,
          body: "标准已批准，请确定实施日期并发布。The standard is approved: set its effective date and publish it.",
        }),
      ],
      Returned: (state, event, host) => [
        sentBackNotice(
          host,
          authorOf(state),
          label(`客户服务标准未获批准：${nameOf(state)}`, `Service standard not approved: ${nameEn(state)}`),
          event.comment,
        ),
      ],
      Published: (state, event, host) => [
        host.completeTask(`${state.standardId}/publish`),
        publishedVersionNotice(
          host,
          everyPost,
          label(`客户服务标准发布：${nameOf(state)}`, `Service standard published: ${nameEn(state)}`),
          event.effectiveAt,
          state.basedOnVersion,
        ),
        host.task(ownerOf(state), {
          externalKey: `${state.standardId}/training`,
          subject: `⑦ 培训与宣贯 Train staff on ${nameEn(state)}`,
          body: `变更 Changes: ${state.changes.join(", ")}`,
        }),
      ],
      TrainingRecorded: (state, _event, host) => [host.completeTask(`${state.standardId}/training`)],
      PostReviewReminded: (state, _event, host) => [
        postReviewTask(
          host,
          state.standardId,
          `⑧ 标准执行评估 Review ${nameEn(state)} in force`,
          "The standard has been in force for its review period: is it doing what it was for?",
        ),
      ],
      ReviewedInForce: (state, event, host) => [
        ...postReviewDone(host, state, state.standardId),
        ...(event.effective
          ? []
          : [
              host.notify(
                [ownerOf(state)],
                "warning",
                label(`客户服务标准需修订：${nameOf(state)}`, `Service standard to revise: ${nameEn(state)}`),
                label(event.findings, event.findings),
              ),
            ]),
      ],
      Cancelled: (_state, event, host) => cancellationEffects(event, host),
    },
  })
}

/** The policy a standard put in force, for the embedder to store as the module's policy; undefined before ⑥. */
export const publishedStandardPolicy = <Policy>(state: ServiceStandardState<Policy>): Policy | undefined =>
  ["published", "inForce", "closed"].includes(state.status) ? state.policy : undefined
