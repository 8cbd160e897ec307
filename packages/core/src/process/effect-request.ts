import type { DepartmentId, IdempotencyKey, PersonId } from "../ids/index.ts"
import type { ApprovalStepMode, ApprovalSubmission } from "../ports/approvals.ts"
import type { ActivityDraft, CaseDraft, HostFields, TaskDraft } from "../ports/host-crm.ts"
import type { NotificationDraft } from "../ports/notifier.ts"
import type { Role } from "../roles/role.ts"

/**
 * Who should act, as a flow chart names them: a role (the department's supervisor, the
 * customer-service manager) or a named person. Runners resolve roles through the `Directory`.
 */
export type Assignee =
  | { readonly role: Role; readonly departmentId?: DepartmentId }
  | { readonly person: PersonId }

/** Create or update the host's case for a process instance (a HubSpot ticket, a Salesforce Case). */
export interface UpsertCaseRequest {
  readonly kind: "host.case.upsert"
  readonly key: IdempotencyKey
  readonly draft: CaseDraft
}

/**
 * Write tixi's fields on an existing customer record (a credit grade and limit after approval,
 * a customer grade after re-grading), matched on the customer's externalKey. Fields not named
 * are left as they are, so repeating the write changes nothing.
 */
export interface UpdateCustomerFieldsRequest {
  readonly kind: "host.customer.update"
  readonly key: IdempotencyKey
  /** The customer's externalKey on the host (tixi's customer id). */
  readonly customerKey: string
  readonly fields: HostFields
}

/** Create a task for someone (an investigation, a 督促 reminder, a follow-up visit). */
export interface CreateTaskRequest {
  readonly kind: "host.task.create"
  readonly key: IdempotencyKey
  readonly draft: Omit<TaskDraft, "assigneeId">
  readonly assignee: Assignee | undefined
}

/** Mark a task done. */
export interface CompleteTaskRequest {
  readonly kind: "host.task.complete"
  readonly key: IdempotencyKey
  readonly taskKey: string
}

/** Record a contact with the customer on the host's timeline. */
export interface LogActivityRequest {
  readonly kind: "host.activity.log"
  readonly key: IdempotencyKey
  readonly draft: ActivityDraft
}

/** Open an approval (a ✓ step), with approvers named by role or person. */
export interface SubmitApprovalRequest {
  readonly kind: "approval.submit"
  readonly key: IdempotencyKey
  readonly submission: Omit<ApprovalSubmission, "key" | "steps" | "originator"> & {
    readonly originator: Assignee
    readonly steps: ReadonlyArray<{
      readonly mode: ApprovalStepMode
      readonly approvers: ReadonlyArray<Assignee>
    }>
  }
}

/** Withdraw an approval opened earlier (by the key of its submit request). */
export interface WithdrawApprovalRequest {
  readonly kind: "approval.withdraw"
  readonly key: IdempotencyKey
  readonly submissionKey: IdempotencyKey
  readonly reason: string
}

/** Notify people (a breach warning, an escalation, an assignment). */
export interface NotifyRequest {
  readonly kind: "notify"
  readonly key: IdempotencyKey
  readonly draft: Omit<NotificationDraft, "key" | "recipients"> & {
    readonly recipients: ReadonlyArray<Assignee>
  }
}

/**
 * A side effect a process asks of the world, as data: runners perform it through the ports, with
 * `key` as its idempotency key, so performing it twice has the effect of performing it once.
 */
export type EffectRequest =
  | UpsertCaseRequest
  | UpdateCustomerFieldsRequest
  | CreateTaskRequest
  | CompleteTaskRequest
  | LogActivityRequest
  | SubmitApprovalRequest
  | WithdrawApprovalRequest
  | NotifyRequest

/** The kinds of effect request. */
export type EffectKind = EffectRequest["kind"]
