import { Result } from "effect"
import { z } from "zod"
import type { ValidationError } from "../errors/validation-error.ts"
import type { DepartmentId, PersonId } from "../ids/ids.ts"
import { type Label, label } from "../labels/label.ts"
import { actorSchema } from "../roles/actor.ts"
import type { Role } from "../roles/role.ts"
import { utcDateOf } from "../time/civil-date.ts"
import { type Instant, instantSchema } from "../time/instant.ts"
import type { DecideApproval } from "./approval-decision.ts"
import {
  type ApprovalDecisionFields,
  decideAtGate,
  type GatedState,
  type ReturnedDecisionFields,
} from "./approval-gate.ts"
import { commandShape, type FlowEvent, type ShapedCommand, type StepFields } from "./command-shapes.ts"
import { commandTextSchema } from "./decider-support.ts"
import type { Unstamped } from "./definition.ts"
import {
  completesRound,
  type DepartmentReview,
  type DepartmentReviewRound,
  type DepartmentVerdict,
  departmentReviewRefusal,
  withVerdict,
} from "./department-review-round.ts"
import type { Assignee, EffectRequest } from "./effect-request.ts"
import type { Decision } from "./flow.ts"
import type { HostEffects } from "./host-effects.ts"
import { type ReminderTimer, reminderTimer } from "./reminder-timer.ts"
import { sentBackNotice } from "./review-step.ts"

/**
 * The part of a flow's state that carries one new version of a policy (a service standard, an
 * organisation chart) from its draft through the departments' review, the approval ✓ and its
 * publication to the review after a period in force. Flows that publish a policy version share
 * this lifecycle; their own steps (research, staffing, training) sit around it.
 */
export interface PolicyVersionState<Policy> extends DepartmentReviewRound {
  /** The version in force when the draft was written, the one it replaces. */
  readonly basedOnVersion: string
  /** The drafted version, validated by its module and kept in the events, so replay never depends on today's policy. */
  readonly policy: Policy | undefined
  /** Paths of what the draft changes against the version in force. */
  readonly changes: ReadonlyArray<string>
  readonly departments: ReadonlyArray<DepartmentId>
  readonly reviews: ReadonlyArray<DepartmentReview>
  /** Each draft is one review round; each round's review tasks have their own keys. */
  readonly round: number
  readonly effectiveAt: Instant | undefined
  /** When the version in force is reviewed, and whether the reminder went out. */
  readonly reviewDueAt: Instant | undefined
  readonly reviewReminded: boolean
  /** Whether the version did what it was for; `false` means a new draft to start. */
  readonly effective: boolean | undefined
}

/** The lifecycle's part of a flow's initial state: nothing drafted, `currentVersion` in force. */
export const initialPolicyVersionState = <Policy>(currentVersion: string): PolicyVersionState<Policy> => ({
  basedOnVersion: currentVersion,
  policy: undefined,
  changes: [],
  departments: [],
  reviews: [],
  round: 0,
  effectiveAt: undefined,
  reviewDueAt: undefined,
  reviewReminded: false,
  effective: undefined,
})

/** What a drafted event carries of the new version: the policy, what it replaces and changes, who reviews it. */
export interface DraftedPolicyVersion<Policy> {
  readonly policy: Policy
  readonly basedOnVersion: string
  readonly changes: ReadonlyArray<string>
  readonly departments: ReadonlyArray<DepartmentId>
}

/**
 * The drafted version's event fields, from the module's validation of the draft (its errors
 * pass through, naming the field) and the departments concerned, each named once.
 */
export function draftedPolicyVersion<Policy>(
  drafted: Result.Result<
    { readonly policy: Policy; readonly changes: ReadonlyArray<string> },
    ValidationError
  >,
  currentVersion: string,
  departments: ReadonlyArray<DepartmentId>,
): Result.Result<DraftedPolicyVersion<Policy>, ValidationError> {
  if (Result.isFailure(drafted)) return Result.fail(drafted.failure)
  return Result.succeed({
    policy: drafted.success.policy,
    basedOnVersion: currentVersion,
    changes: drafted.success.changes,
    departments: [...new Set(departments)],
  })
}

