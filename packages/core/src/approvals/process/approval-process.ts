import { Result } from "effect"
import { InvalidTransition, PolicyRefusal } from "../../errors/refusals.ts"
import { invalid, parseWith, type ValidationError } from "../../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../../ids/idempotency-key.ts"
import { approvalId, type PersonId } from "../../ids/ids.ts"
import { label } from "../../labels/label.ts"
import type { ApprovalOutcomeEvent } from "../../ports/approvals.ts"
import type { Deadline, ProcessDefinition } from "../../process/definition.ts"
import type { EffectRequest } from "../../process/effect-request.ts"
import type { Instant } from "../../time/instant.ts"
import { approvalCommandSchema } from "./approval-command-schema.ts"
import type { ApprovalCommand, ApprovalEvent, SubmissionOpened } from "./approval-messages.ts"
import type { ActiveApproval, ApprovalProcessState } from "./approval-state.ts"

/** Why the approval process refuses a command. */
export type ApprovalRefusal = InvalidTransition | PolicyRefusal | ValidationError

const processName = "approval"
const hour = 3_600_000

const refuse = (state: ApprovalProcessState, command: ApprovalCommand, reason: string) =>
  Result.fail(
    new InvalidTransition({
      process: processName,
      instanceId: state.status === "draft" ? "(new)" : state.requestId,
      state: state.status,
      command: command.type,
      reason,
    }),
  )

/**
 * The key of a host submission: one per round, step and attempt, so a retried effect reopens
 * nothing and an outcome of an older submission (before an escalation) is recognised as stale.
 */
export const submissionKey = (requestId: string, round: number, stepIndex: number | null, attempt: number) =>
  idempotencyKey(
    processName,
    requestId,
    stepIndex === null ? `r${round}` : `r${round}.s${stepIndex}.a${attempt}`,
    "approval.submit",
  )

function open(
  state: ActiveApproval,
  at: Instant,
  stepIndex: number,
  attempt: number,
  approvers?: ReadonlyArray<PersonId>,
): SubmissionOpened {
  const host = state.driver === "host"
  const step = state.steps[stepIndex]!
  const deadline = attempt === 1 && !host ? step.deadline : undefined
  return {
    type: "submissionOpened",
    at,
    round: state.round,
    stepIndex: host ? null : stepIndex,
    attempt,
    approvers: approvers ?? step.approvers,
    submissionKey: submissionKey(state.requestId, state.round, host ? null : stepIndex, attempt),
    stepDueAt: deadline === undefined ? null : at + deadline.hours * hour,
  }
}

/** Whether `actor` may decide for `approver` now under the recorded delegations. */
function delegateOf(state: ActiveApproval, actor: PersonId, at: Instant): PersonId | undefined {
  for (const approver of state.stepApprovers) {
    const delegated = state.delegations.some(
      (delegation) =>
        delegation.from === approver &&
        delegation.to === actor &&
        (delegation.validFrom === undefined || at >= delegation.validFrom) &&
        (delegation.validUntil === undefined || at < delegation.validUntil) &&
        (delegation.requestTypes === undefined ||
          delegation.requestTypes.includes(state.request.requestType)),
    )
    if (delegated && !state.stepApprovedBy.includes(approver)) return approver
  }
  return undefined
}

/** The events after the current step is approved: the next step, or the approval. */
function afterStepApproved(
  state: ActiveApproval,
  at: Instant,
  automatic: boolean,
  decidedBy: PersonId | null,
  comment: string | null,
): ReadonlyArray<ApprovalEvent> {
  const done: ApprovalEvent = {
    type: "stepApproved",
    at,
    round: state.round,
    stepIndex: state.stepIndex,
    automatic,
  }
  const next = state.stepIndex + 1
  if (next >= state.steps.length) {
    return [
      done,
      {
        type: "approved",
        at,
        decidedBy,
        comment,
        automatic,
        closeSubmissionKey: state.driver === "tixi" || automatic ? (state.openSubmissionKey ?? null) : null,
      },
    ]
  }
  if (state.driver === "host") return [done]
  // The current step's submission is finished (or closed with the approval); open the next step.
  return [done, open({ ...state, stepIndex: next }, at, next, 1)]
}

