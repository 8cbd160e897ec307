import type { PersonId } from "../../ids/ids.ts"
import type { Instant } from "../../time/instant.ts"
import type { ResolvedStep } from "../chain/resolve-chain.ts"
import type { ApprovalStatus, ChainDriver } from "../labels/approval-labels.ts"
import type { Delegation } from "../policy/approval-policy.ts"
import type { ApprovalRequest, ChainDeadline } from "./approval-messages.ts"

/** One approver's recorded decision. */
export interface RecordedDecision {
  readonly round: number
  readonly stepIndex: number
  readonly approver: PersonId
  readonly actedBy: PersonId | undefined
  readonly outcome: "approved" | "rejected"
  readonly comment: string | undefined
  readonly at: Instant
}

/** An approval request in flight or decided. */
export interface ActiveApproval {
  readonly status: Exclude<ApprovalStatus, "draft">
  readonly requestId: string
  readonly request: ApprovalRequest
  readonly policyVersion: string
  readonly driver: ChainDriver
  readonly steps: ReadonlyArray<ResolvedStep>
  readonly delegations: ReadonlyArray<Delegation>
  readonly chainDeadline: ChainDeadline | undefined
  /** The submission round: 1, then one more per resubmission. */
  readonly round: number
  readonly roundStartedAt: Instant
  readonly chainDueAt: Instant | undefined
  readonly chainDeadlineHandled: boolean
  /** The step being decided (0-based); in host-driven chains it follows the decisions reported. */
  readonly stepIndex: number
  /** Who decides the current step now (after escalation or redirection). */
  readonly stepApprovers: ReadonlyArray<PersonId>
  /** Who has approved the current step. */
  readonly stepApprovedBy: ReadonlyArray<PersonId>
  readonly stepAttempt: number
  readonly stepDueAt: Instant | undefined
  readonly stepDeadlineHandled: boolean
  /** The host submission open now, if any. */
  readonly openSubmissionKey: string | undefined
  readonly decisions: ReadonlyArray<RecordedDecision>
  readonly comments: ReadonlyArray<{ readonly author: PersonId; readonly text: string; readonly at: Instant }>
  readonly outcome:
    | {
        readonly outcome: "approved" | "rejected" | "withdrawn"
        readonly decidedBy: PersonId | undefined
        readonly comment: string | undefined
        readonly automatic: boolean
        readonly at: Instant
      }
    | undefined
}

/** The approval process's state: nothing submitted yet, or the request. */
export type ApprovalProcessState = { readonly status: "draft" } | ActiveApproval
