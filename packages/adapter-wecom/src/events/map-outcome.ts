import {
  type ApprovalOutcomeEvent,
  approvalId,
  type Locale,
  type PersonId,
  type PortFailure,
  personId,
} from "@tixi/core"
import { Effect } from "effect"
import type { WeComApprovals } from "../approvals/approvals-service.ts"
import { referencesOf } from "../approvals/map-detail.ts"
import type { WeComApprovalEvent } from "./wecom-event.ts"

/** One approver's decision (StatuChangeEvent 2 同意 or 3 驳回), for the approval process's approve/reject. */
export interface WeComTaskDecision {
  readonly approvalId: ReturnType<typeof approvalId>
  readonly key: string
  readonly businessKey: string
  readonly approver: PersonId
  readonly outcome: "approved" | "rejected"
  readonly comment: string | undefined
  readonly at: number
}

/** The final outcome of an SpStatus, if it is final. */
function outcomeOf(spStatus: number): ApprovalOutcomeEvent["outcome"] | undefined {
  if (spStatus === 2 || spStatus === 10) return "approved"
  if (spStatus === 3) return "rejected"
  if (spStatus === 4 || spStatus === 6 || spStatus === 7) return "withdrawn"
  return undefined
}

/** The latest decision in an event's records. */
function lastDecision(event: WeComApprovalEvent) {
  const decisions = event.records.flatMap((record) =>
    record.details.filter((detail) => detail.spStatus === 2 || detail.spStatus === 3),
  )
  return decisions.sort((left, right) => left.spTime - right.spTime)[decisions.length - 1]
}

/**
 * Maps `sys_approval_change` to tixi's events. The approval's details are read once to find tixi's
 * references; approvals tixi did not open map to nothing. The outcome's id is the approval and its
 * final state, so a retried callback, a duplicate and reconciliation give one event.
 */
export function makeOutcomeMapper(
  approvals: WeComApprovals,
  locale: Locale,
  personIdOf: (userId: string) => string,
) {
  const references = (spNo: string) =>
    Effect.map(approvals.detail(spNo), (detail) => referencesOf(detail, locale))

  const toOutcome = (
    event: WeComApprovalEvent,
  ): Effect.Effect<ApprovalOutcomeEvent | undefined, PortFailure> =>
    Effect.gen(function* () {
      const outcome = outcomeOf(event.spStatus)
      if (outcome === undefined) return undefined
      const found = yield* references(event.spNo)
      if (found === undefined) return undefined
      const decision = outcome === "withdrawn" ? undefined : lastDecision(event)
      const decidedBy = outcome === "withdrawn" ? event.applicant : decision?.approver
      return {
        eventId: `wecom:${event.spNo}:${outcome}`,
        approvalId: approvalId(event.spNo),
        key: found.key,
        businessKey: found.businessKey,
        requestType: found.requestType,
        outcome,
        decidedBy: decidedBy === undefined ? undefined : personId(personIdOf(decidedBy)),
        comment: decision?.speech,
        at: (decision?.spTime || event.createTime) * 1000,
      } satisfies ApprovalOutcomeEvent
    })

  const toTaskDecision = (
    event: WeComApprovalEvent,
  ): Effect.Effect<WeComTaskDecision | undefined, PortFailure> =>
    Effect.gen(function* () {
      if (event.statusChangeEvent !== 2 && event.statusChangeEvent !== 3) return undefined
      const decision = lastDecision(event)
      if (decision?.approver === undefined) return undefined
      const found = yield* references(event.spNo)
      if (found === undefined) return undefined
      return {
        approvalId: approvalId(event.spNo),
        key: found.key,
        businessKey: found.businessKey,
        approver: personId(personIdOf(decision.approver)),
        outcome: decision.spStatus === 2 ? "approved" : "rejected",
        comment: decision.speech,
        at: decision.spTime * 1000,
      }
    })

  return { toOutcome, toTaskDecision }
}