function decideApproval(
  state: ApprovalProcessState,
  command: ApprovalCommand,
): Result.Result<ReadonlyArray<ApprovalEvent>, ApprovalRefusal> {
  const parsed = parseWith("approval.command", approvalCommandSchema, command)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  if (command.type === "submit") {
    if (state.status !== "draft") return Result.succeed([]) // a repeated submit changes nothing
    if (command.steps.length === 0)
      return Result.fail(invalid("approval.submit", ["steps"], "needs at least one step"))
    for (const [index, step] of command.steps.entries()) {
      if (step.approvers.length === 0) {
        return Result.fail(invalid("approval.submit", ["steps", index, "approvers"], "nobody to approve"))
      }
    }
    if (command.requestId.length === 0)
      return Result.fail(invalid("approval.submit", ["requestId"], "must not be empty"))
    const submitted: ApprovalEvent = {
      type: "submitted",
      at: command.at,
      requestId: command.requestId,
      request: command.request,
      policyVersion: command.policyVersion,
      driver: command.driver,
      steps: command.steps,
      deadline: command.deadline ?? null,
      chainDueAt: command.deadline === undefined ? null : command.at + command.deadline.hours * hour,
      delegations: command.delegations ?? [],
    }
    const after = evolveApproval(state, submitted) as ActiveApproval
    return Result.succeed([submitted, open(after, command.at, 0, 1)])
  }
  if (state.status === "draft") return refuse(state, command, "nothing has been submitted")

  switch (command.type) {
    case "comment":
      if (command.text.trim().length === 0)
        return Result.fail(invalid("approval.comment", ["text"], "must not be empty"))
      return Result.succeed([
        { type: "commented", at: command.at, author: command.author, text: command.text },
      ])

    case "approve":
    case "reject": {
      if (state.status !== "pending") {
        const repeated = state.decisions.some(
          (decision) =>
            decision.round === state.round &&
            (decision.approver === command.actor || decision.actedBy === command.actor) &&
            decision.outcome === (command.type === "approve" ? "approved" : "rejected"),
        )
        return repeated
          ? Result.succeed([])
          : refuse(state, command, `the request is already ${state.status}`)
      }
      if (state.stepApprovedBy.includes(command.actor)) return Result.succeed([]) // a repeated report
      const approver = state.stepApprovers.includes(command.actor)
        ? command.actor
        : delegateOf(state, command.actor, command.at)
      if (approver === undefined) {
        return Result.fail(
          new PolicyRefusal({
            rule: "approval.approver",
            detail: `${command.actor} is neither an approver of step ${state.steps[state.stepIndex]!.id} nor their delegate`,
          }),
        )
      }
      const comment = command.comment ?? null
      const recorded: ApprovalEvent = {
        type: "decisionRecorded",
        at: command.at,
        round: state.round,
        stepIndex: state.stepIndex,
        approver,
        actedBy: approver === command.actor ? null : command.actor,
        outcome: command.type === "approve" ? "approved" : "rejected",
        comment,
      }
      if (command.type === "reject") {
        return Result.succeed([
          recorded,
          {
            type: "rejected",
            at: command.at,
            decidedBy: command.actor,
            comment,
            automatic: false,
            closeSubmissionKey: state.openSubmissionKey ?? null,
          },
        ])
      }
      const approvedBy = [...state.stepApprovedBy, approver]
      const step = state.steps[state.stepIndex]!
      const stepDone =
        step.mode === "any" || state.stepApprovers.every((person) => approvedBy.includes(person))
      if (!stepDone) return Result.succeed([recorded])
      return Result.succeed([
        recorded,
        ...afterStepApproved(state, command.at, false, command.actor, comment),
      ])
    }

    case "hostOutcome": {
      if (state.openSubmissionKey !== command.key) return Result.succeed([]) // stale or duplicate
      if (state.status !== "pending") return Result.succeed([])
      const decidedBy = command.decidedBy ?? null
      const comment = command.comment ?? null
      if (command.outcome === "rejected") {
        return Result.succeed([
          {
            type: "rejected",
            at: command.at,
            decidedBy,
            comment,
            automatic: false,
            closeSubmissionKey: null,
          },
        ])
      }
      if (command.outcome === "withdrawn") {
        return Result.succeed([
          {
            type: "withdrawn",
            at: command.at,
            by: decidedBy,
            reason: comment ?? "withdrawn on the host",
            closeSubmissionKey: null,
          },
        ])
      }
      if (state.driver === "host") {
        return Result.succeed([
          {
            type: "approved",
            at: command.at,
            decidedBy,
            comment,
            automatic: false,
            closeSubmissionKey: null,
          },
        ])
      }
      const finished = { ...state, openSubmissionKey: undefined }
      return Result.succeed(afterStepApproved(finished, command.at, false, decidedBy, comment))
    }

    case "withdraw": {
      if (state.status === "withdrawn") return Result.succeed([])
      if (state.status !== "pending")
        return refuse(state, command, `a ${state.status} request cannot be withdrawn`)
      if (command.actor !== undefined && command.actor !== state.request.requester) {
        return Result.fail(
          new PolicyRefusal({ rule: "approval.withdraw", detail: "only the requester may withdraw" }),
        )
      }
      return Result.succeed([
        {
          type: "withdrawn",
          at: command.at,
          by: command.actor ?? null,
          reason: command.reason,
          closeSubmissionKey: state.openSubmissionKey ?? null,
        },
      ])
    }

    case "resubmit": {
      if (state.status !== "rejected")
        return refuse(state, command, "only a rejected request is submitted again")
      if (command.actor !== state.request.requester) {
        return Result.fail(
          new PolicyRefusal({ rule: "approval.resubmit", detail: "only the requester may resubmit" }),
        )
      }
      const resubmitted: ApprovalEvent = {
        type: "resubmitted",
        at: command.at,
        round: state.round + 1,
        values: command.values ?? state.request.values,
      }
      const after = evolveApproval(state, resubmitted) as ActiveApproval
      return Result.succeed([resubmitted, open(after, command.at, 0, 1)])
    }

    case "redirect": {
      if (state.status !== "pending") return refuse(state, command, `the request is already ${state.status}`)
      if (state.driver === "host")
        return refuse(state, command, "a host-driven chain is redirected on the host (转交)")
      if (!state.stepApprovers.includes(command.actor) || state.stepApprovedBy.includes(command.actor)) {
        return Result.fail(
          new PolicyRefusal({ rule: "approval.redirect", detail: `${command.actor} holds no open task` }),
        )
      }
      if (state.stepApprovers.includes(command.to)) {
        return Result.fail(invalid("approval.redirect", ["to"], "already an approver of this step"))
      }
      const approvers = state.stepApprovers.map((person) => (person === command.actor ? command.to : person))
      const redirected: ApprovalEvent = {
        type: "redirected",
        at: command.at,
        round: state.round,
        stepIndex: state.stepIndex,
        from: command.actor,
        to: command.to,
        closeSubmissionKey: state.openSubmissionKey ?? null,
      }
      const reopened = open(state, command.at, state.stepIndex, state.stepAttempt + 1, approvers)
      return Result.succeed([redirected, { ...reopened, stepDueAt: state.stepDueAt ?? null }])
    }

    case "expire": {
      const current =
        state.status === "pending" &&
        command.round === state.round &&
        (command.scope === "chain"
          ? !state.chainDeadlineHandled
          : command.stepIndex === state.stepIndex &&
            command.attempt === state.stepAttempt &&
            !state.stepDeadlineHandled)
      if (!current) return Result.succeed([]) // the deadline was overtaken by a decision
      const action =
        command.scope === "chain"
          ? state.chainDeadline?.onExpiry
          : state.steps[state.stepIndex]!.deadline?.onExpiry
      const pendingApprovers = state.stepApprovers.filter((person) => !state.stepApprovedBy.includes(person))
      switch (action) {
        case undefined:
          return Result.succeed([])
        case "remind":
          return Result.succeed([
            {
              type: "reminderSent",
              at: command.at,
              scope: command.scope,
              round: state.round,
              stepIndex: state.stepIndex,
              recipients:
                state.driver === "host" && command.scope === "chain"
                  ? state.steps.flatMap((step) => step.approvers)
                  : pendingApprovers,
            },
          ])
        case "autoReject":
          return Result.succeed([
            {
              type: "rejected",
              at: command.at,
              decidedBy: null,
              comment: "超时自动驳回 / rejected when the deadline passed",
              automatic: true,
              closeSubmissionKey: state.openSubmissionKey ?? null,
            },
          ])
        case "autoApprove":
          if (command.scope === "chain") {
            return Result.succeed([
              {
                type: "approved",
                at: command.at,
                decidedBy: null,
                comment: "超时自动同意 / approved when the deadline passed",
                automatic: true,
                closeSubmissionKey: state.openSubmissionKey ?? null,
              },
            ])
          }
          return Result.succeed(afterStepApproved(state, command.at, true, null, null))
        case "escalate": {
          const to = state.steps[state.stepIndex]!.deadline?.escalateTo ?? []
          if (to.length === 0) return Result.succeed([])
          const escalated: ApprovalEvent = {
            type: "escalated",
            at: command.at,
            round: state.round,
            stepIndex: state.stepIndex,
            from: pendingApprovers,
            to,
            closeSubmissionKey: state.openSubmissionKey ?? null,
          }
          return Result.succeed([
            escalated,
            open(state, command.at, state.stepIndex, state.stepAttempt + 1, to),
          ])
        }
      }
    }
  }
}