/** The fold of a draft: the new version, and a fresh review round for its departments. */
export const withDraftedVersion = <Policy, State extends PolicyVersionState<Policy>>(
  state: State,
  { policy, changes, departments }: Pick<DraftedPolicyVersion<Policy>, "policy" | "changes" | "departments">,
): State => ({ ...state, policy, changes, departments, reviews: [], round: state.round + 1 })

/** The fold of a department's verdict: counted, and a verdict that does not pass sends the draft back to `sentBackTo`. */
export const withDepartmentVerdict = <State extends DepartmentReviewRound & { readonly status: string }>(
  state: State,
  verdict: DepartmentVerdict,
  sentBackTo: State["status"],
): State => ({
  ...state,
  status: verdict.passed ? state.status : sentBackTo,
  reviews: withVerdict(state, verdict),
})

/** The fold of the publication: in force from `effectiveAt`, reviewed `reviewAfter` milliseconds later. */
export const withPublishedVersion = <State extends PolicyVersionState<unknown>>(
  state: State,
  effectiveAt: Instant,
  reviewAfter: number,
): State => ({ ...state, effectiveAt, reviewDueAt: effectiveAt + reviewAfter })

/** The event that opens the approval ✓ once every department concerned passed the draft. */
export type PolicyApprovalRequestedEvent = FlowEvent<"ApprovalRequested", { approvalKey: string }>

/** The approvers passed the version (✓): it waits to be published. */
export type VersionApprovedEvent = FlowEvent<"Approved", Omit<ApprovalDecisionFields, "at">>
/** The approvers rejected the version, or it was withdrawn on the host: back to its draft. */
export type VersionReturnedEvent = FlowEvent<"Returned", Omit<ReturnedDecisionFields, "at">>

/** ✓ the approvers' decision on a version, while the flow `waiting`s at the gate: approved, or returned to its draft. */
export const decideVersionApproval = <Event>(
  state: GatedState,
  command: DecideApproval,
  waiting: boolean,
  decision: Decision<Event | VersionApprovedEvent | VersionReturnedEvent>,
) =>
  decideAtGate(state, command, waiting, decision, {
    approved: (decided) => decision.accept({ type: "Approved", ...decided }),
    returned: (decided) => decision.accept({ type: "Returned", ...decided }),
  })

/** How a flow names its review step's words and its reviewed event. */
export interface DepartmentReviewStepOptions<Event> {
  /** Whether the flow is at the review (a draft waits for its departments). */
  readonly open: boolean
  /** Why a verdict is refused outside the review. */
  readonly notOpen: string
  /** Who drafted, who may not review their own draft. */
  readonly author: PersonId | undefined
  /** The words of refusals: `what` was drafted ("draft", "design") and what its `author` is called. */
  readonly names: { readonly what: string; readonly author: string }
  /** The event recording the verdict. */
  readonly reviewed: Event
}

/**
 * 相关部门会审: one department's verdict on the current draft ◇ the last of the round and all
 * passed — the approval ✓ opens with its key decided now; otherwise the verdict is recorded.
 */
export function decideDepartmentReview<Event>(
  round: DepartmentReviewRound,
  verdict: DepartmentVerdict & { readonly at: Instant },
  decision: Decision<Event | PolicyApprovalRequestedEvent>,
  options: DepartmentReviewStepOptions<Event>,
) {
  if (!options.open) return decision.refuse(options.notOpen)
  const refusal = departmentReviewRefusal(round, verdict, options.author, options.names)
  if (refusal !== undefined) return decision.refuse(refusal)
  if (!completesRound(round, verdict)) return decision.accept(options.reviewed)
  const approvalKey = decision.keyAt(1, "approval.submit")
  return decision.accept(options.reviewed, { type: "ApprovalRequested", at: verdict.at, approvalKey })
}

/** 发布: the approved version in force from `effectiveAt` (when published, if not given). */
export const publishVersionCommandSchema = commandShape("Publish", {
  by: actorSchema,
  effectiveAt: instantSchema.optional(),
})

