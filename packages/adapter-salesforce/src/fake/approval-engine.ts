import type { RawApprovalRequest, RawApprovalResult, RawRestError } from "../vendor/rest.ts"
import type { Caller, FakeSalesforceOrg } from "./fake-org.ts"
import { FakeRecordError } from "./org-errors.ts"

const failure = (error: FakeRecordError): RawApprovalResult => ({
  actorIds: null,
  entityId: null,
  errors: [{ statusCode: error.statusCode, message: error.message, fields: [] } satisfies RawRestError],
  instanceId: null,
  instanceStatus: null,
  newWorkitemIds: null,
  success: false,
})

/**
 * Runs Approval Processes the way the org does: a submission opens a ProcessInstance with a
 * "Started" step, each process step assigns workitems to its approvers (fixed users, related user
 * fields on the record, or the submitter's choice), the first response or all responses
 * (unanimous) decide a step, a rejection ends the process, and a recall removes it.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_process_approvals.htm
export class FakeApprovalEngine {
  private readonly org: FakeSalesforceOrg
  constructor(org: FakeSalesforceOrg) {
    this.org = org
  }

  /** Handles one request of `POST /process/approvals`. */
  handle(request: RawApprovalRequest, caller: Caller): RawApprovalResult {
    try {
      switch (request.actionType) {
        case "Submit":
          return this.submit(request, caller)
        case "Approve":
        case "Reject":
          return this.decide(
            request.contextId,
            request.contextActorId ?? caller.userId,
            request.actionType,
            request.comments,
            request.nextApproverIds,
          )
        default:
          throw new FakeRecordError(
            "INVALID_OPERATION",
            `unknown actionType ${String((request as { actionType: unknown }).actionType)}`,
          )
      }
    } catch (error) {
      if (error instanceof FakeRecordError) return failure(error)
      throw error
    }
  }

  private submit(request: RawApprovalRequest, caller: Caller): RawApprovalResult {
    const target = this.org.findById(request.contextId)
    if (!target || target.record.IsDeleted === true)
      throw new FakeRecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")
    const process = request.processDefinitionNameOrId
      ? this.org.approvalProcesses.get(request.processDefinitionNameOrId.toLowerCase())
      : [...this.org.approvalProcesses.values()].find((candidate) => candidate.object === target.object)
    if (!process || process.object !== target.object) {
      throw new FakeRecordError("NO_APPLICABLE_PROCESS", "No applicable approval process was found.")
    }
    const pending = this.org
      .records("ProcessInstance")
      .find((row) => row.TargetObjectId === target.record.Id && row.Status === "Pending")
    if (pending)
      throw new FakeRecordError(
        "ALREADY_IN_PROCESS",
        "This record is currently in an approval process. A record can be in only one approval process at a time.",
      )
    const instanceId = this.org.insertSystemRecord("ProcessInstance", {
      ProcessDefinitionId: process.definitionId,
      TargetObjectId: target.record.Id,
      Status: "Pending",
      CompletedDate: null,
      SubmittedById: caller.userId,
      LastActorId: caller.userId,
    })
    this.org.insertSystemRecord("ProcessInstanceStep", {
      ProcessInstanceId: instanceId,
      StepNodeId: null,
      StepStatus: "Started",
      ActorId: caller.userId,
      OriginalActorId: caller.userId,
      Comments: request.comments ?? null,
    })
    const workitems = this.enterStep(instanceId, 0, request.nextApproverIds ?? [])
    return this.result(instanceId, workitems)
  }

  /** Assigns the workitems of a step (skipping steps that resolve no approver); finishes when none is left. */
  private enterStep(instanceId: string, step: number, chosen: ReadonlyArray<string>): Array<string> {
    const instance = this.org.records("ProcessInstance").find((row) => row.Id === instanceId)!
    const process = [...this.org.approvalProcesses.values()].find(
      (candidate) => candidate.definitionId === instance.ProcessDefinitionId,
    )!
    const target = this.org.findById(instance.TargetObjectId as string)!
    for (let index = step; index < process.steps.length; index++) {
      const definition = process.steps[index]!
      const approvers = new Set<string>(definition.approvers ?? [])
      for (const field of definition.approverFields ?? []) {
        const value = target.record[this.org.fieldOf(target.object, field)?.name ?? field]
        if (typeof value === "string" && value !== "") approvers.add(value)
      }
      if (definition.submitterChooses && index === step) {
        if (chosen.length > 1)
          throw new FakeRecordError("INVALID_OPERATION", "nextApproverIds takes one approver")
        for (const id of chosen) approvers.add(id)
      }
      if (approvers.size === 0) continue
      for (const approver of approvers) {
        const user = this.org.findById(approver)
        if (user?.object !== "User")
          throw new FakeRecordError("INVALID_CROSS_REFERENCE_KEY", `approver ${approver} is not a user`)
      }
      this.org.updateSystemRecord("ProcessInstance", instanceId, { CurrentStep: index })
      return [...approvers].map((approver) =>
        this.org.insertSystemRecord("ProcessInstanceWorkitem", {
          ProcessInstanceId: instanceId,
          ActorId: approver,
          OriginalActorId: approver,
          StepIndex: index,
        }),
      )
    }
    this.finish(instanceId, "Approved")
    return []
  }

  private finish(instanceId: string, status: "Approved" | "Rejected" | "Removed"): void {
    this.org.updateSystemRecord("ProcessInstance", instanceId, {
      Status: status,
      CompletedDate: this.org.records("ProcessInstance").find((row) => row.Id === instanceId)!.SystemModstamp,
    })
  }

  private workitemsOf(instanceId: string) {
    return this.org.records("ProcessInstanceWorkitem").filter((row) => row.ProcessInstanceId === instanceId)
  }

  private removeWorkitem(id: string): void {
    this.org.updateSystemRecord("ProcessInstanceWorkitem", id, {})
    const row = this.org.records("ProcessInstanceWorkitem").find((entry) => entry.Id === id)!
    row.IsDeleted = true
  }

  /** An approver decides on a workitem. */
  decide(
    workitemId: string,
    actorId: string,
    action: "Approve" | "Reject",
    comments: string | undefined,
    nextApproverIds: ReadonlyArray<string> | undefined,
  ): RawApprovalResult {
    const workitem = this.org.records("ProcessInstanceWorkitem").find((row) => row.Id === workitemId)
    if (!workitem) throw new FakeRecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")
    if (workitem.ActorId !== actorId)
      throw new FakeRecordError("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id")
    const instanceId = workitem.ProcessInstanceId as string
    const instance = this.org.records("ProcessInstance").find((row) => row.Id === instanceId)!
    const process = [...this.org.approvalProcesses.values()].find(
      (candidate) => candidate.definitionId === instance.ProcessDefinitionId,
    )!
    const stepIndex = workitem.StepIndex as number
    const definition = process.steps[stepIndex]!
    this.org.insertSystemRecord("ProcessInstanceStep", {
      ProcessInstanceId: instanceId,
      StepNodeId: process.nodeIds[stepIndex],
      StepStatus: action === "Approve" ? "Approved" : "Rejected",
      ActorId: actorId,
      OriginalActorId: workitem.OriginalActorId,
      Comments: comments ?? null,
    })
    this.removeWorkitem(workitemId)
    this.org.updateSystemRecord("ProcessInstance", instanceId, { LastActorId: actorId })
    if (action === "Reject") {
      for (const other of this.workitemsOf(instanceId)) this.removeWorkitem(other.Id as string)
      this.finish(instanceId, "Rejected")
      return this.result(instanceId, [])
    }
    const remaining = this.workitemsOf(instanceId)
    if (definition.unanimous && remaining.length > 0) return this.result(instanceId, [])
    for (const other of remaining) {
      this.org.insertSystemRecord("ProcessInstanceStep", {
        ProcessInstanceId: instanceId,
        StepNodeId: process.nodeIds[stepIndex],
        StepStatus: "NoResponse",
        ActorId: other.ActorId,
        OriginalActorId: other.OriginalActorId,
        Comments: null,
      })
      this.removeWorkitem(other.Id as string)
    }
    return this.result(instanceId, this.enterStep(instanceId, stepIndex + 1, nextApproverIds ?? []))
  }

  /**
   * Recalls a pending request by one of its workitems: SOAP `process()` with action `Removed`
   * (REST `/process/approvals` has no such action).
   */
  // https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_process.htm
  recall(workitemId: string, caller: Caller, comments: string | undefined): RawApprovalResult {
    try {
      return this.remove(workitemId, caller.userId, comments)
    } catch (error) {
      if (error instanceof FakeRecordError) return failure(error)
      throw error
    }
  }

  private remove(workitemId: string, actorId: string, comments: string | undefined): RawApprovalResult {
    const workitem = this.org.records("ProcessInstanceWorkitem").find((row) => row.Id === workitemId)
    if (!workitem) throw new FakeRecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")
    const instanceId = workitem.ProcessInstanceId as string
    for (const other of this.workitemsOf(instanceId)) this.removeWorkitem(other.Id as string)
    this.org.insertSystemRecord("ProcessInstanceStep", {
      ProcessInstanceId: instanceId,
      StepNodeId: null,
      StepStatus: "Removed",
      ActorId: actorId,
      OriginalActorId: actorId,
      Comments: comments ?? null,
    })
    this.finish(instanceId, "Removed")
    return this.result(instanceId, [])
  }

  private result(instanceId: string, newWorkitemIds: ReadonlyArray<string>): RawApprovalResult {
    const instance = this.org.records("ProcessInstance").find((row) => row.Id === instanceId)!
    return {
      actorIds: this.workitemsOf(instanceId).map((row) => row.ActorId as string),
      entityId: instance.TargetObjectId as string,
      errors: null,
      instanceId,
      instanceStatus: instance.Status as RawApprovalResult["instanceStatus"],
      newWorkitemIds: [...newWorkitemIds],
      success: true,
    }
  }
}