function evolveApproval(state: ApprovalProcessState, event: ApprovalEvent): ApprovalProcessState {
  if (event.type === "submitted") {
    return {
      status: "pending",
      requestId: event.requestId,
      request: event.request,
      policyVersion: event.policyVersion,
      driver: event.driver,
      steps: event.steps,
      delegations: event.delegations,
      chainDeadline: event.deadline ?? undefined,
      round: 1,
      roundStartedAt: event.at,
      chainDueAt: event.chainDueAt ?? undefined,
      chainDeadlineHandled: false,
      stepIndex: 0,
      stepApprovers: event.steps[0]?.approvers ?? [],
      stepApprovedBy: [],
      stepAttempt: 1,
      stepDueAt: undefined,
      stepDeadlineHandled: false,
      openSubmissionKey: undefined,
      decisions: [],
      comments: [],
      outcome: undefined,
    }
  }
  if (state.status === "draft") return state
  switch (event.type) {
    case "submissionOpened":
      return {
        ...state,
        stepIndex: event.stepIndex ?? state.stepIndex,
        stepApprovers: event.stepIndex === null ? state.stepApprovers : event.approvers,
        stepAttempt: event.attempt,
        stepDueAt: event.stepDueAt ?? undefined,
        stepDeadlineHandled: event.stepDueAt === null ? state.stepDeadlineHandled : false,
        openSubmissionKey: event.submissionKey,
      }
    case "decisionRecorded":
      return {
        ...state,
        stepApprovedBy:
          event.outcome === "approved" ? [...state.stepApprovedBy, event.approver] : state.stepApprovedBy,
        decisions: [
          ...state.decisions,
          {
            round: event.round,
            stepIndex: event.stepIndex,
            approver: event.approver,
            actedBy: event.actedBy ?? undefined,
            outcome: event.outcome,
            comment: event.comment ?? undefined,
            at: event.at,
          },
        ],
      }
    case "stepApproved": {
      const next = event.stepIndex + 1
      return {
        ...state,
        stepIndex: Math.min(next, state.steps.length - 1),
        stepApprovers: state.steps[next]?.approvers ?? state.stepApprovers,
        stepApprovedBy: [],
        stepAttempt: 1,
        stepDueAt: undefined,
        stepDeadlineHandled: false,
      }
    }
    case "approved":
    case "rejected":
      return {
        ...state,
        status: event.type,
        openSubmissionKey: undefined,
        stepDueAt: undefined,
        outcome: {
          outcome: event.type,
          decidedBy: event.decidedBy ?? undefined,
          comment: event.comment ?? undefined,
          automatic: event.automatic,
          at: event.at,
        },
      }
    case "withdrawn":
      return {
        ...state,
        status: "withdrawn",
        openSubmissionKey: undefined,
        stepDueAt: undefined,
        outcome: {
          outcome: "withdrawn",
          decidedBy: event.by ?? undefined,
          comment: event.reason,
          automatic: false,
          at: event.at,
        },
      }
    case "commented":
      return {
        ...state,
        comments: [...state.comments, { author: event.author, text: event.text, at: event.at }],
      }
    case "resubmitted":
      return {
        ...state,
        status: "pending",
        request: { ...state.request, values: event.values },
        round: event.round,
        roundStartedAt: event.at,
        chainDueAt:
          state.chainDeadline === undefined ? undefined : event.at + state.chainDeadline.hours * hour,
        chainDeadlineHandled: false,
        stepIndex: 0,
        stepApprovers: state.steps[0]!.approvers,
        stepApprovedBy: [],
        stepAttempt: 1,
        stepDueAt: undefined,
        stepDeadlineHandled: false,
        outcome: undefined,
      }
    case "reminderSent":
      return event.scope === "chain"
        ? { ...state, chainDeadlineHandled: true }
        : { ...state, stepDeadlineHandled: true }
    case "escalated":
      return { ...state, stepDeadlineHandled: true }
    case "redirected":
      return state
  }
}