/** The timer's command: the version has been in force long enough to be reviewed. */
export const postReviewDueCommandSchema = commandShape("PostReviewDue", {})

/** 执行评估: did the version in force do what it was for? `false` means a new draft to start. */
export const reviewInForceCommandSchema = commandShape("ReviewInForce", {
  reviewer: actorSchema,
  effective: z.boolean(),
  findings: commandTextSchema(4000),
})

/** The review in force as its command brings it. */
export type ReviewInForceCommand = ShapedCommand<typeof reviewInForceCommandSchema>

/** The event of the review in force; its fold closes the flow with the verdict. */
export type ReviewedInForceEvent = FlowEvent<
  "ReviewedInForce",
  StepFields<ReviewInForceCommand, "ReviewInForce">
>

/** The event recording that the review of a version in force was asked for. */
export type PostReviewRemindedEvent = FlowEvent<"PostReviewReminded", Record<never, never>>

/**
 * The reminder that a version in force is due for review: once, from `reviewDueAt`, while the
 * flow waits in force (`inForce`) and was not reminded. Its timer key stays `post-review`.
 */
export const postReviewReminder = <
  State extends PolicyVersionState<unknown> & { readonly status: string },
  Command extends { readonly type: string },
  Event,
>(
  inForce: (state: State) => boolean,
): ReminderTimer<State, Command, Event> =>
  reminderTimer<State, Command, Event>({
    key: "post-review",
    // The flows' command and event unions contain these members; the kit cannot name the unions.
    command: { type: "PostReviewDue" } as Unstamped<Command>,
    dueAt: (state) => state.reviewDueAt,
    awaited: (state) => inForce(state) && !state.reviewReminded,
    event: (at) => ({ type: "PostReviewReminded", at }) as PostReviewRemindedEvent as Event,
  })

/** What the review tasks say: the task's key per department, its subject and body. */
export interface ReviewTaskWords {
  readonly taskKey: (department: DepartmentId) => string
  readonly subject: string
  readonly body: string
}

/** ④ one review task per department concerned, for its supervisor, each keyed by round and department. */
export const departmentReviewTasks = (
  host: HostEffects,
  departments: ReadonlyArray<DepartmentId>,
  words: ReviewTaskWords,
): ReadonlyArray<EffectRequest> =>
  departments.map((department) =>
    host.task(
      { role: "supervisor", departmentId: department },
      { externalKey: words.taskKey(department), subject: words.subject, body: words.body },
      `host.task.create:${department}`,
    ),
  )

/** ④ a verdict closes its department's task; one that does not pass tells the author why. */
export const departmentVerdictEffects = (
  host: HostEffects,
  verdict: { readonly passed: boolean; readonly comments?: string | undefined },
  taskKey: string,
  author: Assignee,
  notPassed: Label,
): ReadonlyArray<EffectRequest> => [
  host.completeTask(taskKey),
  ...(verdict.passed ? [] : [sentBackNotice(host, author, notPassed, verdict.comments)]),
]

/** The notice to everyone a published version binds: from when it is in force and which version it replaces. */
export const publishedVersionNotice = (
  host: HostEffects,
  roles: ReadonlyArray<Role>,
  title: Label,
  effectiveAt: Instant,
  replaces: string,
): EffectRequest =>
  host.notify(
    roles.map((role) => ({ role })),
    "info",
    title,
    label(
      `自 ${utcDateOf(effectiveAt)} 起实施，替代 ${replaces}`,
      `In force from ${utcDateOf(effectiveAt)}, replacing ${replaces}`,
    ),
  )

/** The manager's task to review a version in force, keyed `<id>/post-review`. */
export const postReviewTask = (host: HostEffects, id: string, subject: string, body: string): EffectRequest =>
  host.task({ role: "manager" }, { externalKey: `${id}/post-review`, subject, body })

/** The review in force closes the reminder's task, when the reminder went out. */
export const postReviewDone = (
  host: HostEffects,
  state: Pick<PolicyVersionState<unknown>, "reviewReminded">,
  id: string,
): ReadonlyArray<EffectRequest> => (state.reviewReminded ? [host.completeTask(`${id}/post-review`)] : [])
