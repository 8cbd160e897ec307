import {
  type ApprovalDecision,
  type ApprovalId,
  type ApprovalOutcomeEvent,
  type ApprovalRecord,
  type ApprovalState,
  type ApprovalSubmission,
  type ApprovalsService,
  approvalId,
  InvalidRequest,
  NotFound,
  PortFailure,
  textOf,
} from "@tixi/core"
import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import { failureFromRecordErrors } from "../errors/map-salesforce-error.ts"
import { approvalKeyField, approverField } from "../install/base-fields.ts"
import { formatSoqlDateTime, instantOf } from "../mapping/instants.ts"
import { isRecordId, keyPrefix } from "../mapping/record-ids.ts"
import { submitApprovalRequests } from "../operations/approvals/submit-approval-requests.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import { updateRecord } from "../operations/rest/update-record.ts"
import { processWorkitems } from "../operations/soap/process-workitems.ts"
import type { ApprovalProcessBinding } from "../settings/settings.ts"
import { parseApprovalTag, submissionComment } from "./approval-comment.ts"

const fail = (operation: string, reason: PortFailure["reason"], detail: string) =>
  new PortFailure({ port: "Approvals", operation, reason, detail })
const invalid = (operation: string, problems: ReadonlyArray<{ field: string; message: string }>) =>
  fail(
    operation,
    new InvalidRequest({ fields: problems }),
    problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
  )

const stateOf: Readonly<Record<string, ApprovalState>> = {
  Pending: "pending",
  Approved: "approved",
  Rejected: "rejected",
  Removed: "withdrawn",
}

/**
 * tixi's approvals as Salesforce Approval Processes (for companies that approve inside Salesforce).
 *
 * What Salesforce can express: the processes are defined in Setup, so tixi submits to an existing
 * process by name; a step's unanimity ("all"/会签 = unanimous, "any"/或签 = first response) is
 * fixed per process step, so tixi picks, among the processes bound to the request type, the one
 * whose step modes match the submission; approvers are not fixed in Setup but read by each step
 * from tixi's related user fields (`Tixi_Approver_S<step>_<n>__c`), which tixi fills on the record
 * before submitting, so any chain of people works; a step whose fields are empty is skipped by the
 * process's entry criteria. What it cannot: a chain shape no bound process has (rejected with
 * InvalidRequest naming `steps`), more approvers in a step than it has fields, a record in two
 * approvals at once (Salesforce: ALREADY_IN_PROCESS → Conflict), and form values beyond the
 * record's own fields (the approver sees the record, not tixi's form).
 */