const notify = (
  key: IdempotencyKey,
  recipients: ReadonlyArray<PersonId>,
  severity: "info" | "warning" | "urgent",
  title: ReturnType<typeof label>,
  body: ReturnType<typeof label>,
  caseKey: string,
): EffectRequest => ({
  kind: "notify",
  key,
  draft: { recipients: recipients.map((person) => ({ person })), severity, title, body, caseKey },
})

function approvalEffects(
  state: ApprovalProcessState,
  event: ApprovalEvent,
  sequence: number,
): ReadonlyArray<EffectRequest> {
  if (state.status === "draft") return []
  const keyOf = (kind: string) => idempotencyKey(processName, state.requestId, sequence, kind)
  const withdraw = (submission: string | null, reason: string): ReadonlyArray<EffectRequest> =>
    submission === null
      ? []
      : [
          {
            kind: "approval.withdraw",
            key: keyOf("approval.withdraw"),
            submissionKey: submission as IdempotencyKey,
            reason,
          },
        ]
  const request = state.request
  switch (event.type) {
    case "submissionOpened": {
      const steps =
        event.stepIndex === null
          ? state.steps.map((step) => ({
              mode: step.mode,
              approvers: step.approvers.map((person) => ({ person })),
            }))
          : [
              {
                mode: state.steps[event.stepIndex]!.mode,
                approvers: event.approvers.map((person) => ({ person })),
              },
            ]
      return [
        {
          kind: "approval.submit",
          key: event.submissionKey as IdempotencyKey,
          submission: {
            requestType: request.requestType,
            businessKey: state.requestId,
            title: request.title,
            originator: { person: request.requester },
            formId: request.formId,
            values: request.values,
            steps,
          },
        },
      ]
    }
    case "approved":
    case "rejected":
    case "withdrawn": {
      const outcome =
        event.type === "approved"
          ? label("已通过", "approved")
          : event.type === "rejected"
            ? label("已驳回", "rejected")
            : label("已撤销", "withdrawn")
      return [
        ...withdraw(
          event.closeSubmissionKey,
          event.type === "withdrawn" ? event.reason : `${event.type} in tixi`,
        ),
        notify(
          keyOf("notify"),
          [request.requester],
          "info",
          label(
            `审批${outcome["zh-CN"]}：${request.title["zh-CN"]}`,
            `Approval ${outcome.en}: ${request.title.en}`,
          ),
          label(`业务单号 ${request.businessKey}`, `Reference ${request.businessKey}`),
          request.businessKey,
        ),
      ]
    }
    case "reminderSent":
      return [
        notify(
          keyOf("notify"),
          event.recipients,
          "warning",
          label(`催办：${request.title["zh-CN"]}`, `Reminder: ${request.title.en}`),
          label(
            `业务单号 ${request.businessKey} 等待您审批`,
            `${request.businessKey} is waiting for your decision`,
          ),
          request.businessKey,
        ),
      ]
    case "escalated":
      return [
        ...withdraw(event.closeSubmissionKey, "escalated: the deadline passed"),
        notify(
          keyOf("notify"),
          event.to,
          "urgent",
          label(`超时上报：${request.title["zh-CN"]}`, `Escalated: ${request.title.en}`),
          label(
            `业务单号 ${request.businessKey} 审批超时，已转由您审批`,
            `${request.businessKey} was not decided in time and is now yours`,
          ),
          request.businessKey,
        ),
      ]
    case "redirected":
      return withdraw(event.closeSubmissionKey, `redirected to ${event.to}`)
    default:
      return []
  }
}

