import { Result } from "effect"
import { PolicyRefusal } from "../../errors/refusals.ts"
import { invalid, type ValidationError } from "../../errors/validation-error.ts"
import { type DepartmentId, departmentId, personId } from "../../ids/ids.ts"
import type { Label } from "../../labels/label.ts"
import type { Money } from "../../money/money.ts"
import type { ApprovalStepMode } from "../../ports/approvals.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { checkAuthority, lowestAuthorisedRole } from "../../roles/authority.ts"
import type { ChainDriver, ExpiryAction } from "../labels/approval-labels.ts"
import type { RequestType } from "../labels/request-type.ts"
import type { ApprovalPolicy, ApproverRef, StepCondition } from "../policy/approval-policy.ts"

/** What a chain's conditions are evaluated against. */
export interface ChainContext {
  /** The amount at stake (the remedy, the meal budget, the order over the limit), if any. */
  readonly amount?: Money
  /** The form values, for `fieldEquals` conditions. */
  readonly values?: Readonly<Record<string, unknown>>
  /** The requester's department, for approvers scoped to it (部门主管). */
  readonly requesterDepartmentId?: DepartmentId
}

/** A deadline with its approvers named as assignees. */
export interface PlannedDeadline {
  readonly hours: number
  readonly onExpiry: ExpiryAction
  readonly escalateTo: ReadonlyArray<Assignee>
}

/** A step that applies to this request, its approvers still named by role or person. */
export interface PlannedStep {
  readonly id: string
  readonly label: Label
  readonly mode: ApprovalStepMode
  readonly approvers: ReadonlyArray<Assignee>
  readonly deadline: PlannedDeadline | undefined
}

/**
 * The chain a request will go through: its steps after the conditions were applied. Its steps
 * have the shape of `SubmitApprovalRequest`'s, so a host-driven chain goes straight into a
 * process's `approval.submit` effect.
 */
export interface PlannedChain {
  readonly requestType: RequestType
  readonly policyVersion: string
  readonly title: Label
  readonly formId: string
  readonly driver: ChainDriver
  readonly steps: ReadonlyArray<PlannedStep>
  readonly deadline: PlannedDeadline | undefined
}

/** Why a chain could not be planned: bad context (a missing amount) or a policy that cannot serve it. */
export type PlanRefusal = ValidationError | PolicyRefusal

const subject = "approval.chain"

function holds(
  policy: ApprovalPolicy,
  condition: StepCondition | undefined,
  context: ChainContext,
): Result.Result<boolean, PlanRefusal> {
  if (condition === undefined) return Result.succeed(true)
  switch (condition.kind) {
    case "fieldEquals":
      return Result.succeed(context.values?.[condition.field] === condition.value)
    case "amountAbove":
    case "amountAtMost":
    case "beyondAuthority":
    case "withinAuthority": {
      const amount = context.amount
      if (amount === undefined)
        return Result.fail(invalid(subject, ["amount"], "this chain needs the amount"))
      if (amount.currency !== policy.currency) {
        return Result.fail(invalid(subject, ["amount", "currency"], `must be ${policy.currency}`))
      }
      if (condition.kind === "amountAbove") return Result.succeed(amount.minor > condition.minor)
      if (condition.kind === "amountAtMost") return Result.succeed(amount.minor <= condition.minor)
      const { role, post } = condition
      const check = checkAuthority(policy.authority, condition.decision, { role, post }, amount)
      return Result.succeed(condition.kind === "withinAuthority" ? check.within : !check.within)
    }
  }
}

