import {
  type ApprovalOutcomeEvent,
  approvalId,
  type Locale,
  type PersonId,
  type PortFailure,
  personId,
} from "@tixi/core"
import { Effect } from "effect"
import type { DingTalkApprovals } from "../approvals/approvals-service.ts"
import { referencesOf } from "../approvals/map-instance.ts"
import type { DingTalkApprovalEvent } from "./dingtalk-event.ts"

/** One approver's decision, reported by `bpms_task_change`, for the approval process's approve/reject. */
export interface ApprovalTaskDecision {
  readonly approvalId: ReturnType<typeof approvalId>
  readonly key: string
  readonly businessKey: string
  readonly approver: PersonId
  readonly outcome: "approved" | "rejected"
  readonly comment: string | undefined
  readonly at: number
}

/** The outcome an instance event announces, if it is final (start is not). */
function outcomeOf(event: DingTalkApprovalEvent): ApprovalOutcomeEvent["outcome"] | undefined {
  if (event.type === "finish")
    return event.result === "agree" ? "approved" : event.result === "refuse" ? "rejected" : undefined
  if (event.type === "terminate" || event.type === "delete") return "withdrawn"
  return undefined
}

/**
 * Maps DingTalk approval events to tixi's. The instance is read once to find tixi's references
 * (submission key, business key, request type) and the last decision; instances tixi did not open
 * map to nothing. The outcome's id is the instance and its final state, so the same outcome
 * arriving by HTTP, by Stream, from the failed-delivery list or from reconciliation is one event.
 */
export function makeOutcomeMapper(
  approvals: DingTalkApprovals,
  locale: Locale,
  personIdOf: (userId: string) => string,
) {
  const toOutcome = (
    event: DingTalkApprovalEvent,
  ): Effect.Effect<ApprovalOutcomeEvent | undefined, PortFailure> =>
    Effect.gen(function* () {
      if (event.eventType !== "bpms_instance_change") return undefined
      const outcome = outcomeOf(event)
      if (outcome === undefined) return undefined
      const instance = yield* approvals.instance(event.processInstanceId)
      const references = referencesOf(instance, locale)
      if (references === undefined) return undefined
      const decisions = (instance.operationRecords ?? []).filter(
        (record) =>
          record.type?.startsWith("EXECUTE_TASK") &&
          (record.result === "AGREE" || record.result === "REFUSE"),
      )
      const last = decisions[decisions.length - 1]
      const decidedBy = outcome === "withdrawn" ? event.staffId : (last?.userId ?? event.staffId)
      return {
        eventId: `dingtalk:${event.processInstanceId}:${outcome}`,
        approvalId: approvalId(event.processInstanceId),
        key: references.key,
        businessKey: references.businessKey,
        requestType: references.requestType,
        outcome,
        decidedBy: decidedBy === undefined ? undefined : personId(personIdOf(decidedBy)),
        comment: outcome === "withdrawn" ? event.remark : (last?.remark ?? event.remark),
        at: event.finishTime ?? event.eventTime ?? 0,
      } satisfies ApprovalOutcomeEvent
    })

  const toTaskDecision = (
    event: DingTalkApprovalEvent,
  ): Effect.Effect<ApprovalTaskDecision | undefined, PortFailure> =>
    Effect.gen(function* () {
      if (event.eventType !== "bpms_task_change" || event.type !== "finish" || event.staffId === undefined)
        return undefined
      if (event.result !== "agree" && event.result !== "refuse") return undefined
      const references = referencesOf(yield* approvals.instance(event.processInstanceId), locale)
      if (references === undefined) return undefined
      return {
        approvalId: approvalId(event.processInstanceId),
        key: references.key,
        businessKey: references.businessKey,
        approver: personId(personIdOf(event.staffId)),
        outcome: event.result === "agree" ? "approved" : "rejected",
        comment: event.remark,
        at: event.finishTime ?? event.eventTime ?? 0,
      }
    })

  return { toOutcome, toTaskDecision }
}