/**
 * The approval process (审批流程) as a pure decider. A request is submitted with its resolved
 * chain; each approver's decision (from tixi or reported by the host), the host's final outcome
 * of a submission, withdrawal, comments, resubmission after a rejection, redirection and deadlines
 * move it on.
 *
 * Two drivers: a host-driven chain goes to DingTalk/WeCom as one instance with all its AND/OR
 * steps and the host sequences it (conditions were applied when the chain was planned); a
 * tixi-driven chain opens one host submission per step, so tixi can escalate, auto-decide or
 * redirect a step the host could not. The final outcome goes back to the process that asked
 * (`approvalOutcomeOf`).
 */
export const approvalProcess: ProcessDefinition<
  ApprovalProcessState,
  ApprovalCommand,
  ApprovalEvent,
  ApprovalRefusal
> = {
  name: processName,
  version: 1,
  initialState: { status: "draft" },
  decide: decideApproval,
  evolve: evolveApproval,
  deadlines(state) {
    if (state.status !== "pending") return []
    const deadlines: Array<Deadline<ApprovalCommand>> = []
    if (state.stepDueAt !== undefined && !state.stepDeadlineHandled) {
      deadlines.push({
        key: `approval/step/${state.round}/${state.stepIndex}/${state.stepAttempt}`,
        dueAt: state.stepDueAt,
        command: {
          type: "expire",
          scope: "step",
          round: state.round,
          stepIndex: state.stepIndex,
          attempt: state.stepAttempt,
        },
      })
    }
    if (state.chainDueAt !== undefined && !state.chainDeadlineHandled) {
      deadlines.push({
        key: `approval/chain/${state.round}`,
        dueAt: state.chainDueAt,
        command: { type: "expire", scope: "chain", round: state.round, stepIndex: 0, attempt: 1 },
      })
    }
    return deadlines
  },
  effects: (state, event, step) => approvalEffects(state, event, step.sequence),
  isFinished: (state) => state.status === "approved" || state.status === "withdrawn",
  statusOf: (state) =>
    state.status === "pending"
      ? `pending:${(state as ActiveApproval).steps[(state as ActiveApproval).stepIndex]?.id}`
      : state.status,
}

/**
 * The outcome of a finished request as the process that asked receives it: the same
 * `ApprovalOutcomeEvent` a host delivers, keyed by the request, so a parent waits the same way
 * whether the host or tixi ran the chain. Undefined while the request is pending.
 */
export function approvalOutcomeOf(state: ApprovalProcessState): ApprovalOutcomeEvent | undefined {
  if (state.status === "draft" || state.status === "pending" || state.outcome === undefined) return undefined
  return {
    eventId: `approval/${state.requestId}/r${state.round}/${state.outcome.outcome}`,
    approvalId: approvalId(state.requestId),
    key: state.requestId,
    businessKey: state.request.businessKey,
    requestType: state.request.requestType,
    outcome: state.outcome.outcome,
    decidedBy: state.outcome.decidedBy,
    comment: state.outcome.comment,
    at: state.outcome.at,
  }
}
