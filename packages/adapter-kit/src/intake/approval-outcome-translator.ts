import type { ApprovalOutcomeEvent, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { VerifiedEvent } from "./intake-source.ts"

/** The event type of an approvals host's decision as processes route it; the payload is an `ApprovalOutcomeEvent`. */
export const approvalOutcomeEventType = "approval.outcome"

/**
 * The `translate` of an approvals vendor's intake source (DingTalk, WeCom): its stored approval
 * events become tixi's `approval.outcome` events, keyed by the outcome's own id so the same
 * decision arriving by push, by stream or by a recovery pull reaches an instance once; events
 * that decide nothing (a start, an approval tixi did not open) become none; other events pass.
 */
export function approvalOutcomeTranslator<VendorEvent>(
  vendorEventType: string,
  toOutcome: (event: VendorEvent) => Effect.Effect<ApprovalOutcomeEvent | undefined, PortFailure>,
) {
  return (event: VerifiedEvent): Effect.Effect<ReadonlyArray<VerifiedEvent>, PortFailure> =>
    event.type !== vendorEventType
      ? Effect.succeed([event])
      : toOutcome(event.payload as VendorEvent).pipe(
          Effect.map((outcome) =>
            outcome === undefined
              ? []
              : [{ id: outcome.eventId, type: approvalOutcomeEventType, payload: outcome }],
          ),
        )
}
