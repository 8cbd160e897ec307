import type { Result } from "effect"
import type { InvalidTransition } from "../../errors/refusals.ts"
import type { DecideApproval } from "../../process/approval-decision.ts"
import { decideAtGate, type GatedState } from "../../process/approval-gate.ts"
import type { Decision } from "../../process/flow.ts"
import type { GateEventTypes } from "../../process/gate-decision-step.ts"
import type { CreditPolicy } from "../policy/credit-policy.ts"
import { customerNoticeDueAt } from "./process-support.ts"

/**
 * The ✓ of a credit flow whose approval ends in telling the customer (the evaluation's grade and
 * limit, a grade change): approved, the customer is due a notice within the policy's hours of the
 * decision (`noticeDueAt`, fixed in the event so replay never reads today's policy); rejected or
 * withdrawn, the request goes back. Both flows record these events under their own names.
 */
export function approvedNoticeStep<State extends GatedState & { readonly status: string }>(
  policy: CreditPolicy,
  events: GateEventTypes,
) {
  return <Command extends DecideApproval, Event>(
    state: State,
    command: Command,
    decision: Decision<Event>,
  ): Result.Result<ReadonlyArray<Event>, InvalidTransition> =>
    // The flow's event union holds both types with these fields (`GateDecidedFields` and `GateReturnedFields`).
    decideAtGate<Event, InvalidTransition>(state, command, state.status === "awaitingApproval", decision, {
      approved: (decided) => {
        const noticeDueAt = customerNoticeDueAt(policy, command.at)
        return decision.accept({ type: events.approved, ...decided, noticeDueAt } as unknown as Event)
      },
      returned: (decided) => decision.accept({ type: events.returned, ...decided } as unknown as Event),
    })
}
