import { Effect } from "effect"
import type { PersonId } from "../../ids/ids.ts"
import type { Label } from "../../labels/label.ts"
import type { ApprovalStepMode } from "../../ports/approvals.ts"
import type { Assignee } from "../../process/effect-request.ts"
import { resolveAll } from "../../process/perform-effect.ts"
import type { ExpiryAction } from "../labels/approval-labels.ts"
import type { PlannedChain } from "./plan-chain.ts"

/** A deadline whose escalation approvers are real people. */
export interface ResolvedDeadline {
  readonly hours: number
  readonly onExpiry: ExpiryAction
  readonly escalateTo: ReadonlyArray<PersonId>
}

/** A step with the people who decide it, as the approval process and the hosts need it. */
export interface ResolvedStep {
  readonly id: string
  readonly label: Label
  readonly mode: ApprovalStepMode
  readonly approvers: ReadonlyArray<PersonId>
  readonly deadline: ResolvedDeadline | undefined
}

const people = Effect.fnUntraced(function* (assignees: ReadonlyArray<Assignee>) {
  const found = new Set<PersonId>()
  for (const assignee of assignees)
    for (const id of yield* resolveAll("resolveChain", assignee)) found.add(id)
  return [...found]
})

/**
 * Resolves a planned chain's roles to people through the `Directory` (DingTalk, WeCom, or the
 * in-memory directory), at submission time, so the approval process itself stays pure and knows
 * who may decide each step. Fails with the directory's `PortFailure` when a role has no holder.
 */
export const resolveChain = Effect.fnUntraced(function* (chain: PlannedChain) {
  const steps: Array<ResolvedStep> = []
  for (const step of chain.steps) {
    const approvers = yield* people(step.approvers)
    const deadline =
      step.deadline === undefined
        ? undefined
        : {
            hours: step.deadline.hours,
            onExpiry: step.deadline.onExpiry,
            escalateTo: yield* people(step.deadline.escalateTo),
          }
    steps.push({ id: step.id, label: step.label, mode: step.mode, approvers, deadline })
  }
  return steps as ReadonlyArray<ResolvedStep>
})
