import { type IdempotencyKey, idempotencyKey } from "../ids/idempotency-key.ts"
import type { Label } from "../labels/label.ts"
import type { ActivityDraft, CaseDraft, HostFields, TaskDraft } from "../ports/host-crm.ts"
import type { NotificationSeverity } from "../ports/notifier.ts"
import type { StepContext } from "./definition.ts"
import type {
  Assignee,
  CompleteTaskRequest,
  CreateTaskRequest,
  LogActivityRequest,
  NotifyRequest,
  SubmitApprovalRequest,
  UpdateCustomerFieldsRequest,
  UpsertCaseRequest,
  WithdrawApprovalRequest,
} from "./effect-request.ts"

/**
 * The effects a flow asks of the host for one event, already keyed: each request's idempotency
 * key is `process/instance/sequence/kind`, so a runner that performs the event's effects again
 * after a crash asks the host for nothing new. Two effects of one kind in one event need their
 * own `kind` (e.g. `host.task.create:approver`), which every builder takes.
 */
export interface HostEffects {
  /** The idempotency key of this event's effect of `kind`. */
  key(kind: string): IdempotencyKey
  /** A task for the person responsible for the next step (`externalKey` names it for completion). */
  task(assignee: Assignee | undefined, draft: Omit<TaskDraft, "assigneeId">, kind?: string): CreateTaskRequest
  /** Marks the task created with `taskKey` as its `externalKey` done. */
  completeTask(taskKey: string, kind?: string): CompleteTaskRequest
  /** A contact with the customer on the host's timeline (a visit, a call, a letter). */
  activity(draft: ActivityDraft, kind?: string): LogActivityRequest
  /** A notification to staff about this instance (its business id as `caseKey`). */
  notify(
    recipients: ReadonlyArray<Assignee>,
    severity: NotificationSeverity,
    title: Label,
    body: Label,
    kind?: string,
  ): NotifyRequest
  /** Writes tixi's fields on the customer record the host keys by `customerKey`. */
  updateCustomer(customerKey: string, fields: HostFields, kind?: string): UpdateCustomerFieldsRequest
  /** Creates or updates the host's case (ticket, Case) of this instance. */
  upsertCase(draft: CaseDraft, kind?: string): UpsertCaseRequest
  /** Opens an approval (✓) under `approvalKey`, the key its decisions come back with. */
  submitApproval(approvalKey: string, submission: SubmitApprovalRequest["submission"]): SubmitApprovalRequest
  /** Withdraws (撤销) the approval opened under `approvalKey`. */
  withdrawApproval(approvalKey: string, reason: string, kind?: string): WithdrawApprovalRequest
}

/** The host effects of the event at `step` of an instance of `process`; `caseKey` links notifications back to it. */
export function hostEffects(process: string, step: StepContext, caseKey: string): HostEffects {
  return new KeyedHostEffects(process, step, caseKey)
}

// A class rather than an object of closures: flows ask for these on every event, and the methods
// then live once on the prototype instead of being allocated per event.
class KeyedHostEffects implements HostEffects {
  private readonly caseKey: string
  /** Bound, so a flow may hand `host.key` on as a function. */
  readonly key: (kind: string) => IdempotencyKey

  constructor(process: string, step: StepContext, caseKey: string) {
    this.caseKey = caseKey
    this.key = (kind) => idempotencyKey(process, step.instanceId, step.sequence, kind)
  }

  task(
    assignee: Assignee | undefined,
    draft: Omit<TaskDraft, "assigneeId">,
    kind = "host.task.create",
  ): CreateTaskRequest {
    return { kind: "host.task.create", key: this.key(kind), draft, assignee }
  }

  completeTask(taskKey: string, kind = "host.task.complete"): CompleteTaskRequest {
    return { kind: "host.task.complete", key: this.key(kind), taskKey }
  }

  activity(draft: ActivityDraft, kind = "host.activity.log"): LogActivityRequest {
    return { kind: "host.activity.log", key: this.key(kind), draft }
  }

  notify(
    recipients: ReadonlyArray<Assignee>,
    severity: NotificationSeverity,
    title: Label,
    body: Label,
    kind = "notify",
  ): NotifyRequest {
    return {
      kind: "notify",
      key: this.key(kind),
      draft: { recipients, severity, title, body, caseKey: this.caseKey },
    }
  }

  updateCustomer(
    customerKey: string,
    fields: HostFields,
    kind = "host.customer.update",
  ): UpdateCustomerFieldsRequest {
    return { kind: "host.customer.update", key: this.key(kind), customerKey, fields }
  }

  upsertCase(draft: CaseDraft, kind = "host.case.upsert"): UpsertCaseRequest {
    return { kind: "host.case.upsert", key: this.key(kind), draft }
  }

  submitApproval(
    approvalKey: string,
    submission: SubmitApprovalRequest["submission"],
  ): SubmitApprovalRequest {
    return { kind: "approval.submit", key: approvalKey as IdempotencyKey, submission }
  }

  withdrawApproval(approvalKey: string, reason: string, kind = "approval.withdraw"): WithdrawApprovalRequest {
    return {
      kind: "approval.withdraw",
      key: this.key(kind),
      submissionKey: approvalKey as IdempotencyKey,
      reason,
    }
  }
}