export const makeSalesforceApprovals = (
  context: CrmContext,
): ApprovalsService & {
  readonly pollOutcomes: (
    cursor: string | undefined,
  ) => Effect.Effect<
    { readonly events: ReadonlyArray<ApprovalOutcomeEvent>; readonly cursor: string },
    PortFailure
  >
} => {
  const { client, settings } = context

  const boundObjects = [
    ...new Set(Object.values(settings.approvalProcesses).map((binding) => binding.object)),
  ]

  const get = (id: ApprovalId, operation = "get") =>
    Effect.gen(function* () {
      if (!isRecordId(id) || keyPrefix(id) !== "04g")
        return yield* fail(operation, new NotFound({ resource: "approval", id }), `no approval ${id}`)
      const instances = yield* queryAll(
        client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_processinstance.htm
        `SELECT Id, Status, TargetObjectId, CreatedDate, CompletedDate FROM ProcessInstance WHERE Id = ${soqlString(id)}`,
        { port: "Approvals", operation },
      )
      const instance = instances[0]
      if (!instance)
        return yield* fail(operation, new NotFound({ resource: "approval", id }), `no approval ${id}`)
      const steps = yield* queryAll(
        client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_processinstancestep.htm
        `SELECT Id, StepStatus, ActorId, Comments, StepNodeId, CreatedDate FROM ProcessInstanceStep WHERE ProcessInstanceId = ${soqlString(id)} ORDER BY CreatedDate, Id`,
        { port: "Approvals", operation },
      )
      const tag = parseApprovalTag(steps.find((step) => step.StepStatus === "Started")?.Comments)
      const nodes: Array<string> = []
      const decisions: Array<ApprovalDecision> = []
      for (const step of steps) {
        if (step.StepStatus !== "Approved" && step.StepStatus !== "Rejected") continue
        const node = String(step.StepNodeId ?? "")
        if (!nodes.includes(node)) nodes.push(node)
        decisions.push({
          step: nodes.indexOf(node),
          approver: context.personOf(step.ActorId)!,
          outcome: step.StepStatus === "Approved" ? "approved" : "rejected",
          comment: typeof step.Comments === "string" ? step.Comments : undefined,
          at: instantOf(String(step.CreatedDate)),
        })
      }
      return {
        id: approvalId(String(instance.Id)),
        key: tag?.key ?? String(instance.Id),
        businessKey: tag?.businessKey ?? String(instance.TargetObjectId),
        requestType: tag?.requestType ?? "salesforce",
        state: stateOf[String(instance.Status)] ?? "pending",
        decisions,
        submittedAt: instantOf(String(instance.CreatedDate)),
        finishedAt:
          typeof instance.CompletedDate === "string" ? instantOf(instance.CompletedDate) : undefined,
      } satisfies ApprovalRecord
    })

  const findByKey = (submissionKey: string) =>
    Effect.gen(function* () {
      for (const object of boundObjects) {
        const records = yield* queryAll(
          client,
          // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm
          `SELECT Id FROM ${object} WHERE ${approvalKeyField} = ${soqlString(submissionKey)}`,
          {
            port: "Approvals",
            operation: "findByKey",
          },
        )
        for (const record of records) {
          const instances = yield* queryAll(
            client,
            // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_processinstance.htm
            `SELECT Id FROM ProcessInstance WHERE TargetObjectId = ${soqlString(String(record.Id))} ORDER BY CreatedDate DESC, Id DESC LIMIT 5`,
            { port: "Approvals", operation: "findByKey" },
          )
          for (const instance of instances) {
            const approval = yield* get(approvalId(String(instance.Id)), "findByKey")
            if (approval.key === submissionKey) return approval
          }
        }
      }
      return undefined
    })

  const chooseProcess = (binding: ApprovalProcessBinding, submission: ApprovalSubmission) =>
    binding.processes.find(
      (process) =>
        process.steps.length === submission.steps.length &&
        process.steps.every((mode, index) => submission.steps[index]!.mode === mode),
    )

  const submit = (submission: ApprovalSubmission) =>
    Effect.gen(function* () {
      const binding = settings.approvalProcesses[submission.requestType]
      const problems: Array<{ field: string; message: string }> = []
      if (!binding)
        problems.push({
          field: "requestType",
          message: `${submission.requestType} is not bound to a Salesforce Approval Process (settings.approvalProcesses)`,
        })
      if (submission.key.trim() === "") problems.push({ field: "key", message: "must not be empty" })
      if (submission.steps.length === 0) problems.push({ field: "steps", message: "needs at least one step" })
      const slots = binding?.approversPerStep ?? 5
      submission.steps.forEach((step, index) => {
        if (step.approvers.length === 0)
          problems.push({ field: `steps[${index}].approvers`, message: "nobody to approve" })
        if (step.approvers.length > slots)
          problems.push({
            field: `steps[${index}].approvers`,
            message: `at most ${slots} approvers per step (the process's approver fields)`,
          })
      })
      const process = binding ? chooseProcess(binding, submission) : undefined
      if (binding && submission.steps.length > 0 && !process) {
        problems.push({
          field: "steps",
          message: `no bound Approval Process has the chain shape [${submission.steps.map((step) => step.mode).join(", ")}]`,
        })
      }
      if (problems.length > 0) return yield* invalid("submit", problems)
      const existing = yield* findByKey(submission.key)
      if (existing) return existing
      const routing: Record<string, unknown> = { [approvalKeyField]: submission.key }
      const maxSteps = Math.max(...binding!.processes.map((candidate) => candidate.steps.length))
      for (let step = 0; step < maxSteps; step++) {
        for (let slot = 0; slot < slots; slot++) {
          const person = submission.steps[step]?.approvers[slot]
          routing[approverField(step, slot)] =
            person === undefined
              ? null
              : yield* Effect.mapError(
                  context.userIdOf(person, `steps[${step}].approvers[${slot}]`, "submit"),
                  (failure) => new PortFailure({ ...failure, port: "Approvals" }),
                )
        }
      }
      const recordKey = String(submission.values[binding!.recordKeyField ?? ""] ?? submission.businessKey)
      const recordId = yield* context.idByKey(binding!.object, recordKey, "submit")
      if (!recordId)
        return yield* fail(
          "submit",
          new NotFound({ resource: binding!.object, id: recordKey }),
          `no ${binding!.object} with key ${recordKey}`,
        )
      yield* updateRecord(client, {
        port: "Approvals",
        object: binding!.object,
        id: recordId,
        values: routing,
        operation: "submit",
      })
      const submitter = settings.users[submission.originator]
      const [result] = yield* submitApprovalRequests(client, {
        operation: "submit",
        requests: [
          {
            actionType: "Submit",
            contextId: recordId,
            ...(submitter === undefined ? {} : { contextActorId: submitter }),
            comments: submissionComment(
              textOf(submission.title, "zh-CN") === textOf(submission.title, "en")
                ? textOf(submission.title, "en")
                : `${textOf(submission.title, "zh-CN")} / ${textOf(submission.title, "en")}`,
              {
                key: submission.key,
                businessKey: submission.businessKey,
                requestType: submission.requestType,
              },
            ),
            processDefinitionNameOrId: process!.name,
            skipEntryCriteria: binding!.skipEntryCriteria ?? true,
          },
        ],
      })
      if (!result?.success || !result.instanceId) {
        return yield* failureFromRecordErrors(
          { port: "Approvals", operation: "submit", resource: binding!.object, id: recordId },
          result?.errors,
        )
      }
      return yield* get(approvalId(result.instanceId), "submit")
    })

  /**
   * Recalls a pending approval (撤销) with the SOAP API's `process()` and action `Removed` on its
   * workitem: REST `/process/approvals` documents Submit, Approve and Reject only, while SOAP
   * `ProcessWorkitemRequest` documents Removed. The process must allow recall ("Initial
   * submitters may recall") and the integration user must be the submitter or an administrator.
   */
  const withdraw = (id: ApprovalId, reason: string) =>
    Effect.gen(function* () {
      const current = yield* get(id, "withdraw")
      if (current.state === "withdrawn") return current
      if (current.state !== "pending")
        return yield* invalid("withdraw", [{ field: "id", message: `approval is ${current.state}` }])
      const workitems = yield* queryAll(
        client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_processinstanceworkitem.htm
        `SELECT Id FROM ProcessInstanceWorkitem WHERE ProcessInstanceId = ${soqlString(id)} LIMIT 1`,
        {
          port: "Approvals",
          operation: "withdraw",
        },
      )
      if (!workitems[0]) return yield* get(id, "withdraw")
      const [result] = yield* processWorkitems(client, {
        operation: "withdraw",
        requests: [{ action: "Removed", workitemId: String(workitems[0].Id), comments: reason }],
      })
      if (!result?.success)
        return yield* failureFromRecordErrors(
          { port: "Approvals", operation: "withdraw", resource: "approval", id },
          result?.errors,
        )
      return yield* get(id, "withdraw")
    })

  const pollOutcomes = (cursorText: string | undefined) =>
    Effect.gen(function* () {
      const since = cursorText === undefined ? 0 : Number(cursorText)
      if (!Number.isFinite(since))
        return yield* invalid("pollOutcomes", [
          { field: "cursor", message: "is not a cursor this host issued" },
        ])
      const rows = yield* queryAll(
        client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_processinstance.htm
        `SELECT Id, Status, CompletedDate, SystemModstamp FROM ProcessInstance WHERE Status != 'Pending' AND SystemModstamp >= ${formatSoqlDateTime(since)} ORDER BY SystemModstamp, Id`,
        { port: "Approvals", operation: "pollOutcomes" },
      )
      const events: Array<ApprovalOutcomeEvent> = []
      let watermark = since
      for (const row of rows) {
        watermark = Math.max(watermark, instantOf(String(row.SystemModstamp)))
        const approval = yield* get(approvalId(String(row.Id)), "pollOutcomes")
        if (approval.key === approval.id || approval.state === "pending") continue
        const last = approval.decisions.at(-1)
        events.push({
          eventId: `${approval.id}:${approval.state}`,
          approvalId: approval.id,
          key: approval.key,
          businessKey: approval.businessKey,
          requestType: approval.requestType,
          outcome: approval.state,
          decidedBy: approval.state === "withdrawn" ? undefined : last?.approver,
          comment: approval.state === "withdrawn" ? undefined : last?.comment,
          at: approval.finishedAt ?? watermark,
        })
      }
      return { events, cursor: String(watermark) }
    })

  return { host: "salesforce", submit, withdraw, get: (id) => get(id), findByKey, pollOutcomes }
}
