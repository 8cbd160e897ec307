import { Context, type Effect } from "effect"
import type { PortFailure } from "../errors/port-failure.ts"
import type { ApprovalId, PersonId } from "../ids/ids.ts"
import type { Label } from "../labels/label.ts"
import type { Instant } from "../time/instant.ts"

/**
 * How the approvers of one step decide: `all` must agree (会签, DingTalk AND, WeCom apv_rel 2)
 * or `any` one suffices (或签, DingTalk OR, WeCom apv_rel 1).
 */
export type ApprovalStepMode = "all" | "any"

/** One step of an approval chain with the people who decide it. */
export interface ApprovalStep {
  readonly mode: ApprovalStepMode
  readonly approvers: ReadonlyArray<PersonId>
}

/** An approval to open (a ✓ step of a flow chart): the form values and the chain of approvers. */
export interface ApprovalSubmission {
  /** Idempotency key: submitting the same key again returns the same approval. */
  readonly key: string
  /** The kind of request, e.g. `complaint.remedy`; selects the template on the host. */
  readonly requestType: string
  /** The process instance that waits on the decision, so the decision finds its way back. */
  readonly businessKey: string
  readonly title: Label
  readonly originator: PersonId
  /** The tixi form the values belong to; adapters render it as the host's approval form. */
  readonly formId: string
  readonly values: Readonly<Record<string, unknown>>
  readonly steps: ReadonlyArray<ApprovalStep>
}

/** Where an approval stands. */
export type ApprovalState = "pending" | "approved" | "rejected" | "withdrawn"

/** One approver's decision within an approval. */
export interface ApprovalDecision {
  readonly step: number
  readonly approver: PersonId
  readonly outcome: "approved" | "rejected"
  readonly comment: string | undefined
  readonly at: Instant
}

/** An approval as the host reports it. */
export interface ApprovalRecord {
  readonly id: ApprovalId
  readonly key: string
  readonly businessKey: string
  readonly requestType: string
  readonly state: ApprovalState
  readonly decisions: ReadonlyArray<ApprovalDecision>
  readonly submittedAt: Instant
  readonly finishedAt: Instant | undefined
}

/**
 * An approval that reached a final state, as it arrives from the host (a DingTalk
 * `bpms_instance_change`, a WeCom `sys_approval_change`, or the in-memory host).
 */
export interface ApprovalOutcomeEvent {
  /** The host's event id, used to drop duplicate deliveries. */
  readonly eventId: string
  readonly approvalId: ApprovalId
  readonly key: string
  readonly businessKey: string
  readonly requestType: string
  readonly outcome: "approved" | "rejected" | "withdrawn"
  readonly decidedBy: PersonId | undefined
  readonly comment: string | undefined
  readonly at: Instant
}

/**
 * Where approvals happen (DingTalk, WeCom, Salesforce Approval Processes, or in memory).
 * Decisions arrive as `ApprovalOutcomeEvent`s through the host's callbacks; `get` is for polling
 * and reconciliation after an outage.
 */
export interface ApprovalsService {
  readonly host: string
  submit(submission: ApprovalSubmission): Effect.Effect<ApprovalRecord, PortFailure>
  /** Withdraws a pending approval (撤销); withdrawing a withdrawn approval changes nothing. */
  withdraw(id: ApprovalId, reason: string): Effect.Effect<ApprovalRecord, PortFailure>
  get(id: ApprovalId): Effect.Effect<ApprovalRecord, PortFailure>
  /** The approval opened with this submission key, if any. */
  findByKey(key: string): Effect.Effect<ApprovalRecord | undefined, PortFailure>
}

/** The approvals port (DESIGN rule 3). */
export class Approvals extends Context.Service<Approvals, ApprovalsService>()("@tixi/core/ports/Approvals") {}