function assigneesOf(
  policy: ApprovalPolicy,
  ref: ApproverRef,
  context: ChainContext,
): Result.Result<ReadonlyArray<Assignee>, PlanRefusal> {
  if ("person" in ref) return Result.succeed([{ person: personId(ref.person) }])
  if ("post" in ref) {
    const post = policy.posts[ref.post]
    if (post === undefined)
      return Result.fail(new PolicyRefusal({ rule: "approval.post", detail: `unknown post ${ref.post}` }))
    if (post.holders.length > 0)
      return Result.succeed(post.holders.map((holder) => ({ person: personId(holder) })))
    if (post.fallback !== undefined) return Result.succeed([{ role: post.fallback.role }])
    return Result.fail(new PolicyRefusal({ rule: "approval.post", detail: `nobody holds post ${ref.post}` }))
  }
  if ("authorityFor" in ref) {
    if (context.amount === undefined)
      return Result.fail(invalid(subject, ["amount"], "this chain needs the amount"))
    if (context.amount.currency !== policy.currency) {
      return Result.fail(invalid(subject, ["amount", "currency"], `must be ${policy.currency}`))
    }
    const role = lowestAuthorisedRole(policy.authority, ref.authorityFor, context.amount)
    if (role === undefined) {
      return Result.fail(
        new PolicyRefusal({
          rule: "approval.authority",
          detail: `nobody may approve ${context.amount.minor} ${context.amount.currency} of ${ref.authorityFor}`,
        }),
      )
    }
    return Result.succeed([{ role }])
  }
  if (ref.scope === "requesterDepartment") {
    if (context.requesterDepartmentId === undefined) {
      return Result.fail(
        invalid(subject, ["requesterDepartmentId"], "this chain asks the requester's department"),
      )
    }
    return Result.succeed([{ role: ref.role, departmentId: departmentId(context.requesterDepartmentId) }])
  }
  return Result.succeed([{ role: ref.role }])
}

function assigneesOfAll(
  policy: ApprovalPolicy,
  refs: ReadonlyArray<ApproverRef>,
  context: ChainContext,
): Result.Result<ReadonlyArray<Assignee>, PlanRefusal> {
  const all: Array<Assignee> = []
  for (const ref of refs) {
    const resolved = assigneesOf(policy, ref, context)
    if (Result.isFailure(resolved)) return Result.fail(resolved.failure)
    all.push(...resolved.success)
  }
  return Result.succeed(all)
}

function planDeadline(
  policy: ApprovalPolicy,
  deadline:
    | {
        readonly hours: number
        readonly onExpiry: ExpiryAction
        readonly escalateTo?: ReadonlyArray<ApproverRef>
      }
    | undefined,
  context: ChainContext,
): Result.Result<PlannedDeadline | undefined, PlanRefusal> {
  if (deadline === undefined) return Result.succeed(undefined)
  const escalateTo = assigneesOfAll(policy, deadline.escalateTo ?? [], context)
  if (Result.isFailure(escalateTo)) return Result.fail(escalateTo.failure)
  return Result.succeed({
    hours: deadline.hours,
    onExpiry: deadline.onExpiry,
    escalateTo: escalateTo.success,
  })
}

/**
 * Plans the chain of a request under a policy: drops the steps whose condition does not hold
 * (a meal within the manager's authority stops at the manager), names each step's approvers as
 * assignees (roles, people, the lowest authorised post) and carries the deadlines. Pure: the
 * same request under the same policy always gets the same chain.
 */
export function planChain(
  policy: ApprovalPolicy,
  requestType: RequestType,
  context: ChainContext,
): Result.Result<PlannedChain, PlanRefusal> {
  const chain = policy.chains[requestType]
  const steps: Array<PlannedStep> = []
  for (const step of chain.steps) {
    const applies = holds(policy, step.when, context)
    if (Result.isFailure(applies)) return Result.fail(applies.failure)
    if (!applies.success) continue
    const approvers = assigneesOfAll(policy, step.approvers, context)
    if (Result.isFailure(approvers)) return Result.fail(approvers.failure)
    const deadline = planDeadline(policy, step.deadline, context)
    if (Result.isFailure(deadline)) return Result.fail(deadline.failure)
    steps.push({
      id: step.id,
      label: step.label,
      mode: step.mode,
      approvers: approvers.success,
      deadline: deadline.success,
    })
  }
  if (steps.length === 0) {
    return Result.fail(
      new PolicyRefusal({ rule: "approval.chain", detail: `no step of ${requestType} applies` }),
    )
  }
  const deadline = planDeadline(policy, chain.deadline, context)
  if (Result.isFailure(deadline)) return Result.fail(deadline.failure)
  return Result.succeed({
    requestType,
    policyVersion: policy.version,
    title: chain.title,
    formId: chain.formId,
    driver: chain.driver,
    steps,
    deadline: deadline.success,
  })
}
