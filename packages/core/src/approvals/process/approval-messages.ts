import type { ApprovalId, PersonId } from "../../ids/ids.ts"
import type { Label } from "../../labels/label.ts"
import type { Instant } from "../../time/instant.ts"
import type { ResolvedStep } from "../chain/resolve-chain.ts"
import type { ChainDriver } from "../labels/approval-labels.ts"
import type { RequestType } from "../labels/request-type.ts"
import type { Delegation } from "../policy/approval-policy.ts"

/** What is being approved: the request and the process that waits on the decision. */
export interface ApprovalRequest {
  readonly requestType: RequestType
  /** The process instance that asked (a complaint number, a visit id); the outcome goes back to it. */
  readonly businessKey: string
  readonly title: Label
  readonly requester: PersonId
  readonly formId: string
  /** The form values, already validated by the form (`form.parse`). */
  readonly values: Readonly<Record<string, unknown>>
}

/** A chain deadline (the whole chain, both drivers). */
export interface ChainDeadline {
  readonly hours: number
  readonly onExpiry: "remind" | "autoApprove" | "autoReject"
}

/** Submits a request with its resolved chain (`planChain` then `resolveChain`). */
export interface SubmitApproval {
  readonly type: "submit"
  readonly at: Instant
  /** The approval process instance's id; part of every key it sends to the host. */
  readonly requestId: string
  readonly request: ApprovalRequest
  readonly policyVersion: string
  readonly driver: ChainDriver
  readonly steps: ReadonlyArray<ResolvedStep>
  readonly deadline?: ChainDeadline
  /** The standing delegations in force, recorded so that replay decides the same way. */
  readonly delegations?: ReadonlyArray<Delegation>
}

/** One approver agrees (同意), in tixi or as a host reports a task (DingTalk bpms_task_change). */
export interface ApproveStep {
  readonly type: "approve"
  readonly at: Instant
  readonly actor: PersonId
  readonly comment?: string
}

/** One approver refuses (驳回); the whole request is rejected. */
export interface RejectStep {
  readonly type: "reject"
  readonly at: Instant
  readonly actor: PersonId
  readonly comment?: string
}

/** The host reports the final state of a submission tixi opened (an `ApprovalOutcomeEvent`). */
export interface RecordHostOutcome {
  readonly type: "hostOutcome"
  readonly at: Instant
  /** The submission key the host echoes back; outcomes of older submissions are ignored. */
  readonly key: string
  readonly approvalId: ApprovalId
  readonly outcome: "approved" | "rejected" | "withdrawn"
  readonly decidedBy?: PersonId
  readonly comment?: string
}

/** The requester (or the process that asked, without an actor) withdraws a pending request (撤销). */
export interface WithdrawApproval {
  readonly type: "withdraw"
  readonly at: Instant
  readonly actor?: PersonId
  readonly reason: string
}

/** Anyone adds a remark (评论) to the request. */
export interface CommentOnApproval {
  readonly type: "comment"
  readonly at: Instant
  readonly author: PersonId
  readonly text: string
}

/** The requester submits again after a rejection, optionally with changed values (再次提交). */
export interface ResubmitApproval {
  readonly type: "resubmit"
  readonly at: Instant
  readonly actor: PersonId
  readonly values?: Readonly<Record<string, unknown>>
}

/** An approver hands the current step to someone else (转交); tixi-driven chains only. */
export interface RedirectStep {
  readonly type: "redirect"
  readonly at: Instant
  readonly actor: PersonId
  readonly to: PersonId
}

/** A deadline passed (fired by the runner from `deadlines`). */
export interface ExpireApproval {
  readonly type: "expire"
  readonly at: Instant
  readonly scope: "step" | "chain"
  readonly round: number
  readonly stepIndex: number
  readonly attempt: number
}

/** What the approval process accepts. */
export type ApprovalCommand =
  | SubmitApproval
  | ApproveStep
  | RejectStep
  | RecordHostOutcome
  | WithdrawApproval
  | CommentOnApproval
  | ResubmitApproval
  | RedirectStep
  | ExpireApproval

/** A host submission the process opened: the whole chain (host-driven) or one step (tixi-driven). */
export interface SubmissionOpened {
  readonly type: "submissionOpened"
  readonly at: Instant
  readonly round: number
  /** The step it covers (tixi-driven) or null for the whole chain (host-driven). */
  readonly stepIndex: number | null
  readonly attempt: number
  readonly approvers: ReadonlyArray<PersonId>
  readonly submissionKey: string
  /** When the step's deadline passes, computed here so replay never depends on today's policy. */
  readonly stepDueAt: Instant | null
}

/** What the approval process records. */
export type ApprovalEvent =
  | {
      readonly type: "submitted"
      readonly at: Instant
      readonly requestId: string
      readonly request: ApprovalRequest
      readonly policyVersion: string
      readonly driver: ChainDriver
      readonly steps: ReadonlyArray<ResolvedStep>
      readonly deadline: ChainDeadline | null
      readonly chainDueAt: Instant | null
      readonly delegations: ReadonlyArray<Delegation>
    }
  | SubmissionOpened
  | {
      readonly type: "decisionRecorded"
      readonly at: Instant
      readonly round: number
      readonly stepIndex: number
      /** The approver whose task this was. */
      readonly approver: PersonId
      /** Who actually decided, when a delegate acted for the approver (代理). */
      readonly actedBy: PersonId | null
      readonly outcome: "approved" | "rejected"
      readonly comment: string | null
    }
  | {
      readonly type: "stepApproved"
      readonly at: Instant
      readonly round: number
      readonly stepIndex: number
      readonly automatic: boolean
    }
  | {
      readonly type: "approved"
      readonly at: Instant
      readonly decidedBy: PersonId | null
      readonly comment: string | null
      readonly automatic: boolean
      /** The host submission still open that tixi closes, if any. */
      readonly closeSubmissionKey: string | null
    }
  | {
      readonly type: "rejected"
      readonly at: Instant
      readonly decidedBy: PersonId | null
      readonly comment: string | null
      readonly automatic: boolean
      readonly closeSubmissionKey: string | null
    }
  | {
      readonly type: "withdrawn"
      readonly at: Instant
      readonly by: PersonId | null
      readonly reason: string
      readonly closeSubmissionKey: string | null
    }
  | { readonly type: "commented"; readonly at: Instant; readonly author: PersonId; readonly text: string }
  | {
      readonly type: "resubmitted"
      readonly at: Instant
      readonly round: number
      readonly values: Readonly<Record<string, unknown>>
    }
  | {
      readonly type: "reminderSent"
      readonly at: Instant
      readonly scope: "step" | "chain"
      readonly round: number
      readonly stepIndex: number
      readonly recipients: ReadonlyArray<PersonId>
    }
  | {
      readonly type: "escalated"
      readonly at: Instant
      readonly round: number
      readonly stepIndex: number
      readonly from: ReadonlyArray<PersonId>
      readonly to: ReadonlyArray<PersonId>
      readonly closeSubmissionKey: string | null
    }
  | {
      readonly type: "redirected"
      readonly at: Instant
      readonly round: number
      readonly stepIndex: number
      readonly from: PersonId
      readonly to: PersonId
      readonly closeSubmissionKey: string | null
    }
