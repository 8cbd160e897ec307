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
  const key = (kind: string) => idempotencyKey(process, step.instanceId, step.sequence, kind)
  return {
    key,
    task: (assignee, draft, kind = "host.task.create") => ({
      kind: "host.task.create",
      key: key(kind),
      draft,
      assignee,
    }),
    completeTask: (taskKey, kind = "host.task.complete") => ({
      kind: "host.task.complete",
      key: key(kind),
      taskKey,
    }),
    activity: (draft, kind = "host.activity.log") => ({ kind: "host.activity.log", key: key(kind), draft }),
    notify: (recipients, severity, title, body, kind = "notify") => ({
      kind: "notify",
      key: key(kind),
      draft: { recipients, severity, title, body, caseKey },
    }),
    updateCustomer: (customerKey, fields, kind = "host.customer.update") => ({
      kind: "host.customer.update",
      key: key(kind),
      customerKey,
      fields,
    }),
    upsertCase: (draft, kind = "host.case.upsert") => ({ kind: "host.case.upsert", key: key(kind), draft }),
    submitApproval: (approvalKey, submission) => ({
      kind: "approval.submit",
      key: approvalKey as IdempotencyKey,
      submission,
    }),
    withdrawApproval: (approvalKey, reason, kind = "approval.withdraw") => ({
      kind: "approval.withdraw",
      key: key(kind),
      submissionKey: approvalKey as IdempotencyKey,
      reason,
    }),
  }
}
